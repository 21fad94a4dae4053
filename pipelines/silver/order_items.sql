-- Silver order items from one Bronze batch (view bronze_batch: every column text). Keep _bronze (the original row).
SELECT
  nullif(trim(order_id), '')                                                                        AS order_id,
  CAST(CASE WHEN trim(order_item_id) RLIKE '^-?[0-9]+$' THEN trim(order_item_id) END AS INT)        AS order_item_id,
  nullif(trim(product_id), '')                                                                      AS product_id,
  nullif(trim(seller_id), '')                                                                       AS seller_id,
  CAST(CASE WHEN trim(price) RLIKE '^-?[0-9]+([.][0-9]+)?$' THEN trim(price) END AS DECIMAL(12,2))  AS price,
  CAST(CASE WHEN trim(shipping_charges) RLIKE '^-?[0-9]+([.][0-9]+)?$' THEN trim(shipping_charges) END AS DECIMAL(12,2))
                                                                                                    AS shipping_charges,
  _bronze
FROM bronze_batch
