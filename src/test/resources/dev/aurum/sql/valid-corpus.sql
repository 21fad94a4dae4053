-- Valid corpus for the SQL guard (SqlValidCorpusTest): read-only queries an analyst or an LLM writes over the Gold
-- tables of docs/gold-schema.md. Every entry must pass the guard and run on the test Gold fixture.
-- Each entry starts with a line '==== ' followed by the shapes it shows (comma separated); SqlValidCorpusTest checks
-- that every shape the guard promises to accept appears at least once.
==== having
SELECT customer_state, COUNT(*) AS orders FROM gold.order_facts GROUP BY customer_state HAVING COUNT(*) > 2
==== having
SELECT product_category, SUM(item_value) AS revenue FROM gold.order_items WHERE is_revenue GROUP BY product_category HAVING SUM(item_value) > 0 ORDER BY revenue DESC
==== having, case
SELECT year, quarter, SUM(CASE WHEN is_revenue THEN order_value ELSE 0 END) AS revenue FROM gold.order_facts GROUP BY year, quarter HAVING revenue >= 0 ORDER BY year, quarter
==== having, scalar-subquery
SELECT customer_id, SUM(total_spend) AS spend FROM gold.customer_spend_quarterly GROUP BY customer_id
HAVING SUM(total_spend) > (SELECT AVG(total_spend) FROM gold.customer_spend_quarterly)
==== having, distinct
SELECT customer_state FROM gold.customers GROUP BY customer_state HAVING COUNT(DISTINCT customer_city) > 1
==== having
SELECT payment_type, AVG(avg_installments) AS installments FROM gold.payment_mix_monthly GROUP BY payment_type HAVING MAX(payments) >= 1 AND MIN(month) > 0
==== window
SELECT order_id, customer_state, order_value, RANK() OVER (PARTITION BY customer_state ORDER BY order_value DESC) AS rank_in_state FROM gold.order_facts
==== window
SELECT date, revenue, SUM(revenue) OVER (ORDER BY date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS revenue_7d FROM gold.daily_sales ORDER BY date
==== window
SELECT year, month, revenue, LAG(revenue) OVER (PARTITION BY customer_state ORDER BY year, month) AS previous, customer_state FROM gold.state_sales_monthly
==== window
SELECT customer_id, purchase_date, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY purchase_ts) AS nth_order,
       LEAD(purchase_date) OVER (PARTITION BY customer_id ORDER BY purchase_ts) AS next_purchase
FROM gold.order_facts
==== window, named-window
SELECT order_id, AVG(order_value) OVER w AS state_avg, MAX(order_value) OVER w AS state_max FROM gold.order_facts WINDOW w AS (PARTITION BY customer_state)
==== window, cte
WITH ranked AS (
  SELECT product_category, year, month, revenue, DENSE_RANK() OVER (PARTITION BY year, month ORDER BY revenue DESC) AS r
  FROM gold.category_sales_monthly)
SELECT * FROM ranked WHERE r <= 3 ORDER BY year, month, r
==== window
SELECT customer_state, revenue, revenue * 100.0 / SUM(revenue) OVER () AS share, NTILE(4) OVER (ORDER BY revenue) AS quartile,
       PERCENT_RANK() OVER (ORDER BY revenue) AS pr, CUME_DIST() OVER (ORDER BY revenue) AS cd
FROM (SELECT customer_state, SUM(revenue) AS revenue FROM gold.state_sales_monthly GROUP BY customer_state)
==== window
SELECT date, orders, FIRST_VALUE(orders) OVER (ORDER BY date) AS first_orders, AVG(orders) OVER (ORDER BY date RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_avg FROM gold.daily_sales
==== cte
WITH revenue_orders AS (SELECT * FROM gold.order_facts WHERE is_revenue) SELECT year, SUM(order_value) AS revenue FROM revenue_orders GROUP BY year ORDER BY year
==== cte, cte-several, join-inner
WITH spend AS (SELECT customer_id, SUM(total_spend) AS spend FROM gold.customer_spend_quarterly GROUP BY customer_id),
     places AS (SELECT customer_id, customer_state FROM gold.customers)
SELECT p.customer_state, SUM(s.spend) AS spend FROM spend s JOIN places p ON p.customer_id = s.customer_id GROUP BY p.customer_state
==== cte, cte-several, cte-chained
WITH a AS (SELECT customer_id, COUNT(*) AS n FROM gold.order_facts GROUP BY customer_id),
     b AS (SELECT n, COUNT(*) AS customers FROM a GROUP BY n),
     c AS (SELECT MAX(customers) AS top FROM b)
SELECT b.* FROM b, c WHERE b.customers = c.top
==== cte, cte-nested
WITH outer_cte AS (
  WITH inner_cte AS (SELECT customer_state, order_value FROM gold.order_facts WHERE is_revenue)
  SELECT customer_state, SUM(order_value) AS revenue FROM inner_cte GROUP BY customer_state)
SELECT * FROM outer_cte ORDER BY revenue DESC
==== cte, cte-nested, subquery-from
SELECT * FROM (WITH x AS (SELECT order_id, item_count FROM gold.order_facts) SELECT item_count, COUNT(*) AS orders FROM x GROUP BY item_count) t ORDER BY item_count
==== cte, cte-nested, in-subquery
SELECT customer_id FROM gold.customers
WHERE customer_id IN (WITH big AS (SELECT customer_id FROM gold.order_facts WHERE order_value > 100) SELECT customer_id FROM big)
==== cte, union-all
WITH s AS (SELECT 'orders' AS what, COUNT(*) AS n FROM gold.order_facts), i AS (SELECT 'items' AS what, COUNT(*) AS n FROM gold.order_items)
SELECT * FROM s UNION ALL SELECT * FROM i
==== cte, cte-recursive-name-reuse
WITH gold_orders AS (SELECT order_id FROM gold.order_facts) SELECT COUNT(*) FROM gold_orders g1 JOIN gold_orders g2 USING (order_id)
==== union
SELECT customer_state FROM gold.customers UNION SELECT customer_state FROM gold.state_sales_monthly
==== union-all
SELECT 'order_facts' AS source, COUNT(*) AS n FROM gold.order_facts UNION ALL SELECT 'order_items', COUNT(*) FROM gold.order_items UNION ALL SELECT 'customers', COUNT(*) FROM gold.customers
==== union, order-limit
(SELECT order_id, order_value FROM gold.order_facts ORDER BY order_value DESC LIMIT 3) UNION (SELECT order_id, order_value FROM gold.order_facts ORDER BY order_value LIMIT 3) ORDER BY order_value
==== intersect
SELECT customer_id FROM gold.customers INTERSECT SELECT customer_id FROM gold.customer_spend_quarterly
==== intersect
SELECT customer_state FROM gold.order_facts WHERE year = 2017 INTERSECT ALL SELECT customer_state FROM gold.order_facts WHERE year = 2018
==== except
SELECT customer_id FROM gold.customers EXCEPT SELECT customer_id FROM gold.order_facts WHERE year = 2018
==== except
SELECT product_category FROM gold.order_items EXCEPT ALL SELECT product_category FROM gold.category_sales_monthly
==== except, minus
SELECT customer_state FROM gold.customers MINUS SELECT customer_state FROM gold.state_sales_monthly WHERE year = 2017
==== exists, correlated
SELECT c.customer_id, c.customer_state FROM gold.customers c WHERE EXISTS (SELECT 1 FROM gold.order_facts f WHERE f.customer_id = c.customer_id AND f.order_status = 'canceled')
==== not-exists, correlated
SELECT f.order_id FROM gold.order_facts f WHERE NOT EXISTS (SELECT 1 FROM gold.order_items i WHERE i.order_id = f.order_id)
==== in-subquery
SELECT order_id, order_value FROM gold.order_facts WHERE customer_id IN (SELECT customer_id FROM gold.customers WHERE customer_state = 'SP')
==== in-subquery, not-in
SELECT product_id, product_category FROM gold.order_items WHERE order_id NOT IN (SELECT order_id FROM gold.order_facts WHERE NOT is_revenue)
==== scalar-subquery
SELECT order_id, order_value, order_value - (SELECT AVG(order_value) FROM gold.order_facts) AS above_average FROM gold.order_facts
==== scalar-subquery, correlated
SELECT c.customer_id, (SELECT MAX(f.order_value) FROM gold.order_facts f WHERE f.customer_id = c.customer_id) AS biggest_order FROM gold.customers c
==== scalar-subquery, correlated
SELECT f.order_id, f.order_value FROM gold.order_facts f
WHERE f.order_value > (SELECT AVG(g.order_value) FROM gold.order_facts g WHERE g.customer_state = f.customer_state)
==== scalar-subquery, data-date
SELECT SUM(revenue) AS revenue_30d FROM gold.daily_sales WHERE date > date_sub((SELECT MAX(date) FROM gold.daily_sales), 30)
==== rollup
SELECT year, quarter, SUM(revenue) AS revenue FROM gold.daily_sales d JOIN (SELECT DISTINCT purchase_date, year, quarter FROM gold.order_facts) p ON p.purchase_date = d.date GROUP BY ROLLUP (year, quarter)
==== rollup
SELECT customer_state, year, SUM(revenue) AS revenue FROM gold.state_sales_monthly GROUP BY customer_state, year WITH ROLLUP
==== cube
SELECT payment_type, year, SUM(payment_value) AS value, GROUPING_ID() AS level FROM gold.payment_mix_monthly GROUP BY CUBE (payment_type, year)
==== cube
SELECT product_category, year, SUM(items_sold) AS items FROM gold.category_sales_monthly GROUP BY product_category, year WITH CUBE
==== grouping-sets
SELECT customer_state, order_status, COUNT(*) AS orders, GROUPING(customer_state) AS all_states FROM gold.order_facts
GROUP BY GROUPING SETS ((customer_state, order_status), (customer_state), ())
==== grouping-sets
SELECT year, month, season, COUNT(*) FROM gold.order_facts GROUP BY GROUPING SETS ((year, month), (season))
==== lateral-view
SELECT f.order_id, n FROM gold.order_facts f LATERAL VIEW explode(array(f.item_count, f.payment_installments)) t AS n
==== lateral-view, posexplode
SELECT order_id, pos, part FROM gold.order_facts LATERAL VIEW posexplode(split(customer_city, ' ')) p AS pos, part
==== lateral-view, outer
SELECT customer_id, state FROM gold.customers LATERAL VIEW OUTER explode(array(customer_state, customer_city)) s AS state
==== table-generator
SELECT * FROM explode(array('SP', 'RJ', 'MG')) AS t(state)
==== table-generator, join-left
SELECT t.state, COUNT(c.customer_id) AS customers FROM explode(array('SP', 'RJ', 'AC')) AS t(state) LEFT JOIN gold.customers c ON c.customer_state = t.state GROUP BY t.state
==== values
VALUES ('SP', 'Sao Paulo'), ('RJ', 'Rio de Janeiro')
==== values, join-inner
SELECT v.label, SUM(f.order_value) AS value FROM gold.order_facts f JOIN (VALUES ('SP', 'Sao Paulo'), ('RJ', 'Rio')) AS v(state, label) ON v.state = f.customer_state GROUP BY v.label
==== values, cte
WITH targets(status, goal) AS (VALUES ('delivered', 10), ('shipped', 5)) SELECT t.status, t.goal, COUNT(f.order_id) AS actual FROM targets t LEFT JOIN gold.order_facts f ON f.order_status = t.status GROUP BY t.status, t.goal
==== values
SELECT * FROM VALUES (1, 'one'), (2, 'two') AS t(n, word) WHERE n > 1
==== case
SELECT order_id, CASE WHEN order_value >= 200 THEN 'large' WHEN order_value >= 50 THEN 'medium' ELSE 'small' END AS size FROM gold.order_facts
==== case
SELECT CASE customer_state WHEN 'SP' THEN 'Sao Paulo' WHEN 'RJ' THEN 'Rio de Janeiro' ELSE 'other' END AS region, COUNT(*) FROM gold.customers GROUP BY 1
==== case
SELECT SUM(CASE WHEN is_late THEN 1 ELSE 0 END) * 100.0 / NULLIF(SUM(CASE WHEN is_late IS NOT NULL THEN 1 ELSE 0 END), 0) AS late_rate FROM gold.order_facts
==== order-limit
SELECT order_id, order_value FROM gold.order_facts ORDER BY order_value DESC NULLS LAST, order_id LIMIT 5
==== order-limit, offset
SELECT customer_id, lifetime_value FROM gold.customers ORDER BY lifetime_value DESC LIMIT 5 OFFSET 2
==== order-limit
SELECT date, revenue FROM gold.daily_sales ORDER BY 2 DESC, 1 ASC LIMIT 10
==== distinct
SELECT DISTINCT customer_state, customer_city FROM gold.customers ORDER BY customer_state
==== distinct
SELECT COUNT(DISTINCT customer_id) AS customers, COUNT(DISTINCT product_category) FILTER (WHERE year = 2017) AS categories_2017 FROM gold.order_items JOIN gold.order_facts USING (order_id, year)
==== join-inner
SELECT f.order_id, i.product_category, i.price FROM gold.order_facts f INNER JOIN gold.order_items i ON i.order_id = f.order_id WHERE f.year = 2017
==== join-left
SELECT f.order_id, COUNT(i.order_item_id) AS items FROM gold.order_facts f LEFT OUTER JOIN gold.order_items i ON i.order_id = f.order_id GROUP BY f.order_id
==== join-right
SELECT c.customer_state, f.order_id FROM gold.order_facts f RIGHT JOIN gold.customers c ON c.customer_id = f.customer_id
==== join-full
SELECT COALESCE(s.customer_state, c.customer_state) AS state, s.revenue, c.customers FROM
  (SELECT customer_state, SUM(revenue) AS revenue FROM gold.state_sales_monthly GROUP BY customer_state) s
  FULL OUTER JOIN (SELECT customer_state, COUNT(*) AS customers FROM gold.customers GROUP BY customer_state) c ON c.customer_state = s.customer_state
==== join-semi
SELECT * FROM gold.customers c LEFT SEMI JOIN gold.order_facts f ON f.customer_id = c.customer_id AND f.year = 2018
==== join-anti
SELECT * FROM gold.customers c LEFT ANTI JOIN gold.order_facts f ON f.customer_id = c.customer_id AND f.order_status = 'canceled'
==== join-cross
SELECT f.order_id, f.purchase_date FROM gold.order_facts f CROSS JOIN (SELECT MAX(purchase_date) AS data_date FROM gold.order_facts) d WHERE f.purchase_date > date_sub(d.data_date, 90)
==== join-cross, values
SELECT s.status, c.customer_state FROM (VALUES ('delivered'), ('shipped')) AS s(status) CROSS JOIN (SELECT DISTINCT customer_state FROM gold.customers LIMIT 100) c
==== join-natural
SELECT customer_id, customer_state, total_spend FROM gold.customers NATURAL JOIN gold.customer_spend_quarterly
==== join-using
SELECT customer_id, c.customer_city, COUNT(*) FROM gold.customers c JOIN gold.order_facts f USING (customer_id) GROUP BY customer_id, c.customer_city
==== join-implicit
SELECT c.customer_state, SUM(f.order_value) FROM gold.order_facts f, gold.customers c WHERE f.customer_id = c.customer_id GROUP BY c.customer_state
==== join-multiple
SELECT c.customer_state, i.product_category, SUM(i.item_value) AS revenue
FROM gold.order_items i JOIN gold.order_facts f ON f.order_id = i.order_id JOIN gold.customers c ON c.customer_id = f.customer_id
WHERE i.is_revenue GROUP BY c.customer_state, i.product_category ORDER BY revenue DESC
==== join-self
SELECT a.customer_id, a.order_id AS first_order, b.order_id AS later_order FROM gold.order_facts a JOIN gold.order_facts b ON a.customer_id = b.customer_id AND b.purchase_ts > a.purchase_ts
==== join-hint
SELECT /*+ BROADCAST(c) */ c.customer_state, COUNT(*) FROM gold.order_facts f JOIN gold.customers c ON c.customer_id = f.customer_id GROUP BY c.customer_state
==== lateral-subquery
SELECT c.customer_id, o.biggest, o.orders FROM gold.customers c, LATERAL (SELECT MAX(order_value) AS biggest, COUNT(*) AS orders FROM gold.order_facts f WHERE f.customer_id = c.customer_id) o
==== pivot
SELECT * FROM (SELECT customer_state, order_status, order_value FROM gold.order_facts) PIVOT (SUM(order_value) FOR order_status IN ('delivered' AS delivered, 'canceled' AS canceled))
==== unpivot
SELECT * FROM (SELECT year, month, orders, items_sold FROM gold.category_sales_monthly) UNPIVOT (value FOR measure IN (orders, items_sold))
==== table-statement
TABLE gold.payment_mix_monthly
==== from-first
FROM gold.daily_sales SELECT date, revenue WHERE revenue > 0
==== time-travel
SELECT COUNT(*) FROM gold.order_facts VERSION AS OF 0
==== sample
SELECT COUNT(*) >= 0 AS ok FROM gold.order_facts TABLESAMPLE (50 PERCENT)
==== sort-by, distribute-by
SELECT customer_state, order_value FROM gold.order_facts DISTRIBUTE BY customer_state SORT BY order_value
==== cluster-by
SELECT customer_state, order_id FROM gold.order_facts CLUSTER BY customer_state
==== where-complex
SELECT order_id FROM gold.order_facts WHERE (order_status IN ('delivered', 'shipped') OR payment_value BETWEEN 10 AND 100) AND customer_city LIKE 'sao%' AND delivered_ts IS NOT NULL
==== date-functions
SELECT date_trunc('MONTH', purchase_ts) AS month, COUNT(*) AS orders, AVG(delivery_days) AS avg_days, MAX(datediff(estimated_delivery_date, purchase_date)) AS max_promise
FROM gold.order_facts GROUP BY 1 ORDER BY 1
==== date-functions, interval
SELECT COUNT(*) FROM gold.order_facts WHERE purchase_date >= DATE'2018-12-31' - INTERVAL 90 DAYS AND purchase_ts < TIMESTAMP'2019-01-01 00:00:00'
==== aggregate-functions
SELECT percentile_approx(order_value, 0.5) AS median_value, stddev(order_value) AS sd, max_by(order_id, order_value) AS biggest, collect_set(season) AS seasons, count_if(is_late) AS late
FROM gold.order_facts
==== aggregate-functions, filter-clause
SELECT customer_state, COUNT(*) FILTER (WHERE is_revenue) AS revenue_orders, SUM(order_value) FILTER (WHERE year = 2018) AS revenue_2018 FROM gold.order_facts GROUP BY customer_state
==== string-functions
SELECT upper(customer_city) AS city, concat_ws(' / ', customer_state, initcap(customer_city)) AS label, length(customer_id) AS id_length, regexp_replace(customer_city, ' ', '_') AS slug FROM gold.customers
==== higher-order-functions
SELECT transform(array(order_value, items_value), v -> v * 2) AS doubled, filter(array(1, 2, 3), x -> x > 1) AS big, aggregate(array(1, 2, 3), 0, (acc, x) -> acc + x) AS total FROM gold.order_facts LIMIT 3
==== struct-array
SELECT s.state, s.n FROM (SELECT named_struct('state', customer_state, 'n', COUNT(*)) AS s FROM gold.customers GROUP BY customer_state)
==== cast
SELECT CAST(year AS STRING) || '-Q' || CAST(quarter AS STRING) AS period, CAST(SUM(total_spend) AS DOUBLE) AS spend, try_cast('x' AS INT) AS nothing FROM gold.customer_spend_quarterly GROUP BY year, quarter
==== no-table
SELECT 1 + 1 AS two, current_date() IS NOT NULL AS has_date
==== comments
-- revenue by state
SELECT customer_state, /* money */ SUM(revenue) AS revenue -- in BRL
FROM gold.state_sales_monthly GROUP BY customer_state;
==== mixed-case-names
SELECT Customer_State, COUNT(*) FROM GOLD.Customers GROUP BY Customer_State
==== backticks
SELECT `c`.`customer_state`, COUNT(*) AS `number of customers` FROM `gold`.`customers` AS `c` GROUP BY `c`.`customer_state`
==== catalog-qualified
SELECT COUNT(*) FROM spark_catalog.gold.daily_sales
==== subquery-from, nested
SELECT state, AVG(revenue) AS avg_monthly FROM (SELECT customer_state AS state, year, month, SUM(revenue) AS revenue FROM (SELECT * FROM gold.state_sales_monthly) x GROUP BY 1, 2, 3) y GROUP BY state
==== union-all, window, cte, having, exists
WITH monthly AS (
  SELECT year, month, SUM(revenue) AS revenue FROM gold.category_sales_monthly GROUP BY year, month HAVING SUM(revenue) >= 0),
  ranked AS (SELECT *, RANK() OVER (PARTITION BY year ORDER BY revenue DESC) AS r FROM monthly)
SELECT 'best' AS kind, year, month, revenue FROM ranked WHERE r = 1
UNION ALL
SELECT 'worst', year, month, revenue FROM ranked r1 WHERE NOT EXISTS (SELECT 1 FROM ranked r2 WHERE r2.year = r1.year AND r2.revenue < r1.revenue)
==== qualify-like
SELECT * FROM (SELECT order_id, customer_id, order_value, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_value DESC) AS rn FROM gold.order_facts) WHERE rn = 1
==== in-list, between, is-null
SELECT COUNT(*) FROM gold.order_facts WHERE customer_state IN ('SP', 'RJ') AND month BETWEEN 1 AND 6 AND primary_payment_type IS NULL
