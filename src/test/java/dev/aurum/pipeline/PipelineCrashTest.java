package dev.aurum.pipeline;

import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.SampleDataGenerator;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety with a real process stop: a child JVM runs {@code aurum pipeline run} (or {@code pipeline maintain})
 * and halts itself at one named Delta commit ({@link dev.aurum.testing.FaultInjectingLogStore}: {@code Runtime.halt},
 * which leaves the disk as a SIGKILL does), either inside the write (data files written, commit not) or right
 * after it. A re-run in this JVM must then give the Gold of an uninterrupted run over the same landing files, every
 * landed row in Bronze once, and the accounting identity (see {@link CrashHarness#assertRecovered}).
 *
 * <p>The default build runs the kill the first run suffers while it creates its first Bronze table (issue 14's
 * report; GoldRefreshTest stops a run in process right after a refresh's first Gold MERGE). All {@link #killPoints()}, spread over Bronze, Silver, Gold, the run state, a full refresh and
 * {@code pipeline maintain}, run with {@code mvn -B test -Pcrash-long} (JUnit tag {@value #LONG}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SparkTest
class PipelineCrashTest
{
    static final String LONG = "crash-long";
    private static final GeneratorSettings SETTINGS = new GeneratorSettings(0.01, 8, LocalDate.of(2017, 11, 20), 7, 0.02);
    private static final LocalDate FIRST_RUN_UNTIL = LocalDate.of(2017, 11, 24);

    @TempDir
    static Path folder;

    private SparkSession spark;
    /** The landing files alone. */
    private LakehouseLayout landing;
    /** One uninterrupted run over all landing files: the Gold every recovery must reach. */
    private LakehouseLayout clean;
    /** One run over the drops up to {@link #FIRST_RUN_UNTIL}: the start of the second-run kill points. */
    private LakehouseLayout partial;

    /** Where the child starts: landing files only, a first run over part of them, or everything built. */
    enum Start
    {
        EMPTY, PARTIAL, BUILT
    }

    /**
     * One kill point: from {@code start}, the child runs {@code aurum <command>} and stops at the next commit of
     * {@code table} ({@code halt-before}: inside the write; {@code halt-after}: right after the commit).
     */
    record KillPoint(String name, Start start, List<String> command, String table, String action)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    static List<KillPoint> killPoints()
    {
        List<String> run = List.of("pipeline", "run");
        return List.of(
                new KillPoint("first run, creating the first Bronze table", Start.EMPTY, run, "bronze/customers", "halt-before"),
                new KillPoint("first run, after the last Bronze table, before ingested_files", Start.EMPTY, run, "bronze/payments", "halt-after"),
                new KillPoint("first run, creating ingested_files", Start.EMPTY, run, "_aurum/ingested_files", "halt-before"),
                new KillPoint("first run, creating the first quarantine table", Start.EMPTY, run, "silver/customers_quarantine", "halt-before"),
                new KillPoint("first run, creating the first Silver table", Start.EMPTY, run, "silver/customers", "halt-before"),
                new KillPoint("first run, after silver.orders", Start.EMPTY, run, "silver/orders", "halt-after"),
                new KillPoint("first run, creating the first Gold table", Start.EMPTY, run, "gold/order_facts", "halt-before"),
                new KillPoint("first run, after gold.customers", Start.EMPTY, run, "gold/customers", "halt-after"),
                new KillPoint("first run, creating the checks table", Start.EMPTY, run, "_aurum/checks", "halt-before"),
                new KillPoint("first run, creating gold_builds", Start.EMPTY, run, "_aurum/gold_builds", "halt-before"),
                new KillPoint("first run, creating the run record", Start.EMPTY, run, "_aurum/runs", "halt-before"),
                new KillPoint("second run, appending to bronze.orders", Start.PARTIAL, run, "bronze/orders", "halt-before"),
                new KillPoint("second run, after ingested_files", Start.PARTIAL, run, "_aurum/ingested_files", "halt-after"),
                new KillPoint("second run, after the first Silver counters, before quarantine and MERGE", Start.PARTIAL, run, "_aurum/silver_counters", "halt-after"),
                new KillPoint("second run, inside the MERGE into silver.orders", Start.PARTIAL, run, "silver/orders", "halt-before"),
                new KillPoint("second run, creating the gold_changes journal", Start.PARTIAL, run, "_aurum/gold_changes", "halt-before"),
                new KillPoint("second run, inside the MERGE into gold.order_facts", Start.PARTIAL, run, "gold/order_facts", "halt-before"),
                new KillPoint("second run, after the MERGE into gold.order_facts", Start.PARTIAL, run, "gold/order_facts", "halt-after"),
                new KillPoint("second run, overwriting gold.daily_sales", Start.PARTIAL, run, "gold/daily_sales", "halt-before"),
                new KillPoint("second run, appending the run record", Start.PARTIAL, run, "_aurum/runs", "halt-before"),
                new KillPoint("--full-refresh, rebuilding silver.orders", Start.BUILT, List.of("pipeline", "run", "--full-refresh"), "silver/orders", "halt-before"),
                new KillPoint("pipeline maintain, OPTIMIZE of bronze.orders", Start.BUILT, List.of("pipeline", "maintain"), "bronze/orders", "halt-before"));
    }

    @BeforeAll
    void buildReferenceLakehouses()
    {
        spark = TestSpark.get();
        landing = new LakehouseLayout(folder.resolve("landing-only"));
        new SampleDataGenerator(landing).generate(SETTINGS, dev.aurum.pipeline.generator.ProgressListener.none());
        clean = copy(landing, "clean");
        new PipelineRunner(spark, clean, CrashHarness.spec()).run(RunOptions.defaults(), ProgressListener.none());
    }

    @Test
    void firstRunKilledWhileCreatingTheFirstBronzeTableRecoversOnTheNextRun()
    {
        killAndRecover(killPoints().get(0));
    }

    @Tag(LONG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("killPoints")
    void killedAtEveryCommitPointRecoversOnTheNextRun(KillPoint point)
    {
        killAndRecover(point);
    }

    /** A commit that fails part-way (data files written, the log entry refused) and the error the run must show. */
    record FailurePoint(String name, Start start, String table, String fault, String error)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    static List<FailurePoint> failurePoints()
    {
        return List.of(
                new FailurePoint("full disk while the first run creates gold.order_facts", Start.EMPTY, "gold/order_facts", "disk-full", "No space left on device"),
                new FailurePoint("read-only folder while the second run overwrites gold.daily_sales", Start.PARTIAL, "gold/daily_sales", "read-only", "Permission denied"),
                new FailurePoint("full disk while the second run merges into silver.orders", Start.PARTIAL, "silver/orders", "disk-full", "No space left on device"));
    }

    @Test
    void writeFailingPartWayFailsTheRunClearlyAndTheNextRunRecovers()
    {
        failAndRecover(failurePoints().get(0));
    }

    @Tag(LONG)
    @ParameterizedTest(name = "{0}")
    @MethodSource("failurePoints")
    void everyWriteFailingPartWayFailsTheRunClearlyAndTheNextRunRecovers(FailurePoint point)
    {
        failAndRecover(point);
    }

    private void failAndRecover(FailurePoint point)
    {
        LakehouseLayout lakehouse = start(point.start());
        Path table = lakehouse.root().resolve(point.table());
        long before = DeltaTables.latestVersion(table);
        String commit = point.table() + "/_delta_log/" + String.format("%020d.json", before + 1);

        CrashHarness.Child child = CrashHarness.runChild(List.of("pipeline", "run", "--lakehouse", lakehouse.root().toString()), Optional.of(point.fault() + ":" + commit));

        assertThat(child.exitCode()).as("the run fails with exit code 1: %s", child.output()).isEqualTo(1);
        assertThat(child.output()).as("the message says what failed and what to do").contains("failed").contains(point.error())
                .contains("run `aurum pipeline run` again");
        assertThat(DeltaTables.latestVersion(table)).as("%s: no commit, nothing half-written visible", point.table()).isEqualTo(before);
        assertThat(new RunState(spark, lakehouse).runs(1)).singleElement().satisfies(run -> assertThat(run.outcome()).isEqualTo(RunRecord.FAILED));

        new PipelineRunner(spark, lakehouse, CrashHarness.spec()).run(RunOptions.defaults(), ProgressListener.none());
        CrashHarness.assertRecovered(spark, clean, lakehouse, point.name());
    }

    private LakehouseLayout start(Start start)
    {
        return switch (start) {
            case EMPTY -> copy(landing, "empty");
            case PARTIAL -> copy(partial(), "partial");
            case BUILT -> copy(clean, "built");
        };
    }

    private void killAndRecover(KillPoint point)
    {
        LakehouseLayout lakehouse = start(point.start());
        Path table = lakehouse.root().resolve(point.table());
        long version = DeltaTables.latestVersion(table) + 1;
        String commit = point.table() + "/_delta_log/" + String.format("%020d.json", version);
        List<String> arguments = new ArrayList<>(point.command());
        arguments.addAll(List.of("--lakehouse", lakehouse.root().toString()));

        CrashHarness.Child child = CrashHarness.runChild(arguments, Optional.of(point.action() + ":" + commit));

        assertThat(child.halted()).as("the child stopped at %s (exit %d): %s", commit, child.exitCode(), child.output()).isTrue();
        assertThat(child.output()).contains("aurum-fault: " + point.action() + " ").contains(commit);
        assertThat(Files.exists(table.resolve("_delta_log").resolve(String.format("%020d.json", version))))
                .as("the commit %s was %s", commit, point.action().equals("halt-before") ? "not written" : "written").isEqualTo(point.action().equals("halt-after"));
        boolean firstCommitInterrupted = version == 0 && point.action().equals("halt-before");
        if (firstCommitInterrupted) {
            assertThat(DeltaTables.isUncommitted(table)).as("%s holds files but no commit", point.table()).isTrue();
            assertThat(DeltaTables.exists(table)).isFalse();
        }

        // pipeline status says, in plain words, what the kill left and which command resolves it
        PipelineStatus.Report status = new PipelineStatus(spark, lakehouse, CrashHarness.spec()).report();
        assertThat(status.recovery()).as("status after the kill").anyMatch(line -> line.contains("was killed or crashed") && line.contains("`aurum pipeline run`"));
        if (firstCommitInterrupted) {
            assertThat(status.recovery()).anyMatch(line -> line.startsWith(point.table() + " holds files of a write that was interrupted") && line.contains("`aurum pipeline run`"));
        }
        if (point.command().contains("--full-refresh")) {
            assertThat(status.fullRefreshPending()).isTrue();
            assertThat(status.recovery()).anyMatch(line -> line.startsWith("A full refresh was interrupted"));
        }

        List<String> progress = new ArrayList<>();
        new PipelineRunner(spark, lakehouse, CrashHarness.spec()).run(RunOptions.defaults(), progress::add);

        if (firstCommitInterrupted) {
            assertThat(progress).as("the re-run says what it cleared").anyMatch(line -> line.startsWith("recovered: removed " + point.table()));
        }
        if (point.command().contains("--full-refresh")) {
            assertThat(progress.get(0)).as("the interrupted full refresh is finished").contains("(full refresh)");
        }
        CrashHarness.assertRecovered(spark, clean, lakehouse, point.name());
        assertThat(new PipelineStatus(spark, lakehouse, CrashHarness.spec()).report().recovery()).as("status after the re-run").isEmpty();
    }

    private synchronized LakehouseLayout partial()
    {
        if (partial == null) {
            partial = copy(landing, "partial-reference");
            new PipelineRunner(spark, partial, CrashHarness.spec()).run(new RunOptions(false, Optional.of(FIRST_RUN_UNTIL), Map.of()), ProgressListener.none());
        }
        return partial;
    }

    private LakehouseLayout copy(LakehouseLayout from, String name)
    {
        try {
            Path target = Files.createTempDirectory(folder, name);
            CrashHarness.copyTree(from.root(), target);
            return new LakehouseLayout(target);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
