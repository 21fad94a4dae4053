-- gold.state_sales_monthly: one row per customer state and month with at least one order.
SELECT
  customer_state,
  year,
  month,
  count(*)                                                                          AS orders,
  count(DISTINCT customer_id)                                                       AS customers,
  CAST(coalesce(sum(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS revenue
FROM gold.order_facts
GROUP BY customer_state, year, month
