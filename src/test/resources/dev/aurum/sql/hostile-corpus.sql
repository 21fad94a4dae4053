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
==== bounded
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
==== rejected
CREATE TABLE IF NOT EXISTS gold.evil2 (x INT) USING delta LOCATION '/tmp/aurum-hostile-out'
==== rejected
CREATE EXTERNAL TABLE gold.ext (x STRING) LOCATION '/etc'
==== rejected
CREATE TEMPORARY VIEW passwd USING csv OPTIONS (path '/etc/passwd')
==== rejected
CREATE TEMPORARY TABLE passwd2 USING text OPTIONS (path '/etc/passwd')
==== rejected
CREATE TABLE gold.deep DEEP CLONE gold.order_facts
==== rejected
CREATE TABLE gold.like_copy LIKE gold.order_facts
==== rejected
CREATE OR REPLACE VIEW gold.order_facts_v AS SELECT * FROM bronze.orders
==== rejected
ALTER TABLE gold.order_facts ALTER COLUMN order_value COMMENT 'owned'
==== rejected
ALTER TABLE gold.order_facts RECOVER PARTITIONS
==== rejected
ALTER TABLE gold.order_facts CLUSTER BY (order_id)
==== rejected
ALTER TABLE gold.customers UNSET TBLPROPERTIES ('delta.appendOnly')
==== rejected
ALTER TABLE gold.order_items DROP CONSTRAINT IF EXISTS evil
==== rejected
ALTER TABLE gold.customers REPLACE COLUMNS (x INT)
==== rejected
ALTER SCHEMA gold SET LOCATION '/tmp/aurum-hostile-out'
==== rejected
DROP TABLE IF EXISTS silver.orders
==== rejected
DROP VIEW gold.silver_view
==== rejected
INSERT INTO TABLE gold.customers SELECT * FROM gold.customers LIMIT 1
==== rejected
INSERT INTO gold.customers REPLACE WHERE customer_state = 'SP' SELECT * FROM gold.customers
==== rejected
INSERT OVERWRITE gold.order_items SELECT * FROM gold.order_items
==== rejected
INSERT INTO gold.customers BY NAME SELECT * FROM gold.customers
==== rejected
INSERT INTO gold.daily_sales (date, orders) VALUES (DATE'2020-01-01', 1)
==== rejected
UPDATE gold.customers SET lifetime_value = 0 WHERE customer_state = 'SP'
==== rejected
UPDATE gold.order_facts f SET order_status = 'canceled' WHERE EXISTS (SELECT 1 FROM gold.order_items i WHERE i.order_id = f.order_id)
==== rejected
DELETE FROM gold.order_items WHERE order_id IN (SELECT order_id FROM gold.order_facts)
==== rejected
DELETE FROM gold.customers c WHERE c.orders > 0
==== rejected
MERGE INTO gold.customers t USING (SELECT * FROM silver.orders) s ON t.customer_id = s.customer_id WHEN NOT MATCHED THEN INSERT *
==== rejected
MERGE INTO gold.daily_sales t USING gold.daily_sales s ON t.date = s.date WHEN MATCHED THEN UPDATE SET revenue = 0
==== rejected
MERGE INTO gold.customers USING gold.customers s ON false WHEN NOT MATCHED BY SOURCE THEN DELETE
==== rejected
WITH x AS (SELECT 1) DELETE FROM gold.customers
==== rejected
WITH x AS (SELECT * FROM gold.order_facts) INSERT OVERWRITE gold.order_facts SELECT * FROM x
==== rejected
FROM gold.order_facts INSERT OVERWRITE DIRECTORY '/tmp/aurum-hostile-out' SELECT *
==== rejected
TRUNCATE TABLE gold.daily_sales
==== rejected
SELECT * FROM csv.`/etc/passwd` AS p WHERE true
==== rejected
SELECT * FROM `csv`.`/etc/passwd`
==== rejected
SELECT * FROM CSV.`/etc/passwd`
==== rejected
SELECT * FROM csv.`file:/etc/passwd`
==== rejected
SELECT * FROM csv.`file:///etc/shadow`
==== rejected
SELECT * FROM json.`/etc/hosts`
==== rejected
SELECT * FROM text.`/proc/self/environ`
==== rejected
SELECT * FROM binaryFile.`/etc`
==== rejected
SELECT * FROM binaryfile.`/root`
==== rejected
SELECT * FROM parquet.`s3a://bucket/key`
==== rejected
SELECT * FROM delta.`/tmp/x` VERSION AS OF 0
==== rejected
SELECT * FROM DELTA.`${GOLD}/daily_sales`
==== rejected
SELECT * FROM delta.`${GOLD}/order_facts` TIMESTAMP AS OF '2000-01-01'
==== rejected
SELECT * FROM orc.`/tmp` UNION ALL SELECT * FROM orc.`/var`
==== rejected
SELECT * FROM image.`/tmp`
==== rejected
SELECT * FROM libsvm.`/tmp`
==== rejected
SELECT * FROM `org.apache.spark.sql.execution.datasources.csv.CSVFileFormat`.`/etc/passwd`
==== rejected
SELECT * FROM jdbc.`jdbc:postgresql://127.0.0.1/db`
==== rejected
SELECT * FROM `${GOLD}/order_facts`
==== rejected
SELECT * FROM gold.`/etc/passwd`
==== rejected
SELECT * FROM gold.order_facts f JOIN csv.`/etc/passwd` p ON true
==== rejected
SELECT customer_id FROM gold.customers UNION SELECT value FROM text.`/etc/passwd`
==== rejected
SELECT customer_id FROM gold.customers INTERSECT SELECT * FROM json.`/etc`
==== rejected
SELECT * FROM gold.customers c WHERE EXISTS (SELECT 1 FROM csv.`/etc/passwd`)
==== rejected
SELECT customer_state, COUNT(*) FROM gold.customers GROUP BY customer_state HAVING COUNT(*) > (SELECT COUNT(*) FROM text.`/etc/passwd`)
==== rejected
SELECT (SELECT first(value) FROM text.`/etc/hostname`) AS host
==== rejected
WITH a AS (SELECT 1 AS x), b AS (WITH c AS (SELECT * FROM parquet.`/tmp`) SELECT * FROM c) SELECT * FROM a, b
==== rejected
SELECT * FROM IDENTIFIER('csv.`/etc/passwd`')
==== rejected
SELECT * FROM table_changes('gold.order_facts', 0)
==== rejected
SELECT * FROM table_changes_by_path('${GOLD}/order_facts', 0)
==== rejected
SELECT * FROM read_files('/etc', format => 'text')
==== rejected
SELECT * FROM sql_keywords()
==== rejected
SELECT * FROM range(3)
==== rejected
SELECT * FROM gold.customers, LATERAL range(1000000000)
==== rejected
SELECT * FROM explode((SELECT collect_list(order_id) FROM silver.orders))
==== rejected
SELECT * FROM explode(array(reflect('java.lang.System', 'getenv', 'HOME')))
==== rejected
SELECT * FROM inline(array(struct(java_method('java.lang.System', 'exit', 0))))
==== rejected
SELECT * FROM posexplode(sequence(1, 1000000000))
==== rejected
SELECT * FROM stack(2, 'a', 'b')
==== rejected
VALUES (reflect('java.lang.System', 'getenv', 'HOME'))
==== rejected
SELECT * FROM VALUES (java_method('java.lang.System', 'exit', 0)) AS t(x)
==== rejected
WITH v(x) AS (VALUES (reflect('java.lang.Runtime', 'getRuntime'))) SELECT * FROM v
==== rejected
VALUES (input_file_name())
==== rejected
SELECT * FROM VALUES ((SELECT MAX(order_id) FROM silver.orders)) AS t(x)
==== rejected
SELECT customer_state FROM gold.customers GROUP BY customer_state HAVING MAX(reflect('java.lang.System', 'getenv', 'HOME')) IS NOT NULL
==== rejected
SELECT transform(array(1), x -> reflect('java.lang.System', 'getenv', 'HOME'))
==== rejected
SELECT CASE WHEN true THEN java_method('java.lang.System', 'exit', 0) END
==== rejected
SELECT RANK() OVER (ORDER BY reflect('java.util.UUID', 'randomUUID')) FROM gold.customers
==== rejected
SELECT * FROM gold.customers LATERAL VIEW explode(array(reflect('java.lang.System', 'getenv', 'HOME'))) t AS v
==== rejected
SELECT * FROM gold.customers c JOIN gold.order_facts f ON c.customer_id = f.customer_id AND java_method('java.lang.Math', 'random') > 0
==== rejected
SELECT * FROM gold.order_facts TIMESTAMP AS OF reflect('java.lang.System', 'getenv', 'HOME')
==== rejected
SELECT system.builtin.java_method('java.lang.System', 'exit', 0)
==== rejected
SELECT `reflect`('java.lang.System', 'getenv', 'HOME')
==== rejected
SELECT hive_udf(1)
==== rejected
SELECT aes_encrypt('x', '0000111122223333')
==== rejected
SELECT version()
==== rejected
SELECT current_catalog()
==== rejected
SELECT current_database()
==== rejected
SELECT spark_partition_id() FROM gold.order_facts
==== rejected
SELECT rpad('x', 2000000000, 'y')
==== rejected
CREATE FUNCTION evil2 AS 'com.example.Evil' USING JAR '/tmp/evil.jar'
==== rejected
CREATE OR REPLACE TEMPORARY FUNCTION evil3 AS 'org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection'
==== rejected
FROM gold.order_facts MAP order_id USING 'cat' AS x
==== rejected
FROM gold.order_facts REDUCE order_id USING '/bin/sh' AS x
==== rejected
SELECT TRANSFORM(customer_id) ROW FORMAT DELIMITED USING 'cat' AS (x) FROM gold.customers
==== rejected
SET spark.sql.warehouse.dir=/tmp/aurum-hostile-out
==== rejected
SET TIME ZONE 'America/Sao_Paulo'
==== rejected
SET TIME ZONE LOCAL
==== rejected
SET spark.sql.legacy.allowNonEmptyLocationInCTAS=true
==== rejected
SET spark.sql.execution.arrow.pyspark.enabled
==== rejected
RESET spark.sql.ansi.enabled
==== rejected
USE NAMESPACE bronze
==== rejected
SET CATALOG spark_catalog
==== rejected
ADD JARS /tmp/a.jar /tmp/b.jar
==== rejected
ADD JAR 'ivy://org.example:evil:1.0'
==== rejected
ADD FILES /etc/passwd
==== rejected
LIST ARCHIVES
==== rejected
CACHE TABLE c OPTIONS ('storageLevel' 'DISK_ONLY') SELECT * FROM gold.order_facts
==== rejected
CACHE TABLE c2 AS SELECT 1
==== rejected
UNCACHE TABLE IF EXISTS c
==== rejected
REFRESH TABLE silver.orders
==== rejected
REFRESH "/etc"
==== rejected
MSCK REPAIR TABLE gold.customers ADD PARTITIONS
==== rejected
MSCK REPAIR TABLE gold.customers SYNC PARTITIONS
==== rejected
ANALYZE TABLE gold.customers COMPUTE STATISTICS FOR ALL COLUMNS
==== rejected
ANALYZE TABLES IN gold COMPUTE STATISTICS NOSCAN
==== rejected
OPTIMIZE gold.daily_sales WHERE date > '2017-01-01'
==== rejected
OPTIMIZE delta.`${GOLD}/customers`
==== rejected
OPTIMIZE gold.customers FULL
==== rejected
VACUUM gold.customers LITE
==== rejected
VACUUM delta.`${GOLD}/order_items`
==== rejected
RESTORE TABLE delta.`${GOLD}/customers` TO VERSION AS OF 0
==== rejected
RESTORE gold.daily_sales VERSION AS OF 0
==== rejected
CONVERT TO DELTA gold.customers
==== rejected
REORG TABLE gold.customers APPLY (UPGRADE UNIFORM (ICEBERG_COMPAT_VERSION = 2))
==== rejected
CALL spark_catalog.system.remove_orphan_files(table => 'gold.order_facts')
==== rejected
EXPLAIN COST SELECT * FROM gold.order_facts
==== rejected
EXPLAIN DROP TABLE gold.order_facts
==== rejected
EXPLAIN INSERT INTO gold.customers SELECT * FROM gold.customers
==== rejected
EXPLAIN SELECT * FROM csv.`/etc/passwd`
==== rejected
SHOW TABLE EXTENDED IN gold LIKE '*'
==== rejected
SHOW CATALOGS
==== rejected
SHOW USER FUNCTIONS
==== rejected
SHOW TABLES FROM aurum
==== rejected
SHOW GRANTS
==== rejected
SHOW SCHEMAS LIKE 's*'
==== rejected
SHOW CREATE TABLE silver.orders AS SERDE
==== rejected
DESCRIBE EXTENDED silver.orders
==== rejected
DESC FORMATTED gold.customers
==== rejected
DESCRIBE SCHEMA EXTENDED gold
==== rejected
DESCRIBE gold.order_facts order_id
==== rejected
DESCRIBE FUNCTION EXTENDED java_method
==== rejected
DESCRIBE CATALOG spark_catalog
==== rejected
SELECT * FROM aurum.run_history
==== rejected
SELECT * FROM aurum.ingested_files
==== rejected
SELECT * FROM silver.quarantine
==== rejected
SELECT * FROM information_schema.tables
==== rejected
SELECT * FROM system.information_schema.columns
==== rejected
SELECT * FROM spark_catalog.information_schema.tables
==== rejected
SELECT * FROM bronze.orders VERSION AS OF 0
==== rejected
SELECT order_status, COUNT(*) FROM gold.order_facts GROUP BY order_status HAVING COUNT(*) > (SELECT COUNT(*) FROM silver.orders)
==== rejected
SELECT customer_state, SUM(revenue) FROM gold.state_sales_monthly GROUP BY customer_state HAVING customer_state IN (SELECT order_status FROM bronze.orders)
==== rejected
SELECT order_id, RANK() OVER (ORDER BY (SELECT COUNT(*) FROM silver.orders)) FROM gold.order_facts
==== rejected
SELECT * FROM gold.order_facts ORDER BY (SELECT MAX(order_id) FROM bronze.orders)
==== rejected
SELECT customer_id FROM gold.customers INTERSECT SELECT customer_id FROM silver.orders
==== rejected
SELECT customer_id FROM gold.customers EXCEPT ALL SELECT customer_id FROM bronze.orders
==== rejected
SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT COUNT(*) FROM silver.orders
==== rejected
(SELECT order_id FROM gold.order_facts) UNION (SELECT order_id FROM bronze.orders LIMIT 1)
==== rejected
SELECT * FROM gold.order_facts f WHERE EXISTS (SELECT 1 FROM gold.order_items i WHERE i.order_id = f.order_id AND EXISTS (SELECT 1 FROM silver.orders s WHERE s.order_id = i.order_id))
==== rejected
SELECT * FROM gold.customers c, LATERAL (SELECT COUNT(*) AS n FROM silver.orders s WHERE s.customer_id = c.customer_id)
==== rejected
SELECT * FROM (SELECT order_status, order_id FROM silver.orders) PIVOT (COUNT(order_id) FOR order_status IN ('delivered'))
==== rejected
SELECT * FROM bronze.orders UNPIVOT (v FOR k IN (order_id, customer_id))
==== rejected
SELECT order_status, customer_id, COUNT(*) FROM silver.orders GROUP BY GROUPING SETS ((order_status), (customer_id))
==== rejected
SELECT order_status, COUNT(*) FROM bronze.orders GROUP BY ROLLUP (order_status)
==== rejected
SELECT * FROM gold.order_facts f LEFT ANTI JOIN silver.orders s ON s.order_id = f.order_id
==== rejected
SELECT * FROM gold.customers NATURAL JOIN silver.orders
==== rejected
SELECT * FROM gold.order_facts FULL OUTER JOIN bronze.orders USING (order_id)
==== rejected
WITH order_facts AS (SELECT * FROM silver.orders) SELECT * FROM order_facts
==== rejected
WITH gold AS (SELECT * FROM bronze.orders) SELECT * FROM gold
==== rejected
WITH x AS (SELECT * FROM gold.order_facts), y AS (SELECT * FROM x JOIN silver.orders s USING (order_id)) SELECT COUNT(*) FROM y
==== rejected
SELECT * FROM VALUES ('a') AS t(x) WHERE x IN (SELECT order_id FROM silver.orders)
==== rejected
SELECT * FROM gold.customers TABLESAMPLE (10 PERCENT) WHERE customer_id IN (SELECT customer_id FROM bronze.orders)
==== rejected
SELECT * FROM gold.order_facts WINDOW w AS (PARTITION BY (SELECT 1 FROM silver.orders LIMIT 1))
==== rejected
SELECT /*+ BROADCAST(s) */ * FROM gold.order_facts f JOIN silver.orders s ON s.order_id = f.order_id
==== rejected
SELECT 1
;
DROP TABLE gold.order_facts
==== rejected
SELECT 1 /* */; DROP TABLE gold.customers
==== rejected
SELECT 1 --;
; DROP TABLE gold.customers
==== rejected
EXPLAIN SELECT 1; SELECT 1
==== rejected
SELECT 1; -- ;
SET spark.sql.runSQLOnFiles=true
==== rejected
WITH x AS (SELECT 1) SELECT * FROM x; DELETE FROM gold.customers
==== rejected
SELECT `a;b` FROM (SELECT 1 AS `a;b`); DROP TABLE gold.customers
==== rejected
SELECT 1 /*; */ ; VACUUM gold.customers
==== rejected
/* multi
line */ DELETE FROM gold.order_items
==== rejected
-- comment
/* another */ -- third
UPDATE gold.customers SET orders = 0
==== rejected
SELECT 1 UNION ALL SELECT 2; SELECT 3
==== rejected
SELECT 'it''s'; SELECT 'fine'
==== rejected
SELECT * FROM gold.order_fаcts
==== rejected
SELECT * FROM ｓｉｌｖｅｒ.orders
==== rejected
SELECT 1; DROP TABLE gold.customers
==== rejected
SELECT 1 ; ​DROP TABLE gold.customers
==== rejected
SELECT 1‮; ELBAT PORD
==== rejected
DROP‌ TABLE gold.order_facts
==== rejected
SELECT * FROM `silver`.`orders‍`
==== rejected
SELECT * FROM gold.order_facts WHERE 1 = 1; DROP TABLE gold.customers
==== rejected
﻿DROP TABLE gold.customers
==== rejected
SELECT * FROM g​old.order_facts
==== rejected
SELECT * FROM silver．orders
==== rejected
SELECT * FROM `bгonze`.orders
==== rejected
SELECT * FROM cѕv.`/etc/passwd`
==== rejected
SELECT ʀeflect('java.lang.System', 'getenv', 'HOME')
==== bounded
SELECT 'x\u003B DROP TABLE gold.customers' AS s
==== bounded
SELECT '; DROP TABLE gold.customers; --' AS s
==== bounded
SELECT * FROM json_tuple('{"a": 1}', 'a')
