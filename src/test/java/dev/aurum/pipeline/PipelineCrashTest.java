package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.testing.TestLakehouse;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety with a real process kill: a child JVM runs {@code aurum pipeline run} over a copy of
 * {@link TestLakehouse}'s landing files and is killed (SIGKILL) right after it reports its first Silver table; a
 * re-run in this JVM must then give exactly the Gold of TestLakehouse (one uninterrupted run over the same files),
 * with no landing file ingested twice and the accounting identity intact.
 */
class PipelineCrashTest
{
    @TempDir
    Path folder;

    @Test
    void runKilledPartWayThenRerunGivesTheGoldOfAnUninterruptedRun()
            throws Exception
    {
        // the uninterrupted run: TestLakehouse, built by one pipeline run over the same generated landing files
        LakehouseLayout clean = TestLakehouse.layout();
        Path crashed = folder.resolve("crashed");
        copyTree(clean.landing(), crashed.resolve("landing"));

        List<String> childOutput = runChildAndKillAfterFirstSilverTable(crashed);
        assertThat(childOutput).as("the child reached Silver before it was killed").anyMatch(line -> line.contains(" silver."));
        assertThat(childOutput).as("the child was killed before finishing").noneMatch(line -> line.contains("gold.customers"));

        // the kill left the lock file behind; the OS lock died with the process, so the re-run is not refused
        SparkSession spark = TestSpark.get();
        PipelineSpec spec = new PipelineSpecLoader(new ProjectFiles(Path.of("."))).load();
        new PipelineRunner(spark, new LakehouseLayout(crashed), spec).run(RunOptions.defaults(), ProgressListener.none());

        for (GoldStep step : spec.gold()) {
            Dataset<Row> expected = spark.read().format("delta").load(clean.table(Layer.GOLD, step.table()).toString());
            Dataset<Row> actual = spark.read().format("delta").load(new LakehouseLayout(crashed).table(Layer.GOLD, step.table()).toString());
            assertThat(expected.count()).as(step.table()).isPositive();
            assertThat(actual.count()).as(step.table()).isEqualTo(expected.count());
            assertThat(actual.exceptAll(expected).count()).as("%s rows only after the crash", step.table()).isZero();
            assertThat(expected.exceptAll(actual).count()).as("%s rows missing after the crash", step.table()).isZero();
        }
        RunState state = new RunState(spark, new LakehouseLayout(crashed));
        for (SourceSpec source : spec.sources()) {
            String entity = source.entity();
            LakehouseLayout layout = new LakehouseLayout(crashed);
            long bronze = count(spark, layout.table(Layer.BRONZE, entity));
            long landed = RawLanding.read(crashed, entity).stream().mapToLong(file -> file.records().size()).sum();
            SilverCounters totals = state.totals(entity);
            assertThat(bronze).as("%s Bronze rows after the crash = rows landed (no file twice)", entity).isEqualTo(landed);
            assertThat(count(spark, layout.table(Layer.SILVER, entity)) + totals.superseded() + count(spark, layout.table(Layer.SILVER, source.quarantineTable())) + totals.duplicates())
                    .as("%s accounting identity after the crash", entity).isEqualTo(landed);
        }
    }

    private static List<String> runChildAndKillAfterFirstSilverTable(Path lakehouse)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-XX:+UseParallelGC");
        // the --add-opens flags Surefire got from pom.xml's spark.opens
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens") || argument.startsWith("-Djdk.reflect"))
                .forEach(command::add);
        command.add("-Daurum.home=" + Path.of(".").toAbsolutePath().normalize());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.aurum.cli.Main");
        command.addAll(List.of("pipeline", "run", "--lakehouse", lakehouse.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Void> killed = CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.contains(" silver.")) {
                        child.destroyForcibly();
                    }
                }
            }
            catch (IOException e) {
                // the stream closes when the child dies
            }
        });
        try {
            assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("child finished or was killed").isTrue();
            killed.get(1, TimeUnit.MINUTES);
        }
        catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
        finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed, not exited: " + output).isNotZero();
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private static long count(SparkSession spark, Path table)
    {
        return spark.read().format("delta").load(table.toString()).count();
    }

    private static void copyTree(Path from, Path to)
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(path, target);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
