package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.testing.ChildAurum;
import dev.aurum.testing.FaultInjectingLogStore;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code aurum} in a child JVM with a fault at one Delta commit ({@link FaultInjectingLogStore}), and checks
 * what a re-run must give: the Gold of an uninterrupted run, every landed row in Bronze once, the accounting
 * identity, every landing file recorded once.
 */
final class CrashHarness
{
    private CrashHarness() {}

    /** What the child printed and how it ended. */
    record Child(int exitCode, String output)
    {
        boolean halted()
        {
            return exitCode == FaultInjectingLogStore.HALT_STATUS;
        }
    }

    /** Runs {@code aurum <arguments>} in a child JVM; {@code fault} is {@code ACTION:PATH-SUFFIX} or empty. */
    static Child runChild(List<String> arguments, Optional<String> fault)
    {
        List<String> options = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1",
                "-Dspark.delta.logStore.file.impl=" + FaultInjectingLogStore.class.getName()));
        fault.ifPresent(value -> options.add("-D" + FaultInjectingLogStore.PROPERTY + "=" + value));
        List<String> command = ChildAurum.command(options, arguments);
        try {
            Path log = Files.createTempFile("aurum-crash-child", ".log");
            try {
                Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!child.waitFor(10, TimeUnit.MINUTES)) {
                    child.destroyForcibly();
                    throw new IllegalStateException("the child JVM did not finish in 10 minutes: " + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new Child(child.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            }
            finally {
                Files.deleteIfExists(log);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static PipelineSpec spec()
    {
        return new PipelineSpecLoader(new ProjectFiles(Path.of("."))).load();
    }

    /** The re-run's lakehouse holds exactly what an uninterrupted run over the same landing files holds. */
    static void assertRecovered(SparkSession spark, LakehouseLayout clean, LakehouseLayout recovered, String context)
    {
        PipelineSpec spec = spec();
        for (GoldStep step : spec.gold()) {
            Dataset<Row> expected = spark.read().format("delta").load(clean.table(Layer.GOLD, step.table()).toString());
            Dataset<Row> actual = spark.read().format("delta").load(recovered.table(Layer.GOLD, step.table()).toString());
            String table = context + ": gold." + step.table();
            long expectedRows = expected.count();
            assertThat(expectedRows).as(table).isPositive();
            assertThat(actual.count()).as(table).isEqualTo(expectedRows);
            assertThat(actual.exceptAll(expected).count()).as("%s rows only after the crash", table).isZero();
            assertThat(expected.exceptAll(actual).count()).as("%s rows missing after the crash", table).isZero();
        }
        RunState state = new RunState(spark, recovered);
        Dataset<Row> ingested = spark.read().format("delta").load(state.path(RunState.INGESTED_FILES).toString());
        assertThat(ingested.groupBy("path").count().where(col("count").gt(1)).count()).as("%s: a landing file recorded twice", context).isZero();
        for (SourceSpec source : spec.sources()) {
            String entity = source.entity();
            long landed = RawLanding.read(recovered.root(), entity).stream().mapToLong(file -> file.records().size()).sum();
            long bronze = count(spark, recovered.table(Layer.BRONZE, entity));
            assertThat(bronze).as("%s: %s Bronze rows = rows landed (no row lost or loaded twice)", context, entity).isEqualTo(landed);
            assertThat(ingested.where(col("entity").equalTo(entity)).count()).as("%s: %s landing files recorded", context, entity)
                    .isEqualTo(RawLanding.read(recovered.root(), entity).size());
            SilverCounters totals = state.totals(entity);
            long silver = count(spark, recovered.table(Layer.SILVER, entity));
            long quarantined = count(spark, recovered.table(Layer.SILVER, source.quarantineTable()));
            assertThat(silver + totals.superseded() + quarantined + totals.duplicates()).as("%s: %s accounting identity", context, entity).isEqualTo(landed);
            assertThat(silver).as("%s: silver.%s rows", context, entity).isEqualTo(count(spark, clean.table(Layer.SILVER, entity)));
        }
    }

    static long count(SparkSession spark, Path table)
    {
        return spark.read().format("delta").load(table.toString()).count();
    }

    static void copyTree(Path from, Path to)
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else if (!path.getFileName().toString().equals(PipelineRunner.LOCK_FILE)) {
                    Files.copy(path, target);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
