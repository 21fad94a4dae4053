package dev.aurum.sql;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of {@code hostile-corpus.sql} is refused by the guard, or runs within the row cap and a short
 * timeout; afterwards every Delta table has the version it had before, the catalog and the session are unchanged.
 */
@SparkTest
class SqlHostileCorpusTest
{
    private static final int CAP = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static GoldFixture fixture;
    private static SparkSession query;

    @BeforeAll
    static void setUp()
    {
        fixture = GoldFixture.shared();
        query = SparkSessions.querySession(TestSpark.get());
        // views inside the gold database: one over silver, one over an allowed table; neither is on the allow list
        TestSpark.get().sql("CREATE OR REPLACE VIEW gold.silver_view AS SELECT * FROM silver.orders");
        TestSpark.get().sql("CREATE OR REPLACE VIEW gold.gold_alias_view AS SELECT * FROM gold.order_facts");
    }

    @AfterAll
    static void tearDown()
    {
        TestSpark.get().sql("DROP VIEW IF EXISTS gold.silver_view");
        TestSpark.get().sql("DROP VIEW IF EXISTS gold.gold_alias_view");
    }

    @Test
    void everyHostileStatementIsRejectedOrBoundedAndNothingChanges() throws Exception
    {
        List<Entry> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        Map<String, Long> versionsBefore = versions();
        String catalogBefore = catalog();
        Map<String, Long> filesBefore = fileCounts();
        QueryExecutor executor = new QueryExecutor(query, new SqlGuard(query,
                GoldFixture.GOLD_TABLES.stream().map(t -> "gold." + t).collect(Collectors.toSet())), new ExecutorSettings(CAP, TIMEOUT));

        List<String> failures = new ArrayList<>();
        int rejected = 0;
        for (Entry entry : corpus) {
            String outcome;
            try {
                QueryResult result = executor.execute(entry.sql());
                outcome = result.rowCount() <= CAP && result.rows().size() <= CAP ? "bounded" : "unbounded " + result.rowCount();
            }
            catch (AurumException e) {
                outcome = switch (e.code()) {
                    case SQL_REJECTED -> "rejected";
                    case TIMEOUT -> "bounded";
                    default -> e.code() + ": " + e.getMessage();
                };
                if (e.code() == ErrorCode.SQL_REJECTED) {
                    rejected++;
                    if (e.getMessage().contains("\n") || e.getMessage().isBlank()) {
                        failures.add("rejection message is not one line for: " + entry.sql());
                    }
                }
            }
            if (!outcome.equals(entry.expected())) {
                failures.add("expected " + entry.expected() + " but was " + outcome + " for: " + entry.sql().replace("\n", "\\n"));
            }
        }

        assertThat(failures).isEmpty();
        assertThat(rejected).isGreaterThanOrEqualTo(300);
        assertThat(versions()).isEqualTo(versionsBefore);
        assertThat(catalog()).isEqualTo(catalogBefore);
        assertThat(fileCounts()).isEqualTo(filesBefore);
        assertThat(query.conf().get("spark.sql.runSQLOnFiles")).isEqualTo("false");
        assertThat(query.catalog().currentDatabase()).isEqualTo("default");
        assertThat(Path.of("/tmp/aurum-hostile-out")).doesNotExist();
    }

    private static Map<String, Long> versions()
    {
        DataDate dataDate = new DataDate(TestSpark.get());
        List<String> tables = new ArrayList<>();
        GoldFixture.GOLD_TABLES.forEach(table -> tables.add("gold." + table));
        tables.add("silver.orders");
        tables.add("bronze.orders");
        Map<String, Long> versions = dataDate.versions(tables);
        assertThat(versions.values()).allSatisfy(version -> assertThat(version).isGreaterThanOrEqualTo(0));
        return versions;
    }

    private static String catalog() throws Exception
    {
        SparkSession spark = TestSpark.get();
        TreeSet<String> names = new TreeSet<>();
        for (String database : List.of("gold", "silver", "bronze", "default")) {
            spark.catalog().listTables(database).collectAsList().forEach(table -> names.add(database + "." + table.name()));
        }
        spark.catalog().listDatabases().collectAsList().forEach(database -> names.add("database " + database.name()));
        return String.join(",", names);
    }

    private static Map<String, Long> fileCounts() throws IOException
    {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Layer layer : List.of(Layer.GOLD, Layer.SILVER, Layer.BRONZE)) {
            try (Stream<Path> files = Files.walk(fixture.layout().root().resolve(layer.folder()))) {
                counts.put(layer.folder(), files.count());
            }
        }
        return counts;
    }

    private static List<Entry> corpus() throws IOException
    {
        String text;
        try (InputStream in = SqlHostileCorpusTest.class.getResourceAsStream("hostile-corpus.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String gold = fixture.layout().gold().toString();
        List<Entry> entries = new ArrayList<>();
        String expected = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("==== ")) {
                if (expected != null) {
                    entries.add(new Entry(expected, strip(sql).replace("${GOLD}", gold)));
                }
                expected = line.substring(5).strip();
                sql.setLength(0);
            }
            else if (expected != null) {
                sql.append(line).append('\n');
            }
        }
        if (expected != null) {
            entries.add(new Entry(expected, strip(sql).replace("${GOLD}", gold)));
        }
        return entries;
    }

    private static String strip(StringBuilder sql)
    {
        // drop the newline that ends the entry, keep everything else (blank statements are entries too)
        String text = sql.toString();
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private record Entry(String expected, String sql) {}
}
