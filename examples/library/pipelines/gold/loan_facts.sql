-- gold.loan_facts: one row per loan, with its member, book and branch, the calendar parts of the loan date, and
-- whether it came back late. A loan of an unknown member or book keeps NULL for their attributes.
SELECT
  l.loan_id,
  l.member_id,
  m.member_type,
  l.book_id,
  b.title,
  b.author,
  b.genre,
  l.branch_id,
  br.branch_name,
  br.district,
  l.status                                                        AS loan_status,
  l.loan_date,
  year(l.loan_date)                                               AS year,
  quarter(l.loan_date)                                            AS quarter,
  month(l.loan_date)                                              AS month,
  date_format(l.loan_date, 'EEEE')                                AS day_of_week,
  dayofweek(l.loan_date) IN (1, 7)                                AS is_weekend,
  l.due_date,
  l.returned_date,
  CASE WHEN l.returned_date IS NOT NULL THEN datediff(l.returned_date, l.loan_date) END AS loan_days,
  CASE WHEN l.returned_date IS NOT NULL THEN l.returned_date > l.due_date END          AS is_late,
  l.fine_amount
FROM silver.loans l
LEFT JOIN silver.members m ON l.member_id = m.member_id
LEFT JOIN silver.books b ON l.book_id = b.book_id
LEFT JOIN silver.branches br ON l.branch_id = br.branch_id
