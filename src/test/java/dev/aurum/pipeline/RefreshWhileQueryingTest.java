package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.SampleDataGenerator;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.SqlGuard;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh while the chat's queries run (docs/reference.md, "Crash safety"): queries through {@link QueryExecutor} (the
 * chat's path) run in a loop while a pipeline run merges Silver and overwrites Gold. None fails, each reports the
 * Delta version of every table it read, and what it returned is exactly that version's content.
 */
@SparkTest
class RefreshWhileQueryingTest
{
    @TempDir
    Path folder;

    @Test
    void queriesDuringARefreshNeverFailAndReadOneVersion()
            throws InterruptedException
    {
        SparkSession spark = TestSpark.get();
        LakehouseLayout layout = new LakehouseLayout(folder);
        new SampleDataGenerator(layout).generate(new GeneratorSettings(0.01, 8, LocalDate.of(2017, 11, 20), 7, 0.02), dev.aurum.pipeline.generator.ProgressListener.none());
        PipelineSpec spec = CrashHarness.spec();
        new PipelineRunner(spark, layout, spec).run(new RunOptions(false, Optional.of(LocalDate.of(2017, 11, 24)), Map.of()), ProgressListener.none());
        new CatalogTables(spark, layout).pointAll();

        SparkSession query = SparkSessions.querySession(spark);
        Set<String> allowed = spec.gold().stream().map(step -> "gold." + step.table()).collect(Collectors.toSet());
        QueryExecutor executor = new QueryExecutor(query, new SqlGuard(query, allowed), ExecutorSettings.defaults());
        List<QueryResult> results = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean refreshing = new AtomicBoolean(true);
        Thread asker = new Thread(() -> {
            // at least one query after the refresh, so both sides of it are seen
            boolean last = false;
            while (!last) {
                last = !refreshing.get();
                try {
                    results.add(executor.execute("SELECT count(*) AS orders FROM gold.order_facts"));
                }
                catch (Throwable e) {
                    failures.add(e);
                }
            }
        }, "asker");
        asker.start();
        try {
            new PipelineRunner(spark, layout, spec).run(RunOptions.defaults(), ProgressListener.none());
        }
        finally {
            refreshing.set(false);
            asker.join();
        }

        assertThat(failures).as("queries that failed during the refresh").isEmpty();
        assertThat(results).hasSizeGreaterThan(1);
        Path orderFacts = layout.table(Layer.GOLD, "order_facts");
        for (QueryResult result : results) {
            assertThat(result.tableVersions()).as("every answer says which version it read").hasSize(1);
            long version = result.tableVersions().values().iterator().next();
            long rowsAtVersion = spark.read().format("delta").option("versionAsOf", version).load(orderFacts.toString()).count();
            assertThat(((Number) result.rows().get(0).get(0)).longValue()).as("the count read at version %d", version).isEqualTo(rowsAtVersion);
        }
        assertThat(results.stream().map(result -> result.tableVersions().values().iterator().next()).distinct().count())
                .as("queries saw the Gold before and after the refresh").isGreaterThan(1);
    }
}
