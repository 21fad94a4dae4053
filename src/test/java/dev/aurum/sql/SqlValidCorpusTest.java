package dev.aurum.sql;

import dev.aurum.AurumException;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of {@code valid-corpus.sql} (read-only queries of every shape an analyst or an LLM writes) passes the
 * guard and runs on the Gold fixture; the corpus covers every shape the guard promises to accept (docs/reference.md, "aurum sql").
 */
@SparkTest
class SqlValidCorpusTest
{
    /** The shapes the guard must accept; each must label at least one corpus entry. */
    private static final Set<String> REQUIRED_SHAPES = Set.of("having", "window", "named-window", "cte", "cte-several", "cte-nested", "union",
            "union-all", "intersect", "except", "exists", "not-exists", "in-subquery", "not-in", "scalar-subquery", "correlated", "rollup", "cube",
            "grouping-sets", "lateral-view", "posexplode", "values", "case", "order-limit", "distinct", "join-inner", "join-left", "join-right",
            "join-full", "join-semi", "join-anti", "join-cross", "join-natural", "join-using", "join-self", "lateral-subquery", "pivot", "unpivot",
            "table-generator");

    private static QueryExecutor executor;
    private static Set<String> allowed;

    @BeforeAll
    static void setUp()
    {
        GoldFixture.shared();
        SparkSession query = SparkSessions.querySession(TestSpark.get());
        allowed = GoldFixture.GOLD_TABLES.stream().map(t -> "gold." + t).collect(Collectors.toSet());
        executor = new QueryExecutor(query, new SqlGuard(query, allowed), new ExecutorSettings(10_000, Duration.ofSeconds(120)));
    }

    @Test
    void corpusCoversEveryShapeTheGuardPromises() throws IOException
    {
        List<Entry> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        Set<String> shapes = corpus.stream().flatMap(entry -> entry.shapes().stream()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(shapes).containsAll(REQUIRED_SHAPES);
    }

    @Test
    void everyValidStatementPassesTheGuardAndRunsOnTheGoldFixture() throws IOException
    {
        List<String> failures = new ArrayList<>();
        int withRows = 0;
        for (Entry entry : corpus()) {
            String label = entry.shapes() + ": " + entry.sql().replace("\n", " ");
            try {
                QueryResult result = executor.execute(entry.sql()); // the guard's check, then the run
                Set<String> tablesRead = result.tableVersions().keySet();
                if (entry.sql().toLowerCase(Locale.ROOT).contains("gold.") && tablesRead.isEmpty()) {
                    failures.add("no table read recorded for " + label);
                }
                if (!allowed.containsAll(tablesRead)) {
                    failures.add("tables read " + tablesRead + " outside the allow list for " + label);
                }
                if (result.rowCount() > 0) {
                    withRows++;
                }
            }
            catch (AurumException e) {
                failures.add(e.code() + " " + e.getMessage() + " for " + label);
            }
        }
        assertThat(failures).isEmpty();
        // the fixture is small but not empty: nearly every query finds rows (an anti join or an EXCEPT may not)
        assertThat(withRows).isGreaterThanOrEqualTo(corpus().size() * 9 / 10);
    }

    @Test
    void havingIsAcceptedAndFiltersGroups()
    {
        QueryResult all = executor.execute("SELECT customer_state, COUNT(*) AS n FROM gold.customers GROUP BY customer_state");
        QueryResult having = executor.execute("SELECT customer_state, COUNT(*) AS n FROM gold.customers GROUP BY customer_state HAVING COUNT(*) > 1");
        long expected = all.rows().stream().filter(row -> ((Number) row.get(1)).longValue() > 1).count();
        assertThat(having.rowCount()).isEqualTo(expected).isLessThan(all.rowCount()).isPositive();
    }

    static List<Entry> corpus() throws IOException
    {
        String text;
        try (InputStream in = SqlValidCorpusTest.class.getResourceAsStream("valid-corpus.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> shapes = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("==== ")) {
                if (shapes != null) {
                    entries.add(new Entry(shapes, sql.toString().strip()));
                }
                shapes = Arrays.stream(line.substring(5).split(",")).map(String::strip).toList();
                sql.setLength(0);
            }
            else if (shapes != null) {
                sql.append(line).append('\n');
            }
        }
        if (shapes != null) {
            entries.add(new Entry(shapes, sql.toString().strip()));
        }
        return entries;
    }

    record Entry(List<String> shapes, String sql) {}
}
