package dev.aurum.pipeline;

import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

/**
 * The pipeline's own Delta tables under {@code _aurum/} (catalog database {@code aurum}): {@code runs} (history),
 * {@code ingested_files}, {@code silver_counters} (per entity and Bronze batch, written idempotently with Delta's
 * txnAppId/txnVersion so a re-run after a crash never counts twice), {@code checks} (orphan counters of the last
 * Gold build), {@code gold_builds} (which Silver versions the current Gold was built from, and the highest Bronze batch
 * it holds) and {@code gold_changes} (the scopes a Gold refresh recomputes, kept until a build completes).
 */
public final class RunState
{
    public static final String RUNS = "runs";
    public static final String INGESTED_FILES = "ingested_files";
    public static final String SILVER_COUNTERS = "silver_counters";
    public static final String CHECKS = "checks";
    public static final String GOLD_BUILDS = "gold_builds";
    /** The changed scopes of the Gold refresh in progress, written before its first MERGE (see {@link GoldChanges}). */
    public static final String GOLD_CHANGES = "gold_changes";

    private static final StructType RUNS_SCHEMA = new StructType()
            .add("run_id", DataTypes.LongType, false)
            .add("started_at", DataTypes.TimestampType, false)
            .add("finished_at", DataTypes.TimestampType, false)
            .add("duration_ms", DataTypes.LongType, false)
            .add("outcome", DataTypes.StringType, false)
            .add("full_refresh", DataTypes.BooleanType, false)
            .add("until", DataTypes.DateType, true)
            .add("parameters", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
            .add("bronze_rows", DataTypes.LongType, false)
            .add("silver_rows", DataTypes.LongType, false)
            .add("gold_rows", DataTypes.LongType, false)
            .add("quarantined", DataTypes.LongType, false)
            .add("message", DataTypes.StringType, false);

    private static final StructType FILES_SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("entity", DataTypes.StringType, false)
            .add("drop_date", DataTypes.DateType, false)
            .add("batch_id", DataTypes.LongType, false)
            .add("rows", DataTypes.LongType, false)
            .add("malformed_rows", DataTypes.LongType, false)
            .add("missing_columns", DataTypes.StringType, true)
            .add("ingested_at", DataTypes.TimestampType, false)
            // the file's fingerprint (absent in lakehouses from before): how a changed re-delivery is told apart
            .add("size", DataTypes.LongType, true)
            .add("modified_ms", DataTypes.LongType, true)
            .add("sha256", DataTypes.StringType, true)
            .add("notes", DataTypes.StringType, true);

    private static final StructType COUNTERS_SCHEMA = new StructType()
            .add("entity", DataTypes.StringType, false)
            .add("generation", DataTypes.LongType, false)
            .add("batch_id", DataTypes.LongType, false)
            .add("run_id", DataTypes.LongType, false)
            .add("bronze_rows", DataTypes.LongType, false)
            .add("written", DataTypes.LongType, false)
            .add("inserted", DataTypes.LongType, false)
            .add("superseded", DataTypes.LongType, false)
            .add("duplicates", DataTypes.LongType, false)
            .add("quarantined", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
            .add("nulled", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
            .add("processed_at", DataTypes.TimestampType, false);

    private static final StructType CHECKS_SCHEMA = new StructType()
            .add("name", DataTypes.StringType, false)
            .add("entity", DataTypes.StringType, false)
            .add("value", DataTypes.LongType, false)
            .add("run_id", DataTypes.LongType, false);

    private static final StructType GOLD_BUILDS_SCHEMA = new StructType()
            .add("run_id", DataTypes.LongType, false)
            .add("built_at", DataTypes.TimestampType, false)
            .add("fingerprint", DataTypes.StringType, false)
            .add("spec_fingerprint", DataTypes.StringType, true)
            .add("through_batch", DataTypes.LongType, true);

    private final SparkSession spark;
    private final LakehouseLayout layout;

    public RunState(SparkSession spark, LakehouseLayout layout)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
    }

    public Path path(String table)
    {
        return layout.table(Layer.STATE, table);
    }

    public boolean exists(String table)
    {
        return DeltaTables.exists(path(table));
    }

    Dataset<Row> read(String table)
    {
        return spark.read().format("delta").load(path(table).toString());
    }

    /** A run id larger than every earlier one: the start time in milliseconds, bumped past the last recorded run. */
    public long nextRunId(Instant now)
    {
        long last = 0;
        if (exists(RUNS)) {
            Row row = read(RUNS).agg(org.apache.spark.sql.functions.max("run_id")).first();
            last = row.isNullAt(0) ? 0 : row.getLong(0);
        }
        return Math.max(now.toEpochMilli(), last + 1);
    }

    /**
     * What {@code ingested_files} records, by entity: the landing paths and the Bronze batch ids they went into;
     * and by landing path, the batches it went into and the fingerprint of its latest ingestion (when recorded).
     */
    public record IngestedFiles(Map<String, Set<String>> paths, Map<String, Set<Long>> batches, Map<String, Set<Long>> batchesOfPath,
            Map<String, BronzeIngest.Fingerprint> fingerprints)
    {
        public IngestedFiles
        {
            requireNonNull(paths, "paths is null");
            requireNonNull(batches, "batches is null");
            requireNonNull(batchesOfPath, "batchesOfPath is null");
            requireNonNull(fingerprints, "fingerprints is null");
        }

        public Set<Long> batchesOf(String path)
        {
            return batchesOfPath.getOrDefault(path, Set.of());
        }

        /**
         * Whether {@code file} must be ingested: never recorded, or delivered again with other content (a day's
         * drop re-sent with changed rows). The same content delivered again is not; a file recorded without a
         * fingerprint (an older lakehouse) neither. Reads the file only when its size or time changed.
         */
        public boolean isNewOrChanged(LandingFile file)
        {
            if (!paths(file.entity()).contains(file.relativePath())) {
                return true;
            }
            BronzeIngest.Fingerprint recorded = fingerprints.get(file.relativePath());
            if (recorded == null) {
                return false;
            }
            try {
                if (Files.size(file.path()) == recorded.size() && Files.getLastModifiedTime(file.path()).toMillis() == recorded.modifiedMillis()) {
                    return false;
                }
                return !BronzeIngest.Fingerprint.sha256(Files.readAllBytes(file.path())).equals(recorded.sha256());
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read landing file " + file.path(), e);
            }
        }

        public Set<String> paths(String entity)
        {
            return paths.getOrDefault(entity, Set.of());
        }

        public Set<Long> batches(String entity)
        {
            return batches.getOrDefault(entity, Set.of());
        }
    }

    /** The whole {@code ingested_files} table in one read (all entities). */
    public IngestedFiles ingestedFiles()
    {
        Map<String, Set<String>> paths = new HashMap<>();
        Map<String, Set<Long>> batches = new HashMap<>();
        Map<String, Set<Long>> batchesOfPath = new HashMap<>();
        Map<String, BronzeIngest.Fingerprint> fingerprints = new HashMap<>();
        Map<String, Long> fingerprintBatch = new HashMap<>();
        if (exists(INGESTED_FILES)) {
            Dataset<Row> table = read(INGESTED_FILES);
            boolean fingerprinted = Arrays.asList(table.columns()).contains("sha256");
            Dataset<Row> rows = fingerprinted ? table.select("entity", "path", "batch_id", "size", "modified_ms", "sha256") : table.select("entity", "path", "batch_id");
            for (Row row : rows.collectAsList()) {
                String path = row.getString(1);
                long batch = row.getLong(2);
                paths.computeIfAbsent(row.getString(0), entity -> new HashSet<>()).add(path);
                batches.computeIfAbsent(row.getString(0), entity -> new HashSet<>()).add(batch);
                batchesOfPath.computeIfAbsent(path, key -> new HashSet<>()).add(batch);
                // the latest ingestion's fingerprint wins
                if (fingerprinted && !row.isNullAt(5) && batch >= fingerprintBatch.getOrDefault(path, Long.MIN_VALUE)) {
                    fingerprints.put(path, new BronzeIngest.Fingerprint(row.getLong(3), row.getLong(4), row.getString(5)));
                    fingerprintBatch.put(path, batch);
                }
            }
        }
        return new IngestedFiles(paths, batches, batchesOfPath, fingerprints);
    }

    /** Landing paths recorded in {@code ingested_files}, by entity (one read for all entities). */
    public Map<String, Set<String>> recordedFiles()
    {
        return ingestedFiles().paths();
    }

    /**
     * Which of {@code candidates} (landing paths not recorded as ingested) are in Bronze anyway: a run that died
     * between the Bronze commit and the {@code ingested_files} record. Reads Bronze only when there are candidates.
     */
    public Set<String> inBronze(String entity, Collection<String> candidates)
    {
        return bronzeBatches(entity, candidates).keySet();
    }

    /** Like {@link #inBronze}, with the latest Bronze batch id each of those paths went into. */
    public Map<String, Long> bronzeBatches(String entity, Collection<String> candidates)
    {
        Map<String, Long> paths = new HashMap<>();
        Path bronze = layout.table(Layer.BRONZE, entity);
        if (candidates.isEmpty() || !DeltaTables.exists(bronze)) {
            return paths;
        }
        spark.read().format("delta").load(bronze.toString()).select(BronzeIngest.SOURCE_FILE, BronzeIngest.BATCH_ID)
                .where(col(BronzeIngest.SOURCE_FILE).isin(candidates.toArray())).groupBy(BronzeIngest.SOURCE_FILE)
                .agg(org.apache.spark.sql.functions.max(BronzeIngest.BATCH_ID)).collectAsList()
                .forEach(row -> paths.put(row.getString(0), row.getLong(1)));
        return paths;
    }

    /** Records files in one commit; {@code batchOf} gives each landing path's Bronze batch. */
    public void recordIngestedFiles(List<BronzeIngest.FileResult> files, ToLongFunction<String> batchOf, Instant ingestedAt)
    {
        if (files.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (BronzeIngest.FileResult file : files) {
            rows.add(RowFactory.create(file.file().relativePath(), file.file().entity(), file.file().day(), batchOf.applyAsLong(file.file().relativePath()), file.rows(),
                    file.malformedRows(), file.missingColumns().isEmpty() ? null : String.join(",", file.missingColumns()), ingestedAt,
                    file.fingerprint().size(), file.fingerprint().modifiedMillis(), file.fingerprint().sha256(), file.notes().isEmpty() ? null : String.join("; ", file.notes())));
        }
        append(INGESTED_FILES, spark.createDataFrame(rows, FILES_SCHEMA), Optional.empty(), 0);
    }

    /** The generation (the run that last rebuilt the entity's Silver in full) of the entity's counters, if any. */
    public OptionalLong generation(String entity)
    {
        if (!exists(SILVER_COUNTERS)) {
            return OptionalLong.empty();
        }
        Row row = read(SILVER_COUNTERS).where(col("entity").equalTo(entity)).agg(org.apache.spark.sql.functions.max("generation")).first();
        return row.isNullAt(0) ? OptionalLong.empty() : OptionalLong.of(row.getLong(0));
    }

    /** An entity's current generation and the last Bronze batch its counters of that generation cover. */
    public record Generation(long id, long countedThrough) {}

    /** The current generation of every entity that has counters (one read for all entities). */
    public Map<String, Generation> generations()
    {
        Map<String, Generation> generations = new HashMap<>();
        if (exists(SILVER_COUNTERS)) {
            read(SILVER_COUNTERS).groupBy("entity", "generation").agg(org.apache.spark.sql.functions.max("batch_id")).collectAsList()
                    .forEach(row -> generations.merge(row.getString(0), new Generation(row.getLong(1), row.getLong(2)),
                            (one, other) -> one.id() >= other.id() ? one : other));
        }
        return generations;
    }

    /**
     * Adds the counters of one Silver unit under its last batch; a second call for the same (entity, generation,
     * batch), or for an earlier batch, is a no-op (Delta's txnAppId/txnVersion).
     */
    public void appendCounters(String entity, long generation, long batchId, long runId, SilverCounters counters, Instant now)
    {
        Row row = RowFactory.create(entity, generation, batchId, runId, counters.bronzeRows(), counters.written(), counters.inserted(),
                counters.superseded(), counters.duplicates(), new TreeMap<>(counters.quarantinedByRule()), new TreeMap<>(counters.nulledByColumn()), now);
        append(SILVER_COUNTERS, spark.createDataFrame(List.of(row), COUNTERS_SCHEMA), Optional.of("aurum-silver-counters-" + entity + "-" + generation), batchId);
    }

    /** The counters of the entity's current generation, summed. */
    public SilverCounters totals(String entity)
    {
        OptionalLong generation = generation(entity);
        if (generation.isEmpty()) {
            return SilverCounters.empty();
        }
        SilverCounters total = SilverCounters.empty();
        for (Row row : read(SILVER_COUNTERS).where(col("entity").equalTo(entity).and(col("generation").equalTo(generation.getAsLong()))).collectAsList()) {
            total = total.plus(new SilverCounters(row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8),
                    longMap(row.getJavaMap(9)), longMap(row.getJavaMap(10))));
        }
        return total;
    }

    private static Map<String, Long> longMap(Map<Object, Object> map)
    {
        Map<String, Long> result = new TreeMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), ((Number) value).longValue()));
        return result;
    }

    public void recordRun(RunRecord run)
    {
        Row row = RowFactory.create(run.runId(), run.startedAt(), run.finishedAt(), run.durationMillis(), run.outcome(), run.fullRefresh(),
                run.until().orElse(null), new TreeMap<>(run.parameters()), run.bronzeRows(), run.silverRows(), run.goldRows(), run.quarantined(), run.message());
        append(RUNS, spark.createDataFrame(List.of(row), RUNS_SCHEMA), Optional.empty(), 0);
    }

    /** Past runs, newest first. */
    public List<RunRecord> runs(int limit)
    {
        if (!exists(RUNS)) {
            return List.of();
        }
        List<RunRecord> runs = new ArrayList<>();
        for (Row row : read(RUNS).orderBy(col("run_id").desc()).limit(limit).collectAsList()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            row.<Object, Object>getJavaMap(7).forEach((key, value) -> parameters.put(String.valueOf(key), String.valueOf(value)));
            runs.add(new RunRecord(row.getLong(0), row.getAs("started_at"), row.getAs("finished_at"), row.getString(4), row.getBoolean(5),
                    Optional.ofNullable((LocalDate) row.getAs("until")), parameters, row.getLong(8), row.getLong(9), row.getLong(10), row.getLong(11), row.getString(12)));
        }
        return runs;
    }

    /**
     * The last completed Gold build: the fingerprint of its inputs, that of the pipeline's definition (SQL,
     * parameters, Silver generations), and the highest Bronze batch it holds (the last two absent on builds recorded
     * before Gold refreshes existed).
     */
    public record GoldBuildRecord(long runId, String fingerprint, Optional<String> specFingerprint, OptionalLong throughBatch) {}

    public Optional<GoldBuildRecord> lastGoldBuild()
    {
        if (!exists(GOLD_BUILDS)) {
            return Optional.empty();
        }
        Dataset<Row> builds = read(GOLD_BUILDS);
        boolean refreshable = List.of(builds.columns()).contains("through_batch");
        List<Row> rows = builds.orderBy(col("run_id").desc(), col("built_at").desc()).limit(1).collectAsList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        Optional<String> spec = refreshable ? Optional.ofNullable(row.getAs("spec_fingerprint")) : Optional.empty();
        OptionalLong through = refreshable && row.getAs("through_batch") != null ? OptionalLong.of(row.<Long>getAs("through_batch")) : OptionalLong.empty();
        return Optional.of(new GoldBuildRecord(row.getLong(0), row.getString(2), spec, through));
    }

    public Optional<String> lastGoldFingerprint()
    {
        return lastGoldBuild().map(GoldBuildRecord::fingerprint);
    }

    public void recordGoldBuild(long runId, String fingerprint, String specFingerprint, long throughBatch, Instant now)
    {
        append(GOLD_BUILDS, spark.createDataFrame(List.of(RowFactory.create(runId, now, fingerprint, specFingerprint, throughBatch)), GOLD_BUILDS_SCHEMA),
                Optional.empty(), 0);
    }

    public void writeChecks(long runId, List<CheckSpec> checks, Map<String, Long> values)
    {
        List<Row> rows = new ArrayList<>();
        for (CheckSpec check : checks) {
            rows.add(RowFactory.create(check.name(), check.entity(), values.getOrDefault(check.name(), 0L), runId));
        }
        spark.createDataFrame(rows, CHECKS_SCHEMA).write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(path(CHECKS).toString());
    }

    /** The check counters of the last Gold build, by entity then name. */
    public Map<String, Map<String, Long>> checks()
    {
        if (!exists(CHECKS)) {
            return Map.of();
        }
        return read(CHECKS).collectAsList().stream().collect(Collectors.groupingBy(row -> row.getString(1), TreeMap::new,
                Collectors.toMap(row -> row.getString(0), row -> row.getLong(2), Long::sum, TreeMap::new)));
    }

    private void append(String table, Dataset<Row> rows, Optional<String> transactionApp, long transactionVersion)
    {
        var writer = rows.write().format("delta").mode(SaveMode.Append).option("mergeSchema", "true");
        if (transactionApp.isPresent()) {
            writer = writer.option("txnAppId", transactionApp.get()).option("txnVersion", transactionVersion);
        }
        writer.save(path(table).toString());
    }
}
