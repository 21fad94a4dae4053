-- gold.daily_sales: one row per purchase date with at least one order.
SELECT
  purchase_date                                                                   AS date,
  count(*)                                                                        AS orders,
  count(DISTINCT customer_id)                                                     AS customers,
  CAST(coalesce(sum(CASE WHEN is_revenue THEN item_count END), 0) AS BIGINT)      AS items_sold,
  CAST(coalesce(sum(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS revenue,
  CAST(round(sum(CASE WHEN is_revenue THEN order_value END) / nullif(count_if(is_revenue), 0), 2) AS DECIMAL(12,2))
                                                                                  AS avg_order_value
FROM gold.order_facts
GROUP BY purchase_date
