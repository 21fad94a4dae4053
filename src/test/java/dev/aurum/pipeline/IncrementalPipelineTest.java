package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.SampleDataGenerator;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On generated data: several batches, one of them stopped between its Silver counters and its MERGE, equal one full
 * refresh; a run with nothing new writes nothing; counts add up.
 */
@SparkTest
class IncrementalPipelineTest
{
    @TempDir
    Path lakehouse;

    @Test
    void incrementalEqualsFullAndSecondRunChangesNothing()
    {
        SparkSession spark = TestSpark.get();
        LakehouseLayout layout = new LakehouseLayout(lakehouse);
        new SampleDataGenerator(layout).generate(new GeneratorSettings(0.01, 6, LocalDate.of(2017, 11, 20), 7, 0.02), dev.aurum.pipeline.generator.ProgressListener.none());
        PipelineSpec spec = new PipelineSpecLoader(new ProjectFiles(Path.of("."))).load();
        PipelineRunner runner = new PipelineRunner(spark, layout, spec);

        runner.run(new RunOptions(false, Optional.of(LocalDate.of(2017, 11, 22)), Map.of()), ProgressListener.none());

        // Silver's narrowest crash window: the next day's run stops after the orders unit is counted (counters and
        // quarantine committed), before its MERGE, as a kill there would (PipelineCrashTest kills a real process at
        // a coarser point)
        long ordersVersion = DeltaTables.latestVersion(layout.table(Layer.SILVER, "orders"));
        PipelineRunner stopping = new PipelineRunner(spark, layout, spec).beforeSilverMerge((entity, lastBatch) -> {
            if (entity.equals("orders")) {
                throw new IllegalStateException("simulated crash before the MERGE of orders batch " + lastBatch);
            }
        });
        assertThatThrownBy(() -> stopping.run(new RunOptions(false, Optional.of(LocalDate.of(2017, 11, 23)), Map.of()), ProgressListener.none()))
                .isInstanceOf(AurumException.class).hasMessageContaining("simulated crash");
        assertThat(DeltaTables.latestVersion(layout.table(Layer.SILVER, "orders"))).as("silver.orders untouched by the stopped run").isEqualTo(ordersVersion);
        assertThat(counterBatches(spark, layout, "orders")).as("the stopped run counted its orders unit").hasSize(2);

        // the re-run also finds two more days: orders has a counted batch and a fresh one pending, order_items two fresh ones
        List<String> progress = new java.util.ArrayList<>();
        RunSummary second = runner.run(RunOptions.defaults(), progress::add);
        assertThat(progress).as("Gold refreshed in place, after the stopped run left it behind")
                .anyMatch(line -> line.startsWith("gold.order_facts: ") && line.contains("(refreshed: "))
                .anyMatch(line -> line.startsWith("gold.order_items: ") && !line.contains("refreshed"));
        assertThat(second.run().bronzeRows()).isPositive();
        assertThat(counterBatches(spark, layout, "orders")).as("orders counted once per unit: first run, the stopped run's batch, the new batch")
                .hasSize(3).doesNotHaveDuplicates();
        assertThat(counterBatches(spark, layout, "order_items")).as("order_items: its two pending batches merged as one unit").hasSize(2);
        RunState state = new RunState(spark, layout);
        for (SourceSpec source : spec.sources()) {
            long landed = RawLanding.read(lakehouse, source.entity()).stream().mapToLong(file -> file.records().size()).sum();
            assertThat(state.totals(source.entity()).bronzeRows()).as("%s: every landed row counted once", source.entity()).isEqualTo(landed);
        }

        Map<String, Long> versions = versions(layout, spec);
        RunSummary idle = runner.run(RunOptions.defaults(), ProgressListener.none());
        assertThat(idle.changed()).isFalse();
        assertThat(versions(layout, spec)).isEqualTo(versions);

        PipelineStatus.Report report = new PipelineStatus(spark, layout, spec).report();
        assertThat(report.tables()).allSatisfy(table -> assertThat(table.warnings()).noneMatch(warning -> warning.contains("accounting identity")));
        assertThat(report.pendingFiles().values()).containsOnly(0);

        Map<String, List<Row>> incremental = gold(spark, layout, spec);
        runner.run(new RunOptions(true, Optional.empty(), Map.of()), ProgressListener.none());
        Map<String, List<Row>> full = gold(spark, layout, spec);
        assertThat(full.get("order_facts")).isNotEmpty();
        for (GoldStep step : spec.gold()) {
            assertThat(full.get(step.table())).as(step.table()).containsExactlyElementsOf(incremental.get(step.table()));
        }
    }

    /** The batch ids of the entity's counter rows in its current generation: one per Silver unit. */
    private static List<Long> counterBatches(SparkSession spark, LakehouseLayout layout, String entity)
    {
        long generation = new RunState(spark, layout).generations().get(entity).id();
        return spark.read().format("delta").load(layout.state().resolve(RunState.SILVER_COUNTERS).toString())
                .where(col("entity").equalTo(entity).and(col("generation").equalTo(generation)))
                .select("batch_id").collectAsList().stream().map(row -> row.getLong(0)).sorted().toList();
    }

    private static Map<String, Long> versions(LakehouseLayout layout, PipelineSpec spec)
    {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (SourceSpec source : spec.sources()) {
            versions.put("bronze." + source.entity(), DeltaTables.latestVersion(layout.table(Layer.BRONZE, source.entity())));
            versions.put("silver." + source.entity(), DeltaTables.latestVersion(layout.table(Layer.SILVER, source.entity())));
            versions.put("silver." + source.quarantineTable(), DeltaTables.latestVersion(layout.table(Layer.SILVER, source.quarantineTable())));
        }
        for (GoldStep step : spec.gold()) {
            versions.put("gold." + step.table(), DeltaTables.latestVersion(layout.table(Layer.GOLD, step.table())));
        }
        return versions;
    }

    private static Map<String, List<Row>> gold(SparkSession spark, LakehouseLayout layout, PipelineSpec spec)
    {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        for (GoldStep step : spec.gold()) {
            var table = spark.read().format("delta").load(layout.table(Layer.GOLD, step.table()).toString());
            tables.put(step.table(), table.orderBy(table.columns()[0], java.util.Arrays.stream(table.columns()).skip(1).toArray(String[]::new)).collectAsList());
        }
        return tables;
    }
}
