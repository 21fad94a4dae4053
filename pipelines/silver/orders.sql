-- Silver orders from one Bronze batch (view bronze_batch: every column text). Keep _bronze (the original row).
-- Status is trimmed and lower-cased; timestamps are UTC.
SELECT
  nullif(trim(order_id), '')                                                              AS order_id,
  nullif(trim(customer_id), '')                                                           AS customer_id,
  nullif(lower(trim(order_status)), '')                                                   AS order_status,
  to_timestamp(nullif(trim(order_purchase_timestamp), ''), '${timestamp_format}')         AS order_purchase_timestamp,
  to_timestamp(nullif(trim(order_approved_at), ''), '${timestamp_format}')                AS order_approved_at,
  to_timestamp(nullif(trim(order_delivered_timestamp), ''), '${timestamp_format}')        AS order_delivered_timestamp,
  to_date(nullif(trim(order_estimated_delivery_date), ''), '${date_format}')              AS order_estimated_delivery_date,
  _bronze
FROM bronze_batch
