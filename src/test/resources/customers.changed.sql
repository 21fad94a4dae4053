-- GoldRefreshTest: the customers a refresh recomputes in gold.customers and gold.customer_spend_quarterly: those of the orders
-- gold.order_facts recomputes, under the customer each order had (Gold, read before the refresh) and has now (Silver).
SELECT customer_id FROM gold.order_facts WHERE order_id IN (SELECT order_id FROM changed_order_facts)
UNION SELECT customer_id FROM silver.orders WHERE order_id IN (SELECT order_id FROM changed_order_facts)
