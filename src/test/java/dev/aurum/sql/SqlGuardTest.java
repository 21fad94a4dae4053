package dev.aurum.sql;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SparkTest
class SqlGuardTest
{
    private static SqlGuard guard;

    @BeforeAll
    static void setUp()
    {
        GoldFixture.shared();
        SparkSession query = SparkSessions.querySession(TestSpark.get());
        guard = new SqlGuard(query, GoldFixture.GOLD_TABLES.stream().map(t -> "gold." + t).collect(Collectors.toSet()));
    }

    @Test
    void acceptsQueriesOfManyShapesAndNamesTheTablesRead()
    {
        assertThat(guard.check("SELECT COUNT(*) FROM gold.order_facts").tablesRead()).containsExactly("gold.order_facts");
        assertThat(guard.check("""
                WITH revenue AS (SELECT customer_state, SUM(order_value) AS v FROM gold.order_facts GROUP BY customer_state)
                SELECT r.customer_state, r.v, c.n
                FROM revenue r JOIN (SELECT customer_state, COUNT(*) AS n FROM gold.customers GROUP BY customer_state) c
                  ON c.customer_state = r.customer_state
                WHERE r.v > (SELECT AVG(order_value) FROM gold.order_items i JOIN gold.order_facts f ON f.order_id = i.order_id)
                """).tablesRead()).containsExactlyInAnyOrder("gold.order_facts", "gold.customers", "gold.order_items");
        assertThat(guard.check("SELECT order_id, RANK() OVER (PARTITION BY customer_state ORDER BY order_value DESC) FROM gold.order_facts").tablesRead())
                .containsExactly("gold.order_facts");
        assertThat(guard.check("SELECT customer_state FROM gold.customers UNION SELECT customer_state FROM gold.state_sales_monthly").tablesRead())
                .containsExactlyInAnyOrder("gold.customers", "gold.state_sales_monthly");
        assertThat(guard.check("SELECT * FROM gold.order_facts VERSION AS OF 0").tablesRead()).containsExactly("gold.order_facts");
        assertThat(guard.check("VALUES (1, 'a'), (2, 'b')").tablesRead()).isEmpty();
        assertThat(guard.check("SELECT 1 + 1").tablesRead()).isEmpty();
        assertThat(guard.check("SELECT /*+ BROADCAST(c) */ * FROM gold.order_facts f JOIN gold.customers c USING (customer_id)").tablesRead()).hasSize(2);
        assertThat(guard.check("SELECT * FROM GOLD.Order_Facts LIMIT 3").tablesRead()).containsExactly("gold.order_facts");
        assertThat(guard.check("SELECT * FROM spark_catalog.gold.order_facts").tablesRead()).containsExactly("gold.order_facts");
        assertThat(guard.check("SELECT year, SUM(revenue) FROM gold.daily_sales d JOIN gold.order_facts f ON f.purchase_date = d.date GROUP BY ROLLUP(year)").tablesRead())
                .hasSize(2);
        assertThat(guard.check("SELECT * FROM gold.order_facts WHERE EXISTS (SELECT 1 FROM gold.order_items i WHERE i.order_id = order_facts.order_id)")
                .tablesRead()).hasSize(2);
        assertThat(guard.check("SELECT s, explode(array(1, 2)) FROM (SELECT 'x' AS s)").tablesRead()).isEmpty();
        assertThat(guard.check("SELECT f.* FROM gold.order_facts f CROSS JOIN (SELECT MAX(purchase_date) AS d FROM gold.order_facts) m WHERE f.purchase_date > date_sub(m.d, 29)")
                .tablesRead()).containsExactly("gold.order_facts");
        // keys in WHERE instead of ON, and a CTE whose single row makes the cross join small, are seen through
        assertThat(guard.check("SELECT COUNT(*) FROM gold.order_items i, (SELECT * FROM gold.order_facts) f WHERE i.order_id = f.order_id AND f.year = 2017")
                .tablesRead()).hasSize(2);
        assertThat(guard.check("WITH m AS (SELECT MAX(purchase_date) AS d FROM gold.order_facts) SELECT COUNT(*) FROM gold.order_facts f, m WHERE f.purchase_date > date_sub(m.d, 6)")
                .tablesRead()).containsExactly("gold.order_facts");
        assertThat(guard.check("SELECT * FROM gold.order_facts f LATERAL VIEW explode(array(f.item_count)) t AS n").tablesRead()).hasSize(1);
        assertThat(guard.check("SELECT * FROM (SELECT customer_state, order_status, order_value FROM gold.order_facts) PIVOT (SUM(order_value) FOR order_status IN ('delivered', 'canceled'))")
                .tablesRead()).hasSize(1);
    }

    @Test
    void acceptsReadOnlyShapesByWhatTheyAreNotByAListOfOperators()
    {
        // HAVING used to be refused ("UNRESOLVED HAVING is not supported here")
        assertThat(guard.check("SELECT customer_state, COUNT(*) FROM gold.order_facts GROUP BY customer_state HAVING COUNT(*) > 1").tablesRead())
                .containsExactly("gold.order_facts");
        assertThat(guard.check("SELECT customer_id FROM gold.customers GROUP BY customer_id HAVING MAX(lifetime_value) > (SELECT AVG(revenue) FROM gold.daily_sales)")
                .tablesRead()).containsExactlyInAnyOrder("gold.customers", "gold.daily_sales");
        assertThat(guard.check("WITH a AS (WITH b AS (SELECT * FROM gold.customers) SELECT * FROM b) SELECT customer_id FROM a INTERSECT SELECT customer_id FROM gold.order_facts")
                .tablesRead()).containsExactlyInAnyOrder("gold.customers", "gold.order_facts");
        assertThat(guard.check("SELECT payment_type, year, SUM(payments) FROM gold.payment_mix_monthly GROUP BY GROUPING SETS ((payment_type), (year), ())")
                .tablesRead()).containsExactly("gold.payment_mix_monthly");
        assertThat(guard.check("SELECT order_id, pos, part FROM gold.order_facts LATERAL VIEW posexplode(split(customer_city, ' ')) p AS pos, part").tablesRead())
                .containsExactly("gold.order_facts");
        assertThat(guard.check("SELECT * FROM gold.customers c LEFT ANTI JOIN gold.order_facts f ON f.customer_id = c.customer_id").tablesRead()).hasSize(2);
        // a generator used as a table function makes its rows from its arguments: allowed; range() makes rows from nothing: refused
        assertThat(guard.check("SELECT * FROM explode(array('SP', 'RJ')) AS t(state)").tablesRead()).isEmpty();
        assertRejected("SELECT * FROM explode((SELECT collect_list(order_id) FROM silver.orders))", "table silver.orders is not available");
    }

    @Test
    void refusesByKindWhateverIsNotAReadOnlyQuery()
    {
        // writes Spark only turns into commands during analysis are refused before it
        assertRejected("INSERT OVERWRITE DIRECTORY '/tmp/aurum-guard-test' USING csv SELECT * FROM gold.customers", "only SELECT queries are allowed");
        assertRejected("RESTORE TABLE gold.order_facts TO VERSION AS OF 0", "only SELECT queries are allowed: RESTORE TABLE is a command");
        assertRejected("CREATE TABLE gold.copy SHALLOW CLONE gold.order_facts", "only SELECT queries are allowed: CREATE TABLE is a command");
        // a named window that no expression uses is still checked
        assertRejected("SELECT * FROM gold.order_facts WINDOW w AS (PARTITION BY (SELECT 1 FROM silver.orders LIMIT 1))", "table silver.orders is not available");
        // inline values are evaluated by the analyser, so their expressions are checked before it runs
        assertRejected("VALUES (reflect('java.lang.System', 'getenv', 'HOME'))", "the function reflect is not allowed");
        assertRejected("SELECT * FROM VALUES ((SELECT MAX(order_id) FROM silver.orders)) AS t(x)", "table silver.orders is not available");
        assertRejected("SELECT * FROM IDENTIFIER('silver.orders')", "IDENTIFIER(...) table names are not allowed");
        assertRejected("SELECT * FROM table_changes('gold.order_facts', 0)", "table functions such as table_changes(...) are not allowed");
        assertRejected("SELECT * FROM silver.orders VERSION AS OF 0", "table silver.orders is not available");
        assertRejected("SELECT * FROM delta.`/tmp/x` VERSION AS OF 0", "reading files by path is not allowed");
        assertRejected("SELECT * FROM `/etc/passwd`", "reading files by path is not allowed");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> guard.check("SELECT * FROM range(5)")))
                .hasMessageContaining("table functions such as range(...) are not allowed");
    }

    @Test
    void stripsTrailingSemicolonsButNotSemicolonsInStringsOrComments()
    {
        assertThat(guard.check("SELECT 1;").sql()).isEqualTo("SELECT 1");
        assertThat(guard.check("SELECT 1 ;; -- done\n").sql()).isEqualTo("SELECT 1");
        assertThat(guard.check("SELECT 'a;b' AS x").sql()).isEqualTo("SELECT 'a;b' AS x");
        assertThat(guard.check("SELECT 1 /* ; DROP TABLE gold.order_facts; */ AS x").sql()).contains("DROP TABLE");
        assertThat(guard.check("-- comment; here\nSELECT 2").sql()).isEqualTo("SELECT 2");
    }

    @Test
    void rejectsWithOneLineAUserUnderstands()
    {
        assertRejected("DROP TABLE gold.order_facts", "only SELECT queries are allowed: DROP TABLE is a command");
        assertRejected("SELECT * FROM silver.orders", "table silver.orders is not available; you can query gold.category_sales_monthly, gold.customer_spend_quarterly");
        assertRejected("SELECT 1; DROP TABLE gold.order_facts", "only one statement is allowed");
        assertRejected("WITH x AS (SELECT * FROM bronze.orders) SELECT * FROM x", "table bronze.orders is not available");
        assertRejected("SELECT * FROM gold.order_facts WHERE order_id IN (SELECT order_id FROM silver.orders)", "table silver.orders is not available");
        assertRejected("SELECT * FROM csv.`/etc/passwd`", "reading files by path is not allowed");
        assertRejected("SELECT * FROM delta.`/tmp/x`", "reading files by path is not allowed");
        assertRejected("SELECT reflect('java.lang.Runtime', 'getRuntime')", "the function reflect is not allowed");
        assertRejected("SELECT java_method('java.lang.System', 'exit', 0)", "the function java_method is not allowed");
        assertRejected("SELECT input_file_name() FROM gold.order_facts", "the function input_file_name is not allowed");
        assertRejected("SELECT current_user()", "not allowed");
        assertRejected("SELECT * FROM range(1000000000000)", "table functions such as range(...) are not allowed");
        assertRejected("SET spark.sql.runSQLOnFiles=true", "only SELECT queries are allowed: SET");
        assertRejected("INSERT INTO gold.order_facts SELECT * FROM gold.order_facts", "only SELECT queries are allowed: INSERT INTO is a command");
        assertRejected("WITH x AS (SELECT 1) INSERT INTO gold.customers SELECT * FROM x", "only SELECT queries are allowed");
        assertRejected("VACUUM gold.order_facts", "only SELECT queries are allowed: VACUUM");
        assertRejected("EXPLAIN SELECT 1", "only SELECT queries are allowed: EXPLAIN");
        assertRejected("SELECT * FROM orders", "table orders is not available");
        assertRejected("SELECT nope FROM gold.order_facts", "the query does not analyse");
        assertRejected("SELECT COUNT(*) FROM gold.order_facts a, gold.order_facts b", "joins without an equality condition (cartesian products) need one side of at most");
        assertRejected("SELECT * FROM gold.order_items a JOIN gold.order_facts b ON a.price > b.order_value", "cartesian products");
        assertRejected("WITH a AS (SELECT * FROM gold.order_items) SELECT COUNT(*) FROM a, gold.order_facts b WHERE a.price > 0 AND b.order_value > 0", "cartesian products");
        assertRejected("SELECT TRANSFORM(order_id) USING 'cat' AS (x) FROM gold.order_facts", "only plain queries are allowed: SCRIPT TRANSFORMATION (TRANSFORM ... USING) runs a program");
        assertRejected("SELEC 1", "the SQL does not parse");
        assertRejected("", "the query is empty");
        assertRejected(" ; ; ", "the query is empty");
    }

    private static void assertRejected(String sql, String reason)
    {
        assertThatThrownBy(() -> guard.check(sql))
                .as(sql)
                .isInstanceOfSatisfying(AurumException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SQL_REJECTED);
                    assertThat(e.getMessage()).doesNotContain("\n");
                })
                .hasMessageContaining(reason);
    }
}
