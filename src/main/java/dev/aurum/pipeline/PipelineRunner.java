package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Runs the pipeline once: landing → Bronze (new files only) → Silver (MERGE of the new Bronze batches, or a full
 * rebuild) → Gold (refreshed when its Silver inputs changed, rebuilt when its definition did), under the lakehouse lock, and records
 * the run in {@code _aurum/runs}. A run with nothing new writes no Bronze, Silver or Gold table.
 */
public final class PipelineRunner
{
    public static final String LOCK_FILE = "pipeline.lock";
    public static final String FULL_REFRESH_MARKER = "full_refresh.pending";

    private final SparkSession spark;
    private final LakehouseLayout layout;
    private final PipelineSpec spec;
    private final Clock clock;
    /** Gold tables built at once: two keep a 2-core machine busy while one query plans or commits. */
    private static final int GOLD_THREADS = 2;

    private final int bronzeRowsPerCommit;
    private SilverMerge.BeforeMerge beforeSilverMerge = SilverMerge.BeforeMerge.NONE;
    private Consumer<String> afterGoldTable = table -> {};

    public PipelineRunner(SparkSession spark, LakehouseLayout layout, PipelineSpec spec, Clock clock, int bronzeRowsPerCommit)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.bronzeRowsPerCommit = bronzeRowsPerCommit;
    }

    public PipelineRunner(SparkSession spark, LakehouseLayout layout, PipelineSpec spec)
    {
        this(spark, layout, spec, Clock.systemUTC(), 250_000);
    }

    /** For crash-safety tests: {@code hook} runs between each Silver unit's counters commit and its Silver write. */
    PipelineRunner beforeSilverMerge(SilverMerge.BeforeMerge hook)
    {
        this.beforeSilverMerge = requireNonNull(hook, "hook is null");
        return this;
    }

    /** For crash-safety tests: {@code hook} runs after each Gold table's commit, with the table's name. */
    PipelineRunner afterGoldTable(Consumer<String> hook)
    {
        this.afterGoldTable = requireNonNull(hook, "hook is null");
        return this;
    }

    public RunSummary run(RunOptions options, ProgressListener progress)
    {
        Map<String, String> parameters = spec.resolveParameters(options.parameters());
        try (PipelineLock ignored = PipelineLock.acquire(layout.state().resolve(LOCK_FILE))) {
            removeUncommittedTables(progress);
            RunState state = new RunState(spark, layout);
            Instant started = clock.instant();
            long runId = state.nextRunId(started);
            try {
                return runLocked(options, parameters, state, runId, started, progress);
            }
            // Exception, not RuntimeException: Hadoop's IOException (a full disk, a read-only folder) reaches here
            // undeclared through Delta's Scala code
            catch (Exception e) {
                try {
                    Instant finished = clock.instant();
                    state.recordRun(new RunRecord(runId, started, finished, RunRecord.FAILED, options.fullRefresh(), options.until(), parameters, 0, 0, 0, 0,
                            String.valueOf(e.getMessage())));
                }
                catch (RuntimeException recordFailure) {
                    e.addSuppressed(recordFailure);
                }
                if (e instanceof AurumException aurum) {
                    throw aurum;
                }
                throw new AurumException(ErrorCode.RUN_FAILED, "The pipeline run failed: " + e.getMessage() + " Fix the cause and run `aurum pipeline run` again; finished steps are not redone.", e);
            }
        }
    }

    private RunSummary runLocked(RunOptions options, Map<String, String> parameters, RunState state, long runId, Instant started, ProgressListener progress)
    {
        spark.conf().set("spark.sql.legacy.timeParserPolicy", "CORRECTED");
        Path marker = layout.state().resolve(FULL_REFRESH_MARKER);
        boolean fullRefresh = options.fullRefresh() || Files.exists(marker);
        if (fullRefresh) {
            touch(marker);
        }
        progress.step("run " + runId + (fullRefresh ? " (full refresh)" : "") + options.until().map(day -> ", drops up to " + day).orElse(""));
        List<TableSummary> summaries = new ArrayList<>();

        // Bronze
        BronzeIngest ingest = new BronzeIngest(spark, layout, bronzeRowsPerCommit);
        LandingZone landing = new LandingZone(layout);
        long bronzeRows = 0;
        RunState.IngestedFiles recorded = state.ingestedFiles();
        List<BronzeIngest.FileResult> ingestedFiles = new ArrayList<>();
        Map<String, Long> batchOfPath = new HashMap<>();
        Instant ingestedAt = clock.instant();
        for (SourceSpec source : spec.sources()) {
            long start = System.nanoTime();
            // new files, and a day's drop delivered again with changed rows (the same content again is skipped)
            List<LandingFile> candidates = landing.files(source.entity(), options.until()).stream().filter(recorded::isNewOrChanged).toList();
            Map<String, Long> inBronze = Map.of();
            if (!candidates.isEmpty() && lastBronzeCommitUnrecorded(source.entity(), recorded)) {
                // a run died between its Bronze commit and the ingested_files record: record what it left
                inBronze = state.bronzeBatches(source.entity(), candidates.stream().map(LandingFile::relativePath).toList());
                // a path ingested before (a re-delivery) is in Bronze already only with a batch nobody recorded
                inBronze = new HashMap<>(inBronze);
                inBronze.entrySet().removeIf(entry -> recorded.batchesOf(entry.getKey()).contains(entry.getValue()));
                for (LandingFile file : candidates) {
                    Long batch = inBronze.get(file.relativePath());
                    if (batch != null) {
                        ingestedFiles.add(ingest.inspect(source, file));
                        batchOfPath.put(file.relativePath(), batch);
                    }
                }
            }
            Set<String> alreadyInBronze = inBronze.keySet();
            List<LandingFile> files = candidates.stream().filter(file -> !alreadyInBronze.contains(file.relativePath())).toList();
            if (files.isEmpty()) {
                continue;
            }
            List<BronzeIngest.FileResult> results = ingest.ingest(source, files, runId, ingestedAt);
            ingestedFiles.addAll(results);
            long rows = results.stream().mapToLong(BronzeIngest.FileResult::rows).sum();
            bronzeRows += rows;
            List<String> warnings = new ArrayList<>();
            for (BronzeIngest.FileResult result : results) {
                if (!result.missingColumns().isEmpty()) {
                    warnings.add("rejected " + result.file().relativePath() + ": header lacks " + result.missingColumns() + " (" + result.rows() + " rows quarantined as missing_column)");
                }
                if (!result.notes().isEmpty()) {
                    warnings.add(result.file().relativePath() + ": " + String.join("; ", result.notes()));
                }
                if (recorded.paths(source.entity()).contains(result.file().relativePath())) {
                    warnings.add(result.file().relativePath() + ": delivered again with changed content; its rows are a new batch and the latest version of each key wins");
                }
            }
            summaries.add(new TableSummary("bronze." + source.entity(), rows, rows, Map.of(), 0, 0, warnings, millisSince(start)));
            progress.step("bronze." + source.entity() + ": " + files.size() + " new files, " + rows + " rows");
        }
        // one record for every entity; a crash before it is harmless, as Bronze's _source_file says the same
        state.recordIngestedFiles(ingestedFiles, path -> batchOfPath.getOrDefault(path, runId), ingestedAt);

        // Silver
        SilverMerge merge = new SilverMerge(spark, layout, state, beforeSilverMerge);
        long silverWritten = 0;
        long quarantined = 0;
        Map<String, TableSummary> silverSummaries = new LinkedHashMap<>();
        Map<String, RunState.Generation> generations = state.generations();
        for (SourceSpec source : spec.sources()) {
            long start = System.nanoTime();
            String silverSql = spec.silverSql().get(source.entity());
            RunState.Generation generation = generations.get(source.entity());
            boolean full = fullRefresh || !merge.silverExists(source.entity()) || generation == null;
            SilverCounters counters = SilverCounters.empty();
            List<String> warnings = new ArrayList<>();
            if (full) {
                counters = merge.rebuild(source, silverSql, parameters, runId, runId, clock.instant()).counters();
                warnIfTooMuchQuarantined(counters.bronzeRows(), counters.quarantined(), "rebuild", warnings);
            }
            else {
                // all pending batches in one unit (a catch-up after days off costs one MERGE, not one per day)
                for (List<Long> unit : SilverMerge.units(merge.pendingBatches(source.entity()), generation.countedThrough())) {
                    SilverMerge.Result result = merge.merge(source, silverSql, parameters, unit, generation.id(), runId, clock.instant());
                    result.batches().forEach(batch -> warnIfTooMuchQuarantined(batch.rows(), batch.quarantined(), "batch " + batch.batch(), warnings));
                    counters = counters.plus(result.counters());
                }
            }
            if (counters.bronzeRows() == 0 && !full) {
                continue;
            }
            silverWritten += counters.written();
            quarantined += counters.quarantined();
            Map<String, Long> rules = new TreeMap<>(counters.quarantinedByRule());
            rules.putAll(counters.nulledByColumn());
            TableSummary summary = new TableSummary("silver." + source.entity(), counters.bronzeRows(), counters.written(), rules, counters.duplicates(), 0, warnings, millisSince(start));
            silverSummaries.put(source.entity(), summary);
            progress.step("silver." + source.entity() + ": " + counters.bronzeRows() + " rows read, " + counters.written() + " written, "
                    + counters.quarantined() + " quarantined, " + counters.duplicates() + " duplicates" + (full ? " (rebuilt)" : ""));
        }
        CatalogTables catalog = new CatalogTables(spark, layout);
        for (SourceSpec source : spec.sources()) {
            catalog.point(Layer.BRONZE, source.entity());
            catalog.point(Layer.SILVER, source.entity());
            catalog.point(Layer.SILVER, source.quarantineTable());
        }
        // a refresh reads the current Gold (its changed SQL, gold.order_items' join): this lakehouse's, even in a
        // JVM that served another one before
        spec.gold().forEach(step -> catalog.point(Layer.GOLD, step.table()));

        // Gold
        long goldRows = 0;
        String definition = goldDefinition(parameters, state.generations());
        String fingerprint = goldFingerprint(definition);
        boolean goldMissing = spec.gold().stream().anyMatch(step -> !DeltaTables.exists(layout.table(Layer.GOLD, step.table())));
        Optional<RunState.GoldBuildRecord> lastBuild = state.lastGoldBuild();
        boolean goldChanged = fullRefresh || goldMissing || !lastBuild.map(build -> build.fingerprint().equals(fingerprint)).orElse(false);
        if (goldChanged) {
            GoldBuild gold = new GoldBuild(spark, layout, catalog, afterGoldTable);
            // a refresh needs the same definition and Silver generations as the last build (a rebuilt Silver keeps
            // old batch ids), and that build's batch watermark
            String specFingerprint = sha256(definition);
            boolean refresh = !fullRefresh && !goldMissing && spec.gold().stream().anyMatch(step -> step.refresh().isPresent())
                    && lastBuild.isPresent() && lastBuild.get().throughBatch().isPresent()
                    && lastBuild.get().specFingerprint().map(specFingerprint::equals).orElse(false);
            if (refresh) {
                long start = System.nanoTime();
                Map<String, Long> scopes = new GoldChanges(spark, state).prepare(spec.gold(), lastBuild.get().throughBatch().getAsLong(), lastBuild.get().runId(), runId);
                progress.step("gold: refreshing changed scopes " + scopes + " (" + millisSince(start) + " ms)");
            }
            // the checks read Silver only: they run alongside the Gold tables
            Map<String, Long> checkValues = new ConcurrentHashMap<>();
            List<Runnable> checks = spec.checks().stream().<Runnable>map(check -> () -> checkValues.put(check.name(),
                    spark.sql(PipelineSpec.substitute(check.sql(), parameters, "check " + check.name())).first().getLong(0))).toList();
            for (GoldBuild.Built built : gold.buildAll(spec.gold(), parameters, refresh, GOLD_THREADS, checks, progress)) {
                goldRows += built.rows();
                summaries.add(new TableSummary("gold." + built.step().table(), 0, built.rows(), Map.of(), 0, 0, List.of(), built.durationMillis()));
            }
            state.writeChecks(runId, spec.checks(), checkValues);
            for (CheckSpec check : spec.checks()) {
                TableSummary silver = silverSummaries.get(check.entity());
                if (silver != null) {
                    silverSummaries.put(check.entity(), new TableSummary(silver.table(), silver.rowsRead(), silver.rowsWritten(), silver.quarantinedByRule(),
                            silver.duplicates(), silver.orphans() + checkValues.get(check.name()), silver.warnings(), silver.durationMillis()));
                }
            }
            // every Bronze batch up to this run's is in Silver now: batches are run ids, and runs merge all pending batches
            state.recordGoldBuild(runId, fingerprint, specFingerprint, runId, clock.instant());
        }
        else {
            progress.step("gold: up to date");
        }
        List<TableSummary> ordered = new ArrayList<>(summaries.stream().filter(table -> table.table().startsWith("bronze.")).toList());
        ordered.addAll(silverSummaries.values());
        ordered.addAll(summaries.stream().filter(table -> table.table().startsWith("gold.")).toList());
        try {
            Files.deleteIfExists(marker);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant finished = clock.instant();
        RunRecord record = new RunRecord(runId, started, finished, RunRecord.SUCCEEDED, fullRefresh, options.until(), parameters,
                bronzeRows, silverWritten, goldRows, quarantined, "ok");
        state.recordRun(record);
        for (String table : List.of(RunState.RUNS, RunState.INGESTED_FILES, RunState.SILVER_COUNTERS, RunState.CHECKS, RunState.GOLD_BUILDS, RunState.GOLD_CHANGES)) {
            catalog.point(Layer.STATE, table);
        }
        return new RunSummary(record, ordered, bronzeRows > 0 || goldChanged || !silverSummaries.isEmpty());
    }

    /**
     * A run killed while it created a table leaves that table's folder with data files but no commit: a table that
     * does not exist yet, which Delta cannot append to. No commit references those files, so removing them loses
     * nothing, and this run creates the table afresh (docs/reference.md, "Crash safety"). Runs under the lock, so no other
     * writer is creating a table right now.
     */
    private void removeUncommittedTables(ProgressListener progress)
    {
        for (Path folder : DeltaTables.uncommitted(layout)) {
            if (DeltaTables.removeUncommitted(folder)) {
                progress.step("recovered: removed " + layout.root().relativize(folder) + ", which an interrupted run left before the table's first commit");
            }
        }
    }

    /**
     * Whether Bronze may hold files {@code ingested_files} does not record. Every Bronze commit is stamped with its
     * batch and every run records all files it (or a crashed run before it) put in Bronze, so when the latest
     * Bronze commit's batch is recorded, nothing is missing; otherwise (a crash, an OPTIMIZE, an unstamped table)
     * Bronze must be read.
     */
    private boolean lastBronzeCommitUnrecorded(String entity, RunState.IngestedFiles recorded)
    {
        Path bronze = layout.table(Layer.BRONZE, entity);
        if (!DeltaTables.exists(bronze)) {
            return false;
        }
        OptionalLong batch = DeltaCommits.latestBatch(bronze);
        return batch.isEmpty() || !recorded.batches(entity).contains(batch.getAsLong());
    }

    private void warnIfTooMuchQuarantined(long rows, long quarantined, String unit, List<String> warnings)
    {
        if (rows > 0 && (double) quarantined / rows > spec.maxQuarantineRatio()) {
            warnings.add(String.format("%s quarantined %d of %d rows (%.1f%%, above the %.1f%% threshold)", unit, quarantined, rows,
                    100.0 * quarantined / rows, 100.0 * spec.maxQuarantineRatio()));
        }
    }

    /** What Gold is defined by: the parameters, the Gold SQL and refresh declarations, the checks and the Silver generations. */
    private String goldDefinition(Map<String, String> parameters, Map<String, RunState.Generation> generations)
    {
        StringBuilder text = new StringBuilder();
        for (SourceSpec source : spec.sources()) {
            RunState.Generation generation = generations.get(source.entity());
            text.append(source.entity()).append(" generation ").append(generation == null ? "none" : generation.id()).append(';');
        }
        text.append(new TreeMap<>(parameters));
        spec.gold().forEach(step -> text.append(step.table()).append(step.sql()).append(step.refresh()));
        spec.checks().forEach(check -> text.append(check.name()).append(check.sql()));
        return text.toString();
    }

    /** What Gold depends on: its definition and the Silver table versions. */
    private String goldFingerprint(String definition)
    {
        StringBuilder text = new StringBuilder(definition);
        for (SourceSpec source : spec.sources()) {
            text.append(source.entity()).append('=').append(DeltaTables.latestVersion(layout.table(Layer.SILVER, source.entity()))).append(';');
        }
        return sha256(text.toString());
    }

    private static String sha256(String text)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void touch(Path file)
    {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millisSince(long startNanos)
    {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
