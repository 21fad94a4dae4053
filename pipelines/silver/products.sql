-- Silver products from one Bronze batch (view bronze_batch: every column text). Keep _bronze (the original row).
SELECT
  nullif(trim(product_id), '')                                                          AS product_id,
  nullif(lower(trim(product_category_name)), '')                                        AS product_category_name,
  CAST(CASE WHEN trim(product_weight_g) RLIKE '^[0-9]+$' THEN trim(product_weight_g) END AS INT)   AS product_weight_g,
  CAST(CASE WHEN trim(product_length_cm) RLIKE '^[0-9]+$' THEN trim(product_length_cm) END AS INT) AS product_length_cm,
  CAST(CASE WHEN trim(product_height_cm) RLIKE '^[0-9]+$' THEN trim(product_height_cm) END AS INT) AS product_height_cm,
  CAST(CASE WHEN trim(product_width_cm) RLIKE '^[0-9]+$' THEN trim(product_width_cm) END AS INT)   AS product_width_cm,
  _bronze
FROM bronze_batch
