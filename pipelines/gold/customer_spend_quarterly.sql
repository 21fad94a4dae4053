-- gold.customer_spend_quarterly: one row per customer and quarter with at least one order.
SELECT
  customer_id,
  year,
  quarter,
  count(*)                                                                          AS orders,
  CAST(coalesce(sum(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS total_spend
FROM gold.order_facts
WHERE customer_id IS NOT NULL
GROUP BY customer_id, year, quarter
