package dev.aurum.sql;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.semantic.DataDateColumn;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SparkTest
class QueryExecutorTest
{
    /** A slow but interruptible query: an allow-listed test view over a huge range. */
    private static final String SLOW_VIEW = "default.aurum_test_slow_numbers";
    private static final String SLOW = "SELECT COUNT(*) FROM " + SLOW_VIEW + " WHERE id % 7 = 3";

    private static GoldFixture fixture;
    private static SparkSession query;
    private static SqlGuard guard;

    @BeforeAll
    static void setUp()
    {
        fixture = GoldFixture.shared();
        query = SparkSessions.querySession(TestSpark.get());
        TestSpark.get().sql("CREATE OR REPLACE VIEW " + SLOW_VIEW + " AS SELECT id FROM range(0, 1000000000000, 1, 2)");
        Set<String> allowed = GoldFixture.GOLD_TABLES.stream().map(t -> "gold." + t).collect(Collectors.toCollection(java.util.HashSet::new));
        allowed.add(SLOW_VIEW);
        guard = new SqlGuard(query, allowed);
    }

    @org.junit.jupiter.api.AfterAll
    static void tearDown()
    {
        TestSpark.get().sql("DROP VIEW IF EXISTS " + SLOW_VIEW);
    }

    private static QueryExecutor executor(int cap, Duration timeout)
    {
        // the shop model's data_date: order_facts.purchase_date
        DataDate dataDate = new DataDate(query, Optional.of(new DataDateColumn("gold.order_facts", "purchase_date", "purchase_date")));
        return new QueryExecutor(query, guard, new ExecutorSettings(cap, timeout), dataDate);
    }

    @Test
    void returnsColumnsTypesPlainValuesDataDateAndVersions()
    {
        QueryResult result = executor(100, Duration.ofSeconds(60)).execute(
                "SELECT order_id, purchase_date, purchase_ts, order_value, item_count, is_revenue, CAST(hour AS DOUBLE) AS h, payment_installments "
                        + "FROM gold.order_facts WHERE order_id = 'o22';");

        assertThat(result.sql()).doesNotEndWith(";");
        assertThat(result.columns()).extracting(c -> c.name() + ":" + c.type()).containsExactly("order_id:string", "purchase_date:date",
                "purchase_ts:timestamp", "order_value:decimal(12,2)", "item_count:int", "is_revenue:boolean", "h:double", "payment_installments:int");
        GoldFixture.Order order = fixture.orders().get(21);
        assertThat(result.rows()).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo("o22");
            assertThat(row.get(1)).isEqualTo(order.purchaseTimestamp().toLocalDate());
            assertThat(row.get(2)).isEqualTo(order.purchaseTimestamp().toInstant(java.time.ZoneOffset.UTC));
            assertThat((BigDecimal) row.get(3)).isEqualByComparingTo(order.orderValue());
            assertThat(row.get(4)).isEqualTo(order.items().size());
            assertThat(row.get(5)).isEqualTo(order.isRevenue());
            assertThat(row.get(6)).isInstanceOf(Double.class);
            assertThat(row.get(7)).isNull(); // order o22 has no payment
        });
        assertThat(result.rowCount()).isEqualTo(1);
        assertThat(result.truncated()).isFalse();
        assertThat(result.dataDate()).isEqualTo(fixture.dataDate());
        assertThat(result.tableVersions()).containsOnlyKeys("gold.order_facts");
        assertThat(result.tableVersions().get("gold.order_facts")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void groupedJoinWindowCteAndSetOperationQueriesReturnTheRightRows()
    {
        QueryExecutor executor = executor(1000, Duration.ofSeconds(60));
        Map<String, Long> expectedByStatus = fixture.orders().stream().collect(Collectors.groupingBy(GoldFixture.Order::status, TreeMap::new, Collectors.counting()));

        QueryResult byStatus = executor.execute("SELECT order_status, COUNT(*) AS orders FROM gold.order_facts GROUP BY order_status ORDER BY order_status");
        assertThat(byStatus.rows()).extracting(row -> row.get(0) + "=" + row.get(1))
                .containsExactlyElementsOf(expectedByStatus.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());

        Map<String, BigDecimal> revenueByState = fixture.orders().stream().filter(GoldFixture.Order::isRevenue)
                .collect(Collectors.groupingBy(o -> o.customer().state(), TreeMap::new, Collectors.reducing(BigDecimal.ZERO, GoldFixture.Order::orderValue, BigDecimal::add)));
        QueryResult joined = executor.execute("""
                WITH revenue AS (
                  SELECT c.customer_state, SUM(CASE WHEN f.is_revenue THEN f.order_value ELSE 0 END) AS revenue
                  FROM gold.order_facts f JOIN gold.customers c ON c.customer_id = f.customer_id
                  GROUP BY c.customer_state)
                SELECT customer_state, revenue, RANK() OVER (ORDER BY revenue DESC) AS position FROM revenue ORDER BY customer_state
                """);
        assertThat(joined.rows()).hasSize(revenueByState.size());
        for (List<Object> row : joined.rows()) {
            assertThat((BigDecimal) row.get(1)).as((String) row.get(0)).isEqualByComparingTo(revenueByState.get((String) row.get(0)));
        }
        List<Object> top = joined.rows().stream().filter(row -> row.get(2).equals(1)).findFirst().orElseThrow();
        assertThat((BigDecimal) top.get(1)).isEqualByComparingTo(revenueByState.values().stream().max(BigDecimal::compareTo).orElseThrow());

        QueryResult union = executor.execute("SELECT customer_state FROM gold.customers INTERSECT SELECT customer_state FROM gold.order_items ORDER BY 1");
        Set<String> itemStates = fixture.orders().stream().filter(o -> !o.items().isEmpty()).map(o -> o.customer().state()).collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(union.rows()).extracting(row -> (String) row.get(0)).containsExactlyElementsOf(itemStates);

        QueryResult values = executor.execute("SELECT * FROM VALUES (1, 'a'), (2, NULL) AS t(n, s) ORDER BY n");
        assertThat(values.rows()).containsExactly(List.of(1, "a"), java.util.Arrays.asList(2, null));
        assertThat(values.tableVersions()).isEmpty();
    }

    @Test
    void versionAsOfReadsThatVersion()
    {
        QueryResult result = executor(10, Duration.ofSeconds(60)).execute("SELECT COUNT(*) FROM gold.customers VERSION AS OF 0");

        assertThat(result.rows()).containsExactly(List.of((long) fixture.orders().stream().map(o -> o.customer().customerId()).distinct().count()));
        assertThat(result.tableVersions()).containsEntry("gold.customers", 0L);
    }

    @Test
    void rowCapIsAppliedToThePlanAndReported()
    {
        QueryResult capped = executor(5, Duration.ofSeconds(60)).execute("SELECT order_id FROM gold.order_facts ORDER BY order_id");

        assertThat(capped.rows()).hasSize(5);
        assertThat(capped.rowCount()).isEqualTo(5);
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.rows()).extracting(row -> row.get(0)).containsExactly("o01", "o02", "o03", "o04", "o05");
        assertThat(executor(48, Duration.ofSeconds(60)).execute("SELECT order_id FROM gold.order_facts").truncated()).isFalse();
    }

    @Test
    void timeoutCancelsTheJobGroup()
    {
        long start = System.nanoTime();
        assertThatThrownBy(() -> executor(10, Duration.ofSeconds(2)).execute(SLOW))
                .isInstanceOfSatisfying(AurumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT))
                .hasMessageContaining("was cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        // the session is usable afterwards
        assertThat(executor(10, Duration.ofSeconds(60)).execute("SELECT COUNT(*) FROM gold.order_facts").rows()).containsExactly(List.of(48L));
    }

    @Test
    void cancelFromAnotherThreadStopsTheQuery() throws Exception
    {
        QueryExecutor executor = executor(10, Duration.ofSeconds(120));
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                executor.execute(SLOW);
                return null;
            }
            catch (Throwable failure) {
                return failure;
            }
        });
        Thread.sleep(1500);
        executor.cancel();

        Throwable failure = outcome.get(60, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOfSatisfying(AurumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    }

    @Test
    void cancelOfOneScopeLeavesOtherScopesRunning() throws Exception
    {
        QueryExecutor executor = executor(10, Duration.ofSeconds(120));
        CompletableFuture<Throwable> alice = slowIn(executor, "alice");
        CompletableFuture<Throwable> bob = slowIn(executor, "bob");
        while (executor.runningQueries() < 2) {
            Thread.sleep(50);
        }

        assertThat(executor.cancel("alice")).isEqualTo(1);
        Throwable aliceFailure = alice.get(60, TimeUnit.SECONDS);
        assertThat(aliceFailure).isInstanceOfSatisfying(AurumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        // bob's query was not touched: it is still running after alice's ended
        Thread.sleep(500);
        assertThat(bob).isNotDone();
        assertThat(executor.runningQueries()).isEqualTo(1);
        assertThat(executor.cancel("nobody")).isZero();

        assertThat(executor.cancel("bob")).isEqualTo(1);
        assertThat(bob.get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(AurumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
        assertThat(executor.runningQueries()).isZero();
    }

    private static CompletableFuture<Throwable> slowIn(QueryExecutor executor, String scope)
    {
        return CompletableFuture.supplyAsync(() -> {
            try {
                QueryExecutor.inScope(scope, () -> executor.execute(SLOW));
                return null;
            }
            catch (Throwable failure) {
                return failure;
            }
        }, Executors.newSingleThreadExecutor());
    }

    @Test
    void sparkFailuresAreRunFailedWithACleanMessage()
    {
        assertThatThrownBy(() -> executor(10, Duration.ofSeconds(60)).execute("SELECT assert_true(order_value < 0, 'negative check failed') FROM gold.order_facts"))
                .isInstanceOfSatisfying(AurumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUN_FAILED))
                .hasMessageContaining("negative check failed")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> executor(10, Duration.ofSeconds(60)).execute("DROP TABLE gold.order_facts"))
                .isInstanceOfSatisfying(AurumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SQL_REJECTED));
    }

    @Test
    void nestedValuesBecomeListsAndMaps()
    {
        QueryResult result = executor(10, Duration.ofSeconds(60)).execute("SELECT array(1, 2) AS a, named_struct('x', 1, 'y', 'b') AS s, map('k', 1.5D) AS m");

        assertThat(result.rows().get(0)).containsExactly(List.of(1, 2), Map.of("x", 1, "y", "b"), Map.of("k", 1.5));
        assertThat(result.columns()).extracting(ResultColumn::type).containsExactly("array<int>", "struct<x:int,y:string>", "map<string,double>");
    }

}
