-- gold.order_items: one row per item whose order is in gold.order_facts (orphans are left out and counted).
SELECT
  i.order_id,
  i.order_item_id,
  i.product_id,
  coalesce(p.product_category_name, '${unknown_category}')            AS product_category,
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
