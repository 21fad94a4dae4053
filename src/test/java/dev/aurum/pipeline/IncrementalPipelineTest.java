package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.SampleDataGenerator;
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

import static org.assertj.core.api.Assertions.assertThat;

/** On generated data: several batches equal one full refresh, a run with nothing new writes nothing, counts add up. */
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
        RunSummary second = runner.run(RunOptions.defaults(), ProgressListener.none());
        assertThat(second.run().bronzeRows()).isPositive();

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

    private static Map<String, Long> versions(LakehouseLayout layout, PipelineSpec spec)
    {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (SourceSpec source : spec.sources()) {
            versions.put("bronze." + source.entity(), PipelineRunner.deltaVersion(layout.table(Layer.BRONZE, source.entity())));
            versions.put("silver." + source.entity(), PipelineRunner.deltaVersion(layout.table(Layer.SILVER, source.entity())));
            versions.put("silver." + source.quarantineTable(), PipelineRunner.deltaVersion(layout.table(Layer.SILVER, source.quarantineTable())));
        }
        for (GoldStep step : spec.gold()) {
            versions.put("gold." + step.table(), PipelineRunner.deltaVersion(layout.table(Layer.GOLD, step.table())));
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
