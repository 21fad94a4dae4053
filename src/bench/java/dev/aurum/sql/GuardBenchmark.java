package dev.aurum.sql;

import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Measures the SQL guard's overhead per query (lex, parse, analyse, checks) over the fixture Gold: median and p90 over
 * 1,000 checks of a mix of query shapes, after a warm-up. A benchmark, not a test: it prints numbers.
 *
 * <pre>
 * mvn -B -q -o -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java $(sed -n 's:.*&lt;spark.opens&gt;\(.*\)&lt;/spark.opens&gt;.*:\1:p' pom.xml) \
 *   -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) dev.aurum.sql.GuardBenchmark [ITERATIONS]
 * </pre>
 */
public final class GuardBenchmark
{
    private static final List<String> QUERIES = List.of(
            "SELECT COUNT(*) FROM gold.order_facts",
            "SELECT customer_state, ROUND(COALESCE(SUM(CASE WHEN is_revenue THEN order_value END), 0), 2) AS revenue FROM gold.order_facts WHERE year = 2017 GROUP BY customer_state ORDER BY revenue DESC",
            "SELECT product_category, SUM(item_value) FROM gold.order_items i JOIN gold.order_facts f ON f.order_id = i.order_id GROUP BY product_category",
            "WITH m AS (SELECT year(date) AS y, month(date) AS m, SUM(revenue) AS r FROM gold.daily_sales GROUP BY 1, 2) SELECT * FROM m ORDER BY y, m",
            "SELECT order_id, RANK() OVER (PARTITION BY customer_state ORDER BY order_value DESC) FROM gold.order_facts",
            "SELECT customer_id FROM gold.customers UNION SELECT customer_id FROM gold.customer_spend_quarterly",
            "SELECT * FROM gold.payment_mix_monthly VERSION AS OF 0 WHERE payment_type = 'boleto'");

    private GuardBenchmark() {}

    public static void main(String[] args)
    {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        GoldFixture.shared();
        SparkSession query = SparkSessions.querySession(TestSpark.get());
        SqlGuard guard = new SqlGuard(query, GoldFixture.GOLD_TABLES.stream().map(t -> "gold." + t).collect(Collectors.toSet()));
        for (int i = 0; i < 200; i++) {
            guard.check(QUERIES.get(i % QUERIES.size()));
        }
        List<Long> micros = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            guard.check(QUERIES.get(i % QUERIES.size()));
            micros.add((System.nanoTime() - start) / 1_000);
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("guard overhead over %d queries: median %.2f ms, p90 %.2f ms, max %.2f ms%n", iterations,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.9)] / 1000.0, sorted[sorted.length - 1] / 1000.0);
        System.out.println("(mean " + String.format("%.2f", Arrays.stream(sorted).average().orElse(0) / 1000.0) + " ms)");
        TestSpark.get().stop();
        System.exit(0);
    }
}
