package dev.aurum.pipeline;

import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.max;

/**
 * The state of every table: Delta version and rows; for Bronze the last batch and its time; for Silver the
 * quarantine per rule, duplicates, superseded versions, nulled values, orphans and the accounting identity
 * (Bronze rows = Silver rows + superseded + quarantined + duplicates); and the landing files still pending.
 */
public final class PipelineStatus
{
    private final SparkSession spark;
    private final LakehouseLayout layout;
    private final PipelineSpec spec;

    public PipelineStatus(SparkSession spark, LakehouseLayout layout, PipelineSpec spec)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.spec = requireNonNull(spec, "spec is null");
    }

    /**
     * {@code recovery}: what a crash or a running pipeline left, each in plain words with the command that resolves
     * it (docs/reference.md, "Crash safety"); empty when the lakehouse is at rest.
     */
    public record Report(List<TableStatus> tables, Map<String, Integer> pendingFiles, boolean fullRefreshPending, List<String> recovery)
    {
        public Report
        {
            tables = List.copyOf(requireNonNull(tables, "tables is null"));
            pendingFiles = Map.copyOf(requireNonNull(pendingFiles, "pendingFiles is null"));
            recovery = List.copyOf(requireNonNull(recovery, "recovery is null"));
        }
    }

    public Report report()
    {
        RunState state = new RunState(spark, layout);
        Map<String, Map<String, Long>> checks = state.checks();
        List<TableStatus> tables = new ArrayList<>();
        Map<String, Integer> pending = new TreeMap<>();
        LandingZone landing = new LandingZone(layout);
        Map<String, Set<String>> recorded = state.recordedFiles();
        for (SourceSpec source : spec.sources()) {
            String entity = source.entity();
            Set<String> known = recorded.getOrDefault(entity, Set.of());
            List<String> candidates = landing.files(entity, Optional.empty()).stream().map(LandingFile::relativePath).filter(path -> !known.contains(path)).toList();
            Set<String> inBronze = state.inBronze(entity, candidates);
            pending.put(entity, (int) candidates.stream().filter(path -> !inBronze.contains(path)).count());
            Path bronzePath = layout.table(Layer.BRONZE, entity);
            if (!exists(bronzePath)) {
                continue;
            }
            Dataset<Row> bronze = read(bronzePath);
            Row last = bronze.agg(max(BronzeIngest.BATCH_ID), max(BronzeIngest.INGESTED_AT), org.apache.spark.sql.functions.count("*")).first();
            long bronzeRows = last.getLong(2);
            tables.add(new TableStatus("bronze." + entity, DeltaTables.latestVersion(bronzePath), bronzeRows,
                    Optional.ofNullable(last.isNullAt(0) ? null : last.getLong(0)), Optional.ofNullable(last.isNullAt(1) ? null : (Instant) last.get(1)), Map.of(), List.of()));

            Path silverPath = layout.table(Layer.SILVER, entity);
            if (!exists(silverPath)) {
                continue;
            }
            long silverRows = read(silverPath).count();
            Path quarantinePath = layout.table(Layer.SILVER, source.quarantineTable());
            long quarantined = exists(quarantinePath) ? read(quarantinePath).count() : 0;
            SilverCounters totals = state.totals(entity);
            Map<String, Long> counts = new TreeMap<>(totals.quarantinedByRule());
            counts.putAll(totals.nulledByColumn());
            counts.put("duplicate", totals.duplicates());
            counts.put("superseded", totals.superseded());
            counts.putAll(checks.getOrDefault(entity, Map.of()));
            List<String> warnings = new ArrayList<>();
            long accounted = silverRows + totals.superseded() + quarantined + totals.duplicates();
            if (accounted != bronzeRows) {
                warnings.add("accounting identity broken: Bronze rows " + bronzeRows + " != Silver " + silverRows + " + superseded " + totals.superseded()
                        + " + quarantined " + quarantined + " + duplicates " + totals.duplicates() + "; run `aurum pipeline run --full-refresh`");
            }
            if (bronzeRows > 0 && (double) quarantined / bronzeRows > spec.maxQuarantineRatio()) {
                warnings.add(String.format("%.1f%% of rows quarantined (threshold %.1f%%)", 100.0 * quarantined / bronzeRows, 100.0 * spec.maxQuarantineRatio()));
            }
            tables.add(new TableStatus("silver." + entity, DeltaTables.latestVersion(silverPath), silverRows, Optional.empty(), Optional.empty(), counts, warnings));
            if (exists(quarantinePath)) {
                tables.add(new TableStatus("silver." + source.quarantineTable(), DeltaTables.latestVersion(quarantinePath), quarantined, Optional.empty(), Optional.empty(),
                        totals.quarantinedByRule(), List.of()));
            }
        }
        for (GoldStep step : spec.gold()) {
            Path path = layout.table(Layer.GOLD, step.table());
            if (exists(path)) {
                tables.add(new TableStatus("gold." + step.table(), DeltaTables.latestVersion(path), read(path).count(), Optional.empty(), Optional.empty(), Map.of(), List.of()));
            }
        }
        boolean fullRefreshPending = Files.exists(layout.state().resolve(PipelineRunner.FULL_REFRESH_MARKER));
        return new Report(tables, pending, fullRefreshPending, recovery(fullRefreshPending));
    }

    /** What a crash (or a run in progress) left, in plain words, each with the command that resolves it. */
    private List<String> recovery(boolean fullRefreshPending)
    {
        List<String> recovery = new ArrayList<>();
        PipelineLock.Inspection lock = PipelineLock.inspect(layout.state().resolve(PipelineRunner.LOCK_FILE));
        switch (lock.state()) {
            case HELD -> recovery.add("A pipeline run is working on this lakehouse now (" + lock.holder() + "); wait for it to finish, then run `aurum pipeline status` again.");
            case STALE -> recovery.add("The pipeline run that took the lock (" + lock.holder() + ") was killed or crashed before it finished; what it committed is kept "
                    + "and nothing half-written is visible. The stale lock is harmless: run `aurum pipeline run` to finish the work.");
            case FREE -> {
            }
        }
        if (fullRefreshPending) {
            recovery.add("A full refresh was interrupted: Silver and Gold may mix the old and the rebuilt state. Run `aurum pipeline run` to finish it.");
        }
        for (Path folder : DeltaTables.uncommitted(layout)) {
            recovery.add(layout.root().relativize(folder) + " holds files of a write that was interrupted before the table's first commit (orphaned files, "
                    + "no data: nothing committed refers to them). Run `aurum pipeline run`: it removes them and creates the table.");
        }
        boolean silverBuilt = spec.sources().stream().anyMatch(source -> exists(layout.table(Layer.SILVER, source.entity())));
        List<String> missingGold = spec.gold().stream().map(GoldStep::table).filter(table -> !exists(layout.table(Layer.GOLD, table))).toList();
        if (silverBuilt && !missingGold.isEmpty()) {
            recovery.add("Gold tables " + missingGold + " are missing: a run stopped before it built them. Run `aurum pipeline run` to build them.");
        }
        return recovery;
    }

    private Dataset<Row> read(Path path)
    {
        return spark.read().format("delta").load(path.toString());
    }

    private static boolean exists(Path table)
    {
        return DeltaTables.exists(table);
    }
}
