-- Hostile corpus for the SQL guard and executor (SqlHostileCorpusTest).
-- Each entry starts with a line '==== rejected' (the guard must refuse it) or '==== bounded' (it may run,
-- but only within the row cap and the timeout). ${GOLD} is the fixture's gold folder.
==== rejected
DROP TABLE gold.order_facts
==== rejected
DROP TABLE IF EXISTS gold.customers
==== rejected
drop table gold.order_items purge
==== rejected
DROP VIEW IF EXISTS gold.v
==== rejected
DROP DATABASE gold CASCADE
==== rejected
DROP SCHEMA silver CASCADE
==== rejected
DROP FUNCTION IF EXISTS f
==== rejected
DROP TEMPORARY FUNCTION IF EXISTS f
==== rejected
CREATE TABLE gold.evil (x INT) USING delta
==== rejected
CREATE TABLE gold.copy AS SELECT * FROM gold.order_facts
==== rejected
CREATE OR REPLACE TABLE gold.customers AS SELECT 1 AS x
==== rejected
CREATE VIEW gold.v AS SELECT * FROM silver.orders
==== rejected
CREATE OR REPLACE TEMPORARY VIEW order_facts AS SELECT * FROM silver.orders
==== rejected
CREATE GLOBAL TEMPORARY VIEW g AS SELECT 1
==== rejected
CREATE DATABASE evil
==== rejected
CREATE SCHEMA IF NOT EXISTS evil LOCATION '/tmp/evil'
==== rejected
CREATE FUNCTION evil AS 'java.lang.Runtime'
==== rejected
CREATE TEMPORARY FUNCTION evil AS 'org.apache.hadoop.hive.ql.udf.UDFReflect'
==== rejected
CREATE TABLE passwd USING csv OPTIONS (path '/etc/passwd')
==== rejected
CREATE TABLE gold.shadow SHALLOW CLONE gold.order_facts
==== rejected
ALTER TABLE gold.order_facts ADD COLUMNS (evil STRING)
==== rejected
ALTER TABLE gold.order_facts RENAME TO gold.gone
==== rejected
ALTER TABLE gold.order_facts SET TBLPROPERTIES ('delta.logRetentionDuration' = 'interval 0 days')
==== rejected
ALTER TABLE gold.customers SET LOCATION '/tmp/elsewhere'
==== rejected
ALTER TABLE gold.customers DROP COLUMN lifetime_value
==== rejected
ALTER TABLE gold.order_facts ADD CONSTRAINT evil CHECK (order_value < 0)
==== rejected
ALTER VIEW gold.v AS SELECT 1
==== rejected
TRUNCATE TABLE gold.order_facts
==== rejected
REPLACE TABLE gold.customers (x INT) USING delta
==== rejected
COMMENT ON TABLE gold.order_facts IS 'owned'
==== rejected
ALTER DATABASE gold SET DBPROPERTIES ('x' = 'y')
==== rejected
INSERT INTO gold.order_facts SELECT * FROM gold.order_facts
==== rejected
INSERT OVERWRITE TABLE gold.customers SELECT * FROM gold.customers WHERE 1 = 0
==== rejected
INSERT OVERWRITE DIRECTORY '/tmp/aurum-hostile-out' USING csv SELECT * FROM gold.customers
==== rejected
INSERT OVERWRITE LOCAL DIRECTORY '/tmp/aurum-hostile-out' SELECT * FROM gold.customers
==== rejected
INSERT INTO gold.daily_sales VALUES (DATE'2020-01-01', 1, 1, 1, 1.00, 1.00)
==== rejected
UPDATE gold.order_facts SET order_value = 0
==== rejected
DELETE FROM gold.order_facts
==== rejected
DELETE FROM gold.customers WHERE customer_id = 'c01'
==== rejected
MERGE INTO gold.customers t USING gold.customers s ON t.customer_id = s.customer_id WHEN MATCHED THEN DELETE
==== rejected
LOAD DATA LOCAL INPATH '/etc/passwd' INTO TABLE gold.customers
==== rejected
WITH x AS (SELECT * FROM gold.customers) INSERT INTO gold.customers SELECT * FROM x
==== rejected
FROM gold.customers INSERT INTO gold.customers SELECT *
==== rejected
SET spark.sql.runSQLOnFiles=true
==== rejected
SET
==== rejected
SET -v
==== rejected
RESET
==== rejected
RESET spark.sql.runSQLOnFiles
==== rejected
SET spark.sql.ansi.enabled = false
==== rejected
USE silver
==== rejected
USE bronze
==== rejected
USE CATALOG spark_catalog
==== rejected
USE DATABASE silver
==== rejected
ADD JAR /tmp/evil.jar
==== rejected
ADD FILE /etc/passwd
==== rejected
ADD ARCHIVE /tmp/evil.zip
==== rejected
LIST JAR
==== rejected
LIST FILE
==== rejected
CACHE TABLE gold.order_facts
==== rejected
CACHE LAZY TABLE c AS SELECT * FROM silver.orders
==== rejected
UNCACHE TABLE gold.order_facts
==== rejected
CLEAR CACHE
==== rejected
REFRESH TABLE gold.order_facts
==== rejected
REFRESH '/etc'
==== rejected
REFRESH FUNCTION reflect
==== rejected
MSCK REPAIR TABLE gold.order_facts
==== rejected
ANALYZE TABLE gold.order_facts COMPUTE STATISTICS
==== rejected
SHOW TABLES
==== rejected
SHOW TABLES IN silver
==== rejected
SHOW DATABASES
==== rejected
SHOW FUNCTIONS
==== rejected
SHOW CREATE TABLE gold.order_facts
==== rejected
SHOW TBLPROPERTIES gold.order_facts
==== rejected
SHOW COLUMNS IN silver.orders
==== rejected
SHOW PARTITIONS gold.order_facts
==== rejected
SHOW VIEWS
==== rejected
SHOW CURRENT NAMESPACE
==== rejected
DESCRIBE gold.order_facts
==== rejected
DESC silver.orders
==== rejected
DESCRIBE TABLE EXTENDED gold.customers
==== rejected
DESCRIBE FUNCTION reflect
==== rejected
DESCRIBE QUERY SELECT * FROM silver.orders
==== rejected
DESCRIBE DATABASE silver
==== rejected
DESCRIBE HISTORY gold.order_facts
==== rejected
DESCRIBE DETAIL gold.order_facts
==== rejected
EXPLAIN SELECT * FROM gold.order_facts
==== rejected
EXPLAIN EXTENDED SELECT * FROM silver.orders
==== rejected
EXPLAIN CODEGEN SELECT 1
==== rejected
EXPLAIN FORMATTED SELECT 1
==== rejected
VACUUM gold.order_facts
==== rejected
VACUUM gold.order_facts RETAIN 0 HOURS
==== rejected
VACUUM gold.order_facts DRY RUN
==== rejected
OPTIMIZE gold.order_facts
==== rejected
OPTIMIZE gold.order_items ZORDER BY (order_id)
==== rejected
RESTORE TABLE gold.order_facts TO VERSION AS OF 0
==== rejected
RESTORE gold.customers TO TIMESTAMP AS OF '2000-01-01'
==== rejected
CONVERT TO DELTA parquet.`/tmp/aurum-hostile`
==== rejected
GENERATE symlink_format_manifest FOR TABLE gold.order_facts
==== rejected
REORG TABLE gold.order_facts APPLY (PURGE)
==== rejected
DESCRIBE HISTORY delta.`${GOLD}/order_facts`
==== rejected
VACUUM delta.`${GOLD}/customers` RETAIN 0 HOURS
==== rejected
SELECT 1; DROP TABLE gold.order_facts
==== rejected
SELECT 1;DROP TABLE gold.order_facts;
==== rejected
SELECT ';'; DROP TABLE gold.customers
==== rejected
SELECT 1 -- harmless
; DELETE FROM gold.order_facts
==== rejected
/* ; */ SELECT 1; TRUNCATE TABLE gold.customers
==== rejected
SELECT * FROM gold.order_facts;
SET spark.sql.runSQLOnFiles=true
==== rejected
SELECT 1; SELECT 2
==== rejected
;SELECT 1; VACUUM gold.order_facts
==== rejected
SELECT 'a'';'; DROP TABLE gold.customers
==== rejected
SELECT "x;" AS s; DROP VIEW gold.v
==== rejected
SELECT 1;

-- comment
USE silver;
==== rejected
SELECT 1 /* nested /* ; */ */; DROP TABLE gold.order_facts
==== rejected
SELECT 1;;;;INSERT INTO gold.customers SELECT * FROM gold.customers
==== rejected
-- SELECT 1
DROP TABLE gold.order_facts
==== rejected
/* SELECT */ DELETE FROM gold.customers
==== rejected
/*+ BROADCAST */ DROP TABLE gold.customers
==== rejected
SELECT 1 -- 
UNION ALL SELECT COUNT(*) FROM silver.orders
==== rejected
SELECT /* gold.order_facts */ * FROM bronze.orders
==== rejected
--
--
VACUUM gold.order_facts
==== rejected
SELECT * FROM /* gold. */ silver.orders
==== rejected
ＳＥＬＥＣＴ 1
==== rejected
SELECT 1; DROP TABLE gold.customers
==== rejected
SELECT 1； DROP TABLE gold.customers
==== rejected
DR​OP TABLE gold.order_facts
==== rejected
SЕLECT * FROM silver.orders
==== rejected
SELECT * FROM gоld.order_facts
==== rejected
SELECT * FROM silver․orders
==== rejected
SELECT * FROM silver.orders
==== rejected
SELECT * FROM `silver`.`orders`
==== rejected
SELECT * FROM `gold.order_facts`
==== rejected
SELECT * FROM gold.`order_facts​`
==== rejected
SELECT 1 — comment? DROP TABLE gold.customers
==== rejected
SELECT * FROM SILVER.ORDERS
==== rejected
SELECT * FROM `SPARK_CATALOG`.`SILVER`.`ORDERS`
==== rejected
SELECT * FROM silver.orders
==== rejected
SELECT * FROM bronze.orders
==== rejected
SELECT * FROM spark_catalog.silver.orders
==== rejected
WITH o AS (SELECT * FROM silver.orders) SELECT COUNT(*) FROM o
==== rejected
WITH a AS (SELECT 1 AS x), b AS (SELECT * FROM bronze.orders) SELECT * FROM a, b
==== rejected
WITH o AS (WITH inner_cte AS (SELECT * FROM silver.orders) SELECT * FROM inner_cte) SELECT * FROM o
==== rejected
SELECT * FROM gold.order_facts WHERE order_id IN (SELECT order_id FROM silver.orders)
==== rejected
SELECT *, (SELECT MAX(order_status) FROM bronze.orders) FROM gold.customers
==== rejected
SELECT * FROM gold.order_facts f WHERE EXISTS (SELECT 1 FROM silver.orders s WHERE s.order_id = f.order_id)
==== rejected
SELECT * FROM (SELECT * FROM (SELECT * FROM silver.orders)) x
==== rejected
SELECT customer_id FROM gold.customers UNION SELECT customer_id FROM silver.orders
==== rejected
SELECT customer_id FROM gold.customers EXCEPT SELECT customer_id FROM bronze.orders
==== rejected
SELECT * FROM gold.order_facts f JOIN silver.orders s ON s.order_id = f.order_id
==== rejected
SELECT * FROM gold.order_facts f, LATERAL (SELECT * FROM silver.orders s WHERE s.order_id = f.order_id)
==== rejected
TABLE silver.orders
==== rejected
FROM silver.orders SELECT *
==== rejected
SELECT * FROM IDENTIFIER('silver.orders')
==== rejected
SELECT * FROM gold.silver_view
==== rejected
SELECT * FROM gold.gold_alias_view
==== rejected
SELECT * FROM global_temp.anything
==== rejected
SELECT * FROM default.orders
==== rejected
SELECT * FROM orders
==== rejected
SELECT * FROM aurum.runs
==== rejected
SELECT * FROM silver.orders VERSION AS OF 0
==== rejected
SELECT * FROM gold.order_facts VERSION AS OF 99999
==== rejected
SELECT * FROM gold.order_facts TIMESTAMP AS OF '1999-01-01'
==== rejected
SELECT * FROM gold.order_facts WHERE customer_id = (SELECT customer_id FROM bronze.orders LIMIT 1)
==== rejected
SELECT (SELECT COUNT(*) FROM silver.orders) AS n
==== rejected
SELECT * FROM csv.`/etc/passwd`
==== rejected
SELECT * FROM text.`/etc/passwd`
==== rejected
SELECT * FROM json.`/etc`
==== rejected
SELECT * FROM parquet.`/tmp`
==== rejected
SELECT * FROM orc.`/tmp`
==== rejected
SELECT * FROM avro.`/tmp`
==== rejected
SELECT * FROM binaryFile.`/etc/passwd`
==== rejected
SELECT * FROM delta.`${GOLD}/order_facts`
==== rejected
SELECT * FROM delta.`file://${GOLD}/customers`
==== rejected
SELECT * FROM `/etc/passwd`
==== rejected
SELECT * FROM `file:///etc/passwd`
==== rejected
SELECT * FROM read_files('/etc/passwd')
==== rejected
SELECT * FROM text.`hdfs://namenode/etc/passwd`
==== rejected
WITH p AS (SELECT * FROM csv.`/etc/passwd`) SELECT * FROM p
==== rejected
SELECT * FROM gold.customers WHERE customer_id IN (SELECT value FROM text.`/etc/hosts`)
==== rejected
SELECT * FROM parquet.`${GOLD}/order_facts`
==== rejected
SELECT reflect('java.lang.Runtime', 'getRuntime')
==== rejected
SELECT java_method('java.lang.System', 'exit', 0)
==== rejected
SELECT try_reflect('java.lang.System', 'getenv', 'HOME')
==== rejected
SELECT REFLECT('java.lang.Thread', 'sleep', 100000L)
==== rejected
SELECT order_id FROM gold.order_facts WHERE reflect('java.util.UUID', 'randomUUID') IS NOT NULL
==== rejected
SELECT order_id FROM gold.order_facts ORDER BY java_method('java.lang.Math', 'random')
==== rejected
SELECT customer_state, MAX(reflect('java.lang.System', 'getProperty', 'user.home')) FROM gold.customers GROUP BY 1
==== rejected
SELECT input_file_name() FROM gold.order_facts
==== rejected
SELECT input_file_block_start() FROM gold.order_facts
==== rejected
SELECT input_file_block_length() FROM gold.customers
==== rejected
SELECT current_user()
==== rejected
SELECT current_user
==== rejected
SELECT user()
==== rejected
SELECT session_user()
==== rejected
SELECT evil_udf(order_id) FROM gold.order_facts
==== rejected
SELECT default.evil(1)
==== rejected
SELECT spark_catalog.default.evil(1)
==== rejected
SELECT system.builtin.reflect('java.lang.System', 'exit', 0)
==== rejected
SELECT TRANSFORM(order_id) USING 'cat' AS (x) FROM gold.order_facts
==== rejected
SELECT TRANSFORM(*) USING '/bin/sh -c "rm -rf /tmp/x"' FROM gold.customers
==== rejected
SELECT explode(sequence(1, 2000000000))
==== rejected
SELECT repeat('x', 2000000000)
==== rejected
SELECT space(2000000000)
==== rejected
SELECT lpad('x', 2000000000, 'y')
==== rejected
SELECT array_repeat(1, 2000000000)
==== rejected
SELECT aes_decrypt(unhex('00'), '0000111122223333')
==== rejected
SELECT * FROM gold.order_facts LATERAL VIEW explode(sequence(1, 100000000)) t AS n
==== rejected
SELECT * FROM gold.order_facts WHERE order_id IN (SELECT reflect('java.lang.System', 'getenv', 'PATH'))
==== rejected
SELECT SUM(order_value) OVER (PARTITION BY java_method('java.lang.Math', 'random')) FROM gold.order_facts
==== rejected
SELECT * FROM range(1000000000000)
==== rejected
SELECT COUNT(*) FROM range(0, 100000000000, 1, 1000)
==== rejected
SELECT * FROM RANGE(10)
==== rejected
SELECT id FROM range(1000000000000) JOIN gold.customers ON true
==== rejected
SELECT * FROM explode(sequence(1, 100000000))
==== rejected
SELECT * FROM inline(array(struct(1)))
==== rejected
WITH r AS (SELECT * FROM range(1000000000)) SELECT COUNT(*) FROM r
==== rejected
SELECT * FROM gold.order_facts a CROSS JOIN gold.order_facts b CROSS JOIN gold.order_facts c CROSS JOIN gold.order_items d
==== rejected
SELECT a.order_id, b.order_id FROM gold.order_facts a, gold.order_facts b, gold.order_facts c, gold.order_facts d, gold.order_facts e
==== rejected
SELECT COUNT(*) FROM gold.order_facts a, gold.order_facts b, gold.order_facts c, gold.order_facts d, gold.order_facts e, gold.order_facts f WHERE a.order_value + b.order_value + c.order_value + d.order_value + e.order_value + f.order_value > 0
==== rejected
SELECT a.customer_id FROM gold.customers a JOIN gold.order_items b ON true JOIN gold.order_items c ON true ORDER BY 1 DESC
==== bounded
SELECT * FROM gold.order_facts
==== rejected
SELECT * FROM gold.order_items i1, gold.order_items i2 WHERE i1.price > 0 LIMIT 1000000
==== rejected
SELECT /*+ REPARTITION(100000) */ * FROM gold.order_facts
==== rejected
SELECT /*+ COALESCE(1) */ * FROM gold.order_facts
==== rejected
SELECT /*+ REBALANCE */ * FROM gold.order_facts
==== rejected
SELECT /*+ REPARTITION_BY_RANGE(100000, order_id) */ * FROM gold.customers
==== rejected

==== rejected
   
==== rejected
;
==== rejected
-- only a comment
==== rejected
SELEC 1
==== rejected
SELECT * FROM
==== rejected
DECLARE x INT
==== rejected
EXECUTE IMMEDIATE 'DROP TABLE gold.order_facts'
==== rejected
CALL system.rollback_to_snapshot('gold.order_facts', 1)
==== rejected
GRANT SELECT ON gold.order_facts TO evil
==== rejected
REVOKE ALL ON gold.order_facts FROM x
==== rejected
SELECT * FROM gold.order_facts FOR UPDATE
==== rejected
SELECT 1 INTO x
==== rejected
WITH x AS (DELETE FROM gold.customers) SELECT 1
==== rejected
SELECT * FROM STREAM(gold.order_facts)
==== rejected
SELECT nope FROM gold.order_facts
==== rejected
SELECT * FROM gold.order_facts, silver.orders
==== bounded
SELECT * FROM gold.order_facts CROSS JOIN (SELECT MAX(purchase_date) AS data_date FROM gold.order_facts) m
==== bounded
SELECT * FROM gold.order_items a CROSS JOIN (SELECT * FROM gold.customers LIMIT 5000) b
==== rejected
SELECT * FROM gold.order_items a JOIN gold.order_facts b ON a.price > b.order_value
