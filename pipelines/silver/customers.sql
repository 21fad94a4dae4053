-- Silver customers from one Bronze batch (view bronze_batch: every column text). Keep _bronze (the original row).
SELECT
  nullif(trim(customer_id), '')                                                        AS customer_id,
  CASE WHEN trim(customer_zip_code_prefix) RLIKE '^[0-9]{1,8}$' THEN trim(customer_zip_code_prefix) END
                                                                                       AS customer_zip_code_prefix,
  nullif(lower(trim(customer_city)), '')                                               AS customer_city,
  nullif(upper(trim(customer_state)), '')                                              AS customer_state,
  _bronze
FROM bronze_batch
