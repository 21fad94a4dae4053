-- Silver payments from one Bronze batch (view bronze_batch: every column text). Keep _bronze (the original row).
SELECT
  nullif(trim(order_id), '')                                                                              AS order_id,
  CAST(CASE WHEN trim(payment_sequential) RLIKE '^-?[0-9]+$' THEN trim(payment_sequential) END AS INT)    AS payment_sequential,
  nullif(lower(trim(payment_type)), '')                                                                   AS payment_type,
  CAST(CASE WHEN trim(payment_installments) RLIKE '^-?[0-9]+$' THEN trim(payment_installments) END AS INT) AS payment_installments,
  CAST(CASE WHEN trim(payment_value) RLIKE '^-?[0-9]+([.][0-9]+)?$' THEN trim(payment_value) END AS DECIMAL(12,2))
                                                                                                          AS payment_value,
  _bronze
FROM bronze_batch
