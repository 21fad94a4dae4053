-- gold.order_facts: one row per order of silver.orders (every status). Meanings: docs/gold-schema.md.
-- ${in_scope} is TRUE on a full build; on a refresh it keeps the orders order_facts.changed.sql selects.
WITH items AS (
  SELECT order_id,
         count(*)              AS item_count,
         sum(price)            AS items_value,
         sum(shipping_charges) AS shipping_value
  FROM silver.order_items
  WHERE ${in_scope}
  GROUP BY order_id
),
payments AS (
  SELECT order_id,
         sum(payment_value)        AS payment_value,
         max(payment_installments) AS payment_installments,
         -- the payment with the largest value; ties: the lowest payment_sequential
         max_by(payment_type, struct(payment_value, -payment_sequential)) AS primary_payment_type
  FROM silver.payments
  WHERE ${in_scope}
  GROUP BY order_id
),
orders AS (
  SELECT o.*,
         to_date(o.order_purchase_timestamp) AS purchase_date
  FROM silver.orders o
  WHERE ${in_scope}
)
SELECT
  o.order_id,
  o.customer_id,
  c.customer_city,
  c.customer_state,
  o.order_status,
  o.order_purchase_timestamp                                            AS purchase_ts,
  o.purchase_date,
  year(o.purchase_date)                                                 AS year,
  quarter(o.purchase_date)                                              AS quarter,
  month(o.purchase_date)                                                AS month,
  weekofyear(o.purchase_date)                                           AS week_of_year,
  date_format(o.purchase_date, 'EEEE')                                  AS day_of_week,
  (dayofweek(o.purchase_date) + 5) % 7 + 1                              AS day_of_week_num,
  hour(o.order_purchase_timestamp)                                      AS hour,
  ((dayofweek(o.purchase_date) + 5) % 7 + 1) >= 6                       AS is_weekend,
  CASE WHEN month(o.purchase_date) IN (12, 1, 2) THEN 'Summer'
       WHEN month(o.purchase_date) IN (3, 4, 5) THEN 'Autumn'
       WHEN month(o.purchase_date) IN (6, 7, 8) THEN 'Winter'
       ELSE 'Spring' END                                                AS season,
  CAST(coalesce(i.item_count, 0) AS INT)                                AS item_count,
  CAST(coalesce(i.items_value, 0) AS DECIMAL(12,2))                     AS items_value,
  CAST(coalesce(i.shipping_value, 0) AS DECIMAL(12,2))                  AS shipping_value,
  CAST(coalesce(i.items_value, 0) + coalesce(i.shipping_value, 0) AS DECIMAL(12,2)) AS order_value,
  CAST(coalesce(p.payment_value, 0) AS DECIMAL(12,2))                   AS payment_value,
  p.payment_installments,
  p.primary_payment_type,
  o.order_delivered_timestamp                                           AS delivered_ts,
  CASE WHEN o.order_delivered_timestamp IS NOT NULL
       THEN datediff(to_date(o.order_delivered_timestamp), o.purchase_date) END AS delivery_days,
  o.order_estimated_delivery_date                                       AS estimated_delivery_date,
  CASE WHEN o.order_delivered_timestamp IS NOT NULL
       THEN to_date(o.order_delivered_timestamp) > o.order_estimated_delivery_date END AS is_late,
  o.order_status NOT IN (${non_revenue_statuses})                       AS is_revenue,
  datediff(o.purchase_date, min(o.purchase_date) OVER (PARTITION BY o.customer_id)) AS days_since_first_order
FROM orders o
LEFT JOIN silver.customers c ON o.customer_id = c.customer_id
LEFT JOIN items i ON o.order_id = i.order_id
LEFT JOIN payments p ON o.order_id = p.order_id
