-- Silver loans: dates are yyyy-MM-dd; a loan arrives again when it is returned or lost (the latest drop wins).
SELECT
  nullif(trim(loan_id), '')                                                                          AS loan_id,
  nullif(trim(member_id), '')                                                                        AS member_id,
  nullif(trim(book_id), '')                                                                          AS book_id,
  nullif(trim(branch_id), '')                                                                        AS branch_id,
  to_date(nullif(trim(loan_date), ''), '${date_format}')                                             AS loan_date,
  to_date(nullif(trim(due_date), ''), '${date_format}')                                              AS due_date,
  to_date(nullif(trim(returned_date), ''), '${date_format}')                                         AS returned_date,
  nullif(lower(trim(status)), '')                                                                    AS status,
  CAST(CASE WHEN trim(fine_amount) RLIKE '^-?[0-9]+([.][0-9]+)?$' THEN trim(fine_amount) END AS DECIMAL(12,2)) AS fine_amount,
  _bronze
FROM bronze_batch
