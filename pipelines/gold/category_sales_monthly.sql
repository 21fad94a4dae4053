-- gold.category_sales_monthly: one row per category and month with at least one order containing the category.
SELECT
  product_category,
  year,
  month,
  count(DISTINCT order_id)                                                         AS orders,
  count_if(is_revenue)                                                             AS items_sold,
  CAST(coalesce(sum(CASE WHEN is_revenue THEN item_value END), 0) AS DECIMAL(12,2)) AS revenue
FROM gold.order_items
GROUP BY product_category, year, month
