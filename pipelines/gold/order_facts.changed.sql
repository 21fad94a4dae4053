-- The orders a refresh recomputes in gold.order_facts: those whose row, items or payments changed since the last
-- Gold build, and every order of a customer any change touches, under the customer the order had and the one it has
-- now (a customer's move re-labels all their orders; days_since_first_order counts from the customer's first order).
-- <=> keeps the orders without a customer together, as the window over customer_id does.
WITH touched_orders AS (
  SELECT order_id FROM silver.orders WHERE _batch_id > ${last_gold_batch}
  UNION SELECT order_id FROM silver.order_items WHERE _batch_id > ${last_gold_batch}
  UNION SELECT order_id FROM silver.payments WHERE _batch_id > ${last_gold_batch}
),
touched_customers AS (
  SELECT customer_id FROM silver.customers WHERE _batch_id > ${last_gold_batch}
  UNION SELECT o.customer_id FROM silver.orders o JOIN touched_orders t ON o.order_id = t.order_id
  UNION SELECT f.customer_id FROM gold.order_facts f JOIN touched_orders t ON f.order_id = t.order_id
)
SELECT order_id FROM touched_orders
UNION SELECT o.order_id FROM silver.orders o JOIN touched_customers c ON o.customer_id <=> c.customer_id
