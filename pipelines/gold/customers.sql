-- gold.customers: one row per customer who placed at least one order; city and state are the current ones.
SELECT
  customer_id,
  first(customer_city)                                                              AS customer_city,
  first(customer_state)                                                             AS customer_state,
  min(purchase_date)                                                                AS first_order_date,
  max(purchase_date)                                                                AS last_order_date,
  count(*)                                                                          AS orders,
  CAST(coalesce(sum(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS lifetime_value
FROM gold.order_facts
WHERE customer_id IS NOT NULL
GROUP BY customer_id
