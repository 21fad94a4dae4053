-- The e-commerce pipeline of pipelines/ecommerce.yaml done by DuckDB over the same landing CSVs, for `aurum bench`
-- (dev.aurum.bench.DuckDbGold runs it; docs/benchmarks.md reports it). Bronze -> Silver -> Gold in one pass:
--  * Bronze: every drop up to ${until}, columns matched by header name (union_by_name: headers change across days),
--    all text; lines with too few or too many fields are skipped (Aurum quarantines them as malformed_row).
--  * Silver: the same typing as pipelines/silver/*.sql, the same quarantine rules (rows failing one are left out),
--    then one row per key, the latest drop winning and within a drop the later line (Aurum's MERGE order).
--  * Gold: pipelines/gold/*.sql in DuckDB's dialect.
-- Statements are separated by lines holding only ';'.

CREATE SCHEMA bronze
;
CREATE SCHEMA silver
;
CREATE SCHEMA gold
;
CREATE TABLE bronze.customers AS
SELECT *, regexp_extract(filename, '(\d{4}-\d{2}-\d{2})', 1) AS _drop, row_number() OVER () AS _line
FROM read_csv('${landing}/customers/*/customers.csv', header = true, all_varchar = true, union_by_name = true, filename = true,
              ignore_errors = true, delim = ',', quote = '"', escape = '"')
WHERE regexp_extract(filename, '(\d{4}-\d{2}-\d{2})', 1) <= '${until}'
;
CREATE TABLE bronze.products AS
SELECT *, regexp_extract(filename, '(\d{4}-\d{2}-\d{2})', 1) AS _drop, row_number() OVER () AS _line
FROM read_csv('${landing}/products/*/products.csv', header = true, all_varchar = true, union_by_name = true, filename = true,
              ignore_errors = true, delim = ',', quote = '"', escape = '"')
WHERE regexp_extract(filename, '(\d{4}-\d{2}-\d{2})', 1) <= '${until}'
;
CREATE TABLE bronze.orders AS
SELECT *, regexp_extract(filename, '(\d{4}-\d{2}-\d{2})', 1) AS _drop, row_number() OVER () AS _line
FROM read_csv('${landing}/orders/*/orders.csv', header = true, all_varchar = true, union_by_name = true, filename = true,
              ignore_errors = true, delim = ',', quote = '"', escape = '"')
WHERE regexp_extract(filename, '(\d{4}-\d{2}-\d{2})', 1) <= '${until}'
;
CREATE TABLE bronze.order_items AS
SELECT *, regexp_extract(filename, '(\d{4}-\d{2}-\d{2})', 1) AS _drop, row_number() OVER () AS _line
FROM read_csv('${landing}/order_items/*/order_items.csv', header = true, all_varchar = true, union_by_name = true, filename = true,
              ignore_errors = true, delim = ',', quote = '"', escape = '"')
WHERE regexp_extract(filename, '(\d{4}-\d{2}-\d{2})', 1) <= '${until}'
;
CREATE TABLE bronze.payments AS
SELECT *, regexp_extract(filename, '(\d{4}-\d{2}-\d{2})', 1) AS _drop, row_number() OVER () AS _line
FROM read_csv('${landing}/payments/*/payments.csv', header = true, all_varchar = true, union_by_name = true, filename = true,
              ignore_errors = true, delim = ',', quote = '"', escape = '"')
WHERE regexp_extract(filename, '(\d{4}-\d{2}-\d{2})', 1) <= '${until}'
;
CREATE TABLE silver.customers AS
SELECT customer_id, customer_zip_code_prefix, customer_city, customer_state
FROM (
  SELECT nullif(trim(customer_id), '')                                                         AS customer_id,
         CASE WHEN regexp_matches(trim(customer_zip_code_prefix), '^[0-9]{1,8}$') THEN trim(customer_zip_code_prefix) END
                                                                                              AS customer_zip_code_prefix,
         nullif(lower(trim(customer_city)), '')                                                AS customer_city,
         nullif(upper(trim(customer_state)), '')                                               AS customer_state,
         _drop, _line
  FROM bronze.customers)
WHERE customer_id IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY _drop DESC, _line DESC) = 1
;
CREATE TABLE silver.products AS
SELECT product_id, product_category_name, product_weight_g, product_length_cm, product_height_cm, product_width_cm
FROM (
  SELECT nullif(trim(product_id), '')                                                                  AS product_id,
         nullif(lower(trim(product_category_name)), '')                                                AS product_category_name,
         CASE WHEN regexp_matches(trim(product_weight_g), '^[0-9]+$') THEN TRY_CAST(trim(product_weight_g) AS INTEGER) END   AS product_weight_g,
         CASE WHEN regexp_matches(trim(product_length_cm), '^[0-9]+$') THEN TRY_CAST(trim(product_length_cm) AS INTEGER) END AS product_length_cm,
         CASE WHEN regexp_matches(trim(product_height_cm), '^[0-9]+$') THEN TRY_CAST(trim(product_height_cm) AS INTEGER) END AS product_height_cm,
         CASE WHEN regexp_matches(trim(product_width_cm), '^[0-9]+$') THEN TRY_CAST(trim(product_width_cm) AS INTEGER) END   AS product_width_cm,
         _drop, _line
  FROM bronze.products)
WHERE product_id IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY product_id ORDER BY _drop DESC, _line DESC) = 1
;
CREATE TABLE silver.orders AS
SELECT order_id, customer_id, order_status, order_purchase_timestamp, order_approved_at, order_delivered_timestamp, order_estimated_delivery_date
FROM (
  SELECT nullif(trim(order_id), '')                                                              AS order_id,
         nullif(trim(customer_id), '')                                                           AS customer_id,
         nullif(lower(trim(order_status)), '')                                                   AS order_status,
         try_strptime(nullif(trim(order_purchase_timestamp), ''), '%Y-%m-%d %H:%M:%S')           AS order_purchase_timestamp,
         try_strptime(nullif(trim(order_approved_at), ''), '%Y-%m-%d %H:%M:%S')                  AS order_approved_at,
         try_strptime(nullif(trim(order_delivered_timestamp), ''), '%Y-%m-%d %H:%M:%S')          AS order_delivered_timestamp,
         CAST(try_strptime(nullif(trim(order_estimated_delivery_date), ''), '%Y-%m-%d') AS DATE) AS order_estimated_delivery_date,
         _drop, _line
  FROM bronze.orders)
WHERE order_id IS NOT NULL
  AND order_purchase_timestamp IS NOT NULL
  AND order_status IS NOT NULL AND order_status IN ('created','approved','invoiced','processing','shipped','delivered','canceled','unavailable')
QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY _drop DESC, _line DESC) = 1
;
CREATE TABLE silver.order_items AS
SELECT order_id, order_item_id, product_id, seller_id, price, shipping_charges
FROM (
  SELECT nullif(trim(order_id), '')                                                                           AS order_id,
         CASE WHEN regexp_matches(trim(order_item_id), '^-?[0-9]+$') THEN TRY_CAST(trim(order_item_id) AS INTEGER) END AS order_item_id,
         nullif(trim(product_id), '')                                                                         AS product_id,
         nullif(trim(seller_id), '')                                                                          AS seller_id,
         CASE WHEN regexp_matches(trim(price), '^-?[0-9]+([.][0-9]+)?$') THEN TRY_CAST(trim(price) AS DECIMAL(12,2)) END AS price,
         CASE WHEN regexp_matches(trim(shipping_charges), '^-?[0-9]+([.][0-9]+)?$') THEN TRY_CAST(trim(shipping_charges) AS DECIMAL(12,2)) END
                                                                                                              AS shipping_charges,
         nullif(trim(order_item_id), '')                                                                      AS _raw_item_id,
         _drop, _line
  FROM bronze.order_items)
WHERE order_id IS NOT NULL AND _raw_item_id IS NOT NULL
  AND order_item_id IS NOT NULL AND order_item_id >= 0
  AND price IS NOT NULL AND price >= 0
  AND shipping_charges IS NOT NULL AND shipping_charges >= 0
QUALIFY row_number() OVER (PARTITION BY order_id, order_item_id ORDER BY _drop DESC, _line DESC) = 1
;
CREATE TABLE silver.payments AS
SELECT order_id, payment_sequential, payment_type, payment_installments, payment_value
FROM (
  SELECT nullif(trim(order_id), '')                                                                                  AS order_id,
         CASE WHEN regexp_matches(trim(payment_sequential), '^-?[0-9]+$') THEN TRY_CAST(trim(payment_sequential) AS INTEGER) END     AS payment_sequential,
         nullif(lower(trim(payment_type)), '')                                                                       AS payment_type,
         CASE WHEN regexp_matches(trim(payment_installments), '^-?[0-9]+$') THEN TRY_CAST(trim(payment_installments) AS INTEGER) END AS payment_installments,
         CASE WHEN regexp_matches(trim(payment_value), '^-?[0-9]+([.][0-9]+)?$') THEN TRY_CAST(trim(payment_value) AS DECIMAL(12,2)) END
                                                                                                                     AS payment_value,
         nullif(trim(payment_sequential), '')                                                                        AS _raw_sequential,
         _drop, _line
  FROM bronze.payments)
WHERE order_id IS NOT NULL AND _raw_sequential IS NOT NULL
  AND payment_sequential IS NOT NULL AND payment_sequential >= 0
  AND payment_installments IS NOT NULL AND payment_installments >= 0
  AND payment_value IS NOT NULL AND payment_value >= 0
QUALIFY row_number() OVER (PARTITION BY order_id, payment_sequential ORDER BY _drop DESC, _line DESC) = 1
;
CREATE TABLE gold.order_facts AS
WITH items AS (
  SELECT order_id, count(*) AS item_count, sum(price) AS items_value, sum(shipping_charges) AS shipping_value
  FROM silver.order_items
  GROUP BY order_id
),
payments AS (
  SELECT order_id,
         sum(payment_value)        AS payment_value,
         max(payment_installments) AS payment_installments,
         arg_max(payment_type, struct_pack(v := payment_value, s := -payment_sequential)) AS primary_payment_type
  FROM silver.payments
  GROUP BY order_id
),
orders AS (
  SELECT o.*, CAST(o.order_purchase_timestamp AS DATE) AS purchase_date
  FROM silver.orders o
)
SELECT
  o.order_id,
  o.customer_id,
  c.customer_city,
  c.customer_state,
  o.order_status,
  o.order_purchase_timestamp                                            AS purchase_ts,
  o.purchase_date,
  CAST(year(o.purchase_date) AS INTEGER)                                AS year,
  CAST(quarter(o.purchase_date) AS INTEGER)                             AS quarter,
  CAST(month(o.purchase_date) AS INTEGER)                               AS month,
  CAST(weekofyear(o.purchase_date) AS INTEGER)                          AS week_of_year,
  dayname(o.purchase_date)                                              AS day_of_week,
  CAST(isodow(o.purchase_date) AS INTEGER)                              AS day_of_week_num,
  CAST(hour(o.order_purchase_timestamp) AS INTEGER)                     AS hour,
  isodow(o.purchase_date) >= 6                                          AS is_weekend,
  CASE WHEN month(o.purchase_date) IN (12, 1, 2) THEN 'Summer'
       WHEN month(o.purchase_date) IN (3, 4, 5) THEN 'Autumn'
       WHEN month(o.purchase_date) IN (6, 7, 8) THEN 'Winter'
       ELSE 'Spring' END                                                AS season,
  CAST(coalesce(i.item_count, 0) AS INTEGER)                            AS item_count,
  CAST(coalesce(i.items_value, 0) AS DECIMAL(12,2))                     AS items_value,
  CAST(coalesce(i.shipping_value, 0) AS DECIMAL(12,2))                  AS shipping_value,
  CAST(coalesce(i.items_value, 0) + coalesce(i.shipping_value, 0) AS DECIMAL(12,2)) AS order_value,
  CAST(coalesce(p.payment_value, 0) AS DECIMAL(12,2))                   AS payment_value,
  p.payment_installments,
  p.primary_payment_type,
  o.order_delivered_timestamp                                           AS delivered_ts,
  CASE WHEN o.order_delivered_timestamp IS NOT NULL
       THEN CAST(date_diff('day', o.purchase_date, CAST(o.order_delivered_timestamp AS DATE)) AS INTEGER) END AS delivery_days,
  o.order_estimated_delivery_date                                       AS estimated_delivery_date,
  CASE WHEN o.order_delivered_timestamp IS NOT NULL
       THEN CAST(o.order_delivered_timestamp AS DATE) > o.order_estimated_delivery_date END AS is_late,
  o.order_status NOT IN ('canceled','unavailable')                      AS is_revenue,
  CAST(date_diff('day', min(o.purchase_date) OVER (PARTITION BY o.customer_id), o.purchase_date) AS INTEGER) AS days_since_first_order
FROM orders o
LEFT JOIN silver.customers c ON o.customer_id = c.customer_id
LEFT JOIN items i ON o.order_id = i.order_id
LEFT JOIN payments p ON o.order_id = p.order_id
;
CREATE TABLE gold.order_items AS
SELECT
  i.order_id,
  i.order_item_id,
  i.product_id,
  coalesce(p.product_category_name, 'unknown')                         AS product_category,
  i.seller_id,
  CAST(i.price AS DECIMAL(12,2))                                       AS price,
  CAST(i.shipping_charges AS DECIMAL(12,2))                            AS shipping_charges,
  CAST(i.price + i.shipping_charges AS DECIMAL(12,2))                  AS item_value,
  f.order_status,
  f.is_revenue,
  f.purchase_date,
  f.year,
  f.quarter,
  f.month,
  f.customer_state
FROM silver.order_items i
JOIN gold.order_facts f ON i.order_id = f.order_id
LEFT JOIN silver.products p ON i.product_id = p.product_id
;
CREATE TABLE gold.daily_sales AS
SELECT
  purchase_date                                                                   AS date,
  count(*)                                                                        AS orders,
  count(DISTINCT customer_id)                                                     AS customers,
  CAST(coalesce(sum(CASE WHEN is_revenue THEN item_count END), 0) AS BIGINT)      AS items_sold,
  CAST(coalesce(sum(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS revenue,
  -- Spark divides decimals exactly and rounds half up; DuckDB's decimal division gives a double, so round in cents
  CAST(CAST((2 * CAST(sum(CASE WHEN is_revenue THEN order_value END) * 100 AS HUGEINT) + nullif(count_if(is_revenue), 0))
            // (2 * nullif(count_if(is_revenue), 0)) AS DECIMAL(14,0)) * CAST(0.01 AS DECIMAL(3,2)) AS DECIMAL(12,2))
                                                                                  AS avg_order_value
FROM gold.order_facts
GROUP BY purchase_date
;
CREATE TABLE gold.customer_spend_quarterly AS
SELECT customer_id, year, quarter,
       count(*)                                                                          AS orders,
       CAST(coalesce(sum(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS total_spend
FROM gold.order_facts
WHERE customer_id IS NOT NULL
GROUP BY customer_id, year, quarter
;
CREATE TABLE gold.category_sales_monthly AS
SELECT product_category, year, month,
       count(DISTINCT order_id)                                                         AS orders,
       count_if(is_revenue)                                                             AS items_sold,
       CAST(coalesce(sum(CASE WHEN is_revenue THEN item_value END), 0) AS DECIMAL(12,2)) AS revenue
FROM gold.order_items
GROUP BY product_category, year, month
;
CREATE TABLE gold.state_sales_monthly AS
SELECT customer_state, year, month,
       count(*)                                                                          AS orders,
       count(DISTINCT customer_id)                                                       AS customers,
       CAST(coalesce(sum(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS revenue
FROM gold.order_facts
GROUP BY customer_state, year, month
;
CREATE TABLE gold.payment_mix_monthly AS
SELECT p.payment_type, f.year, f.month,
       count_if(f.is_revenue)                                                                  AS payments,
       CAST(coalesce(sum(CASE WHEN f.is_revenue THEN p.payment_value END), 0) AS DECIMAL(12,2)) AS payment_value,
       avg(CASE WHEN f.is_revenue THEN CAST(p.payment_installments AS DOUBLE) END)             AS avg_installments
FROM silver.payments p
JOIN gold.order_facts f ON p.order_id = f.order_id
GROUP BY p.payment_type, f.year, f.month
;
CREATE TABLE gold.customers AS
SELECT customer_id,
       any_value(customer_city)                                                          AS customer_city,
       any_value(customer_state)                                                         AS customer_state,
       min(purchase_date)                                                                AS first_order_date,
       max(purchase_date)                                                                AS last_order_date,
       count(*)                                                                          AS orders,
       CAST(coalesce(sum(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS lifetime_value
FROM gold.order_facts
WHERE customer_id IS NOT NULL
GROUP BY customer_id
