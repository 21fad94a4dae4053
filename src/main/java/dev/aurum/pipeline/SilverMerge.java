package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

/**
 * Bronze to Silver for one entity. Types a unit of Bronze rows (every pending batch at once, or all of Bronze for
 * a rebuild) with the source's Silver SQL, applies the rules
 * (Bronze's malformed_row / missing_column first, then the YAML rules in order) into {@code <entity>_quarantine},
 * drops exact duplicates of the version a row would replace, and upserts the latest version per key (latest drop,
 * then latest line) into {@code silver.<entity>}: MERGE for an incremental unit, overwrite for a full rebuild.
 *
 * <p>Crash safety: counters and quarantine rows are written first with Delta txnAppId/txnVersion = (entity and
 * generation, the unit's last batch id), so re-doing a unit after a crash never writes them twice; the Silver MERGE
 * comes last and stamps its commit with that batch. A unit is done once Silver's stamp reaches its last batch (or,
 * if none of its rows won, re-doing it writes nothing). After a crash, {@link #units} re-does the counted batches
 * as one unit before the new ones, so a unit never mixes counted and uncounted batches.
 */
public final class SilverMerge
{
    public static final String ROW_HASH = "_row_hash";
    public static final String RULE = "_rule";
    private static final String BRONZE = "_bronze";
    private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

    private final SparkSession spark;
    private final LakehouseLayout layout;
    private final RunState state;
    private final BeforeMerge beforeMerge;

    public SilverMerge(SparkSession spark, LakehouseLayout layout, RunState state)
    {
        this(spark, layout, state, BeforeMerge.NONE);
    }

    SilverMerge(SparkSession spark, LakehouseLayout layout, RunState state, BeforeMerge beforeMerge)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.state = requireNonNull(state, "state is null");
        this.beforeMerge = requireNonNull(beforeMerge, "beforeMerge is null");
    }

    /**
     * Called once a unit's counters and quarantine rows are committed and before its Silver write: the window a
     * crash-safety test stops a run in (by throwing), as a kill there would.
     */
    @FunctionalInterface
    interface BeforeMerge
    {
        BeforeMerge NONE = (entity, lastBatch) -> {};

        void reached(String entity, long lastBatch);
    }

    public boolean silverExists(String entity)
    {
        return DeltaTables.exists(layout.table(Layer.SILVER, entity));
    }

    /**
     * Bronze batch ids not yet merged into Silver, oldest first. Silver's last commit is stamped with the batch it
     * completed and Bronze's commits with the batch they hold, so this normally reads only the Delta logs; a table
     * whose log lacks the stamps (OPTIMIZE, an older lakehouse) is read instead.
     */
    public List<Long> pendingBatches(String entity)
    {
        Path bronzePath = layout.table(Layer.BRONZE, entity);
        Dataset<Row> bronze = bronze(entity);
        if (bronze == null) {
            return List.of();
        }
        OptionalLong stamped = DeltaCommits.latestBatch(layout.table(Layer.SILVER, entity));
        long merged;
        if (stamped.isPresent()) {
            merged = stamped.getAsLong();
        }
        else {
            Row watermark = silver(entity).agg(org.apache.spark.sql.functions.max(BronzeIngest.BATCH_ID)).first();
            merged = watermark.isNullAt(0) ? Long.MIN_VALUE : watermark.getLong(0);
        }
        Optional<List<Long>> fromLog = DeltaCommits.batchesAfter(bronzePath, merged);
        if (fromLog.isPresent()) {
            return fromLog.get();
        }
        return bronze.select(BronzeIngest.BATCH_ID).distinct().where(col(BronzeIngest.BATCH_ID).gt(merged)).collectAsList().stream()
                .map(row -> row.getLong(0)).sorted().toList();
    }

    public OptionalLong maxBronzeBatch(String entity)
    {
        Dataset<Row> bronze = bronze(entity);
        if (bronze == null) {
            return OptionalLong.empty();
        }
        // batch ids only grow, so the last stamped Bronze commit holds the largest
        OptionalLong stamped = DeltaCommits.latestBatch(layout.table(Layer.BRONZE, entity));
        if (stamped.isPresent()) {
            return stamped;
        }
        Row row = bronze.agg(org.apache.spark.sql.functions.max(BronzeIngest.BATCH_ID)).first();
        return row.isNullAt(0) ? OptionalLong.empty() : OptionalLong.of(row.getLong(0));
    }

    /** Rebuilds Silver and quarantine of the entity from all of Bronze, as generation {@code generation}. */
    public Result rebuild(SourceSpec source, String silverSql, Map<String, String> parameters, long generation, long runId, Instant now)
    {
        Dataset<Row> bronze = bronze(source.entity());
        OptionalLong maxBatch = maxBronzeBatch(source.entity());
        if (bronze == null || maxBatch.isEmpty()) {
            return Result.empty();
        }
        return process(source, silverSql, parameters, bronze, generation, maxBatch.getAsLong(), runId, true, now);
    }

    /**
     * Splits the pending batches into the units to merge, in order: the batches the entity's counters already
     * record (a run that crashed after counting them and before its Silver MERGE), then the rest.
     */
    public static List<List<Long>> units(List<Long> pending, long countedThrough)
    {
        List<Long> counted = pending.stream().filter(batch -> batch <= countedThrough).toList();
        List<Long> fresh = pending.stream().filter(batch -> !counted.contains(batch)).toList();
        return java.util.stream.Stream.of(counted, fresh).filter(unit -> !unit.isEmpty()).toList();
    }

    /** Merges Bronze batches {@code batchIds} (one unit, ascending) into Silver (generation {@code generation}). */
    public Result merge(SourceSpec source, String silverSql, Map<String, String> parameters, List<Long> batchIds, long generation, long runId, Instant now)
    {
        if (batchIds.isEmpty()) {
            throw new IllegalArgumentException("a unit needs at least one batch");
        }
        Dataset<Row> rows = bronze(source.entity()).where(col(BronzeIngest.BATCH_ID).isin(batchIds.toArray()));
        return process(source, silverSql, parameters, rows, generation, batchIds.get(batchIds.size() - 1), runId, false, now);
    }

    /** What one unit did: its counters, and rows and quarantined rows per Bronze batch (for the quarantine threshold). */
    public record Result(SilverCounters counters, List<BatchTally> batches)
    {
        public Result
        {
            requireNonNull(counters, "counters is null");
            batches = List.copyOf(batches);
        }

        static Result empty()
        {
            return new Result(SilverCounters.empty(), List.of());
        }
    }

    /** Rows of one Bronze batch in a unit and how many of them were quarantined. */
    public record BatchTally(long batch, long rows, long quarantined)
    {
        BatchTally plus(BatchTally other)
        {
            return new BatchTally(batch, rows + other.rows, quarantined + other.quarantined);
        }
    }

    private Result process(SourceSpec source, String silverSql, Map<String, String> parameters, Dataset<Row> bronzeRows,
            long generation, long unitVersion, long runId, boolean full, Instant now)
    {
        String entity = source.entity();
        List<String> bronzeColumns = Arrays.asList(bronzeRows.columns());
        Column[] all = bronzeColumns.stream().map(name -> col("`" + name + "`")).toArray(Column[]::new);
        bronzeRows.withColumn(BRONZE, struct(all)).createOrReplaceTempView("bronze_batch");
        Dataset<Row> typed;
        try {
            typed = spark.sql(PipelineSpec.substitute(silverSql, parameters, source.silverSql()));
        }
        catch (RuntimeException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Silver SQL " + source.silverSql() + " of " + entity + " failed: " + e.getMessage() + " Fix the SQL file and run again.", e);
        }
        List<String> typedColumns = Arrays.asList(typed.columns());
        if (!typedColumns.contains(BRONZE)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Silver SQL " + source.silverSql() + " must select the column _bronze (the original row) from bronze_batch.");
        }
        // schema evolution: data columns Bronze has that neither the contract nor the SQL knows flow through as text
        for (String column : bronzeColumns) {
            if (!column.startsWith("_") && !source.columns().contains(column) && !typedColumns.contains(column)) {
                typed = typed.withColumn(column, expr("nullif(trim(_bronze.`" + column + "`), '')"));
            }
        }
        List<String> dataColumns = Arrays.stream(typed.columns()).filter(name -> !name.equals(BRONZE)).toList();

        StringBuilder rule = new StringBuilder("CASE WHEN _bronze." + BronzeIngest.ISSUE + " IS NOT NULL THEN _bronze." + BronzeIngest.ISSUE);
        for (RuleSpec spec : source.rules()) {
            rule.append(" WHEN (").append(PipelineSpec.substitute(spec.when(), parameters, "rule " + spec.name() + " of " + entity))
                    .append(") THEN '").append(spec.name()).append("'");
        }
        rule.append(" END");
        Dataset<Row> evaluated = typed.withColumn(RULE, expr(rule.toString()));
        for (String column : source.nullable()) {
            evaluated = evaluated.withColumn("_nulled_" + column,
                    expr("CASE WHEN " + RULE + " IS NULL AND nullif(trim(_bronze.`" + column + "`), '') IS NOT NULL AND `" + column + "` IS NULL THEN 1 ELSE 0 END"));
        }
        evaluated = evaluated.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return write(source, evaluated, dataColumns, generation, unitVersion, runId, full, now);
        }
        finally {
            evaluated.unpersist();
        }
    }

    private Result write(SourceSpec source, Dataset<Row> evaluated, List<String> dataColumns, long generation, long unitVersion, long runId, boolean full, Instant now)
    {
        String entity = source.entity();
        // quarantine and nulled counts, per batch, in one pass
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).alias("rows"));
        for (String column : source.nullable()) {
            aggregates.add(sum(col("_nulled_" + column)).alias("_nulled_" + column));
        }
        Map<String, Long> quarantined = new TreeMap<>();
        Map<String, Long> nulled = new TreeMap<>();
        Map<Long, BatchTally> perBatch = new TreeMap<>();
        long bronzeRows = 0;
        for (Row row : evaluated.groupBy(col(BRONZE + "." + BronzeIngest.BATCH_ID), col(RULE))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).collectAsList()) {
            long rows = row.getLong(2);
            bronzeRows += rows;
            perBatch.merge(row.getLong(0), new BatchTally(row.getLong(0), rows, row.isNullAt(1) ? 0 : rows), BatchTally::plus);
            if (!row.isNullAt(1)) {
                quarantined.merge(row.getString(1), rows, Long::sum);
            }
            for (int i = 0; i < source.nullable().size(); i++) {
                long value = row.isNullAt(3 + i) ? 0 : row.getLong(3 + i);
                if (value > 0) {
                    nulled.merge("nulled_" + source.nullable().get(i), value, Long::sum);
                }
            }
        }

        Column[] data = dataColumns.stream().map(name -> col("`" + name + "`")).toArray(Column[]::new);
        Dataset<Row> valid = evaluated.where(col(RULE).isNull())
                .select(concat(data,
                        col(BRONZE + "." + BronzeIngest.SOURCE_FILE).alias(BronzeIngest.SOURCE_FILE),
                        col(BRONZE + "." + BronzeIngest.DROP_DATE).alias(BronzeIngest.DROP_DATE),
                        col(BRONZE + "." + BronzeIngest.LINE_NUMBER).alias(BronzeIngest.LINE_NUMBER),
                        col(BRONZE + "." + BronzeIngest.BATCH_ID).alias(BronzeIngest.BATCH_ID),
                        sha2(to_json(struct(data)), 256).alias(ROW_HASH)));

        // an append-only source keeps every distinct row: the row's hash is its key, so only exact duplicates collapse
        List<String> keyColumns = source.appendOnly() ? List.of(ROW_HASH) : source.key();
        Column[] key = keyColumns.stream().map(name -> col("`" + name + "`")).toArray(Column[]::new);
        List<String> light = new ArrayList<>(keyColumns);
        for (String name : List.of(ROW_HASH, BronzeIngest.DROP_DATE, BronzeIngest.BATCH_ID, BronzeIngest.SOURCE_FILE, BronzeIngest.LINE_NUMBER)) {
            if (!light.contains(name)) {
                light.add(name);
            }
        }
        Column[] lightColumns = light.stream().map(name -> col("`" + name + "`")).toArray(Column[]::new);
        Dataset<Row> versions = valid.select(lightColumns).withColumn("_existing", lit(false));
        boolean merging = !full && silverExists(entity);
        if (merging) {
            Dataset<Row> batchKeys = valid.select(keyColumns.stream().map(name -> col("`" + name + "`").alias("_batch_key_" + name)).toArray(Column[]::new)).distinct();
            Column sameKey = lit(true);
            for (String name : keyColumns) {
                sameKey = sameKey.and(col("`" + name + "`").equalTo(col("_batch_key_" + name)));
            }
            Dataset<Row> existing = silver(entity).select(lightColumns).join(batchKeys, sameKey, "left_semi")
                    .withColumn("_existing", lit(true));
            versions = versions.unionByName(existing);
        }
        // a day's drop delivered again with changed rows is a later batch of the same file and lines: it wins
        WindowSpec order = Window.partitionBy(key).orderBy(col(BronzeIngest.DROP_DATE), col(BronzeIngest.BATCH_ID), col(BronzeIngest.SOURCE_FILE), col(BronzeIngest.LINE_NUMBER));
        // the latest version that is not a duplicate wins: every key has one (existing rows are never duplicates,
        // and the first new version of a key is not a duplicate of anything before it)
        Dataset<Row> marked = versions.withColumn("_previous_hash", lag(col(ROW_HASH), 1).over(order))
                .withColumn("_duplicate", col("_existing").equalTo(false).and(coalesce(col("_previous_hash").equalTo(col(ROW_HASH)), lit(false))))
                .withColumn("_last", row_number().over(Window.partitionBy(key).orderBy(col("_duplicate"), col(BronzeIngest.DROP_DATE).desc(),
                        col(BronzeIngest.BATCH_ID).desc(), col(BronzeIngest.SOURCE_FILE).desc(), col(BronzeIngest.LINE_NUMBER).desc())).equalTo(1))
                .withColumn("_key_existed", org.apache.spark.sql.functions.max(col("_existing").cast("int")).over(Window.partitionBy(key)).equalTo(1))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Column fresh = col("_existing").equalTo(false).and(col("_duplicate").equalTo(false));
            // duplicates, new versions, written and inserted in one job
            Row tally = marked.agg(
                    sum(when(col("_duplicate"), 1).otherwise(0)),
                    sum(when(fresh, 1).otherwise(0)),
                    sum(when(fresh.and(col("_last")), 1).otherwise(0)),
                    sum(when(fresh.and(col("_last")).and(col("_key_existed").equalTo(false)), 1).otherwise(0))).first();
            long duplicates = tally.isNullAt(0) ? 0 : tally.getLong(0);
            long newVersions = tally.isNullAt(1) ? 0 : tally.getLong(1);
            long written = tally.isNullAt(2) ? 0 : tally.getLong(2);
            long inserted = tally.isNullAt(3) ? 0 : tally.getLong(3);
            SilverCounters counters = new SilverCounters(bronzeRows, written, inserted, newVersions - inserted, duplicates, quarantined, nulled);

            state.appendCounters(entity, generation, unitVersion, runId, counters, java.time.Instant.now());
            if (full || !quarantined.isEmpty()) {
                writeQuarantine(source, evaluated, generation, unitVersion, full);
            }
            beforeMerge.reached(entity, unitVersion);
            Dataset<Row> winning = marked.where(col("_last").and(col("_existing").equalTo(false)))
                    .select(col(BronzeIngest.SOURCE_FILE).alias("_winning_file"), col(BronzeIngest.LINE_NUMBER).alias("_winning_line"),
                            col(BronzeIngest.BATCH_ID).alias("_winning_batch"));
            Dataset<Row> winners = valid.join(winning, col(BronzeIngest.SOURCE_FILE).equalTo(col("_winning_file"))
                    .and(col(BronzeIngest.LINE_NUMBER).equalTo(col("_winning_line"))).and(col(BronzeIngest.BATCH_ID).equalTo(col("_winning_batch"))), "left_semi");
            String path = layout.table(Layer.SILVER, entity).toString();
            if (!merging) {
                winners.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true")
                        .option("userMetadata", DeltaCommits.batchStamp(unitVersion)).save(path);
            }
            else if (written > 0) {
                Dataset<Row> aligned = alignToTarget(winners, silver(entity));
                String condition = keyColumns.stream().map(name -> "t.`" + name + "` = s.`" + name + "`").collect(Collectors.joining(" AND "));
                spark.conf().set("spark.databricks.delta.schema.autoMerge.enabled", "true");
                // the commit says which batch Silver now holds, so the next run need not scan Silver for it
                spark.conf().set(USER_METADATA, DeltaCommits.batchStamp(unitVersion));
                try {
                    DeltaTable.forPath(spark, path).as("t").merge(aligned.as("s"), condition)
                            .whenMatched().updateAll()
                            .whenNotMatched().insertAll()
                            .execute();
                }
                finally {
                    spark.conf().unset(USER_METADATA);
                }
            }
            return new Result(counters, List.copyOf(perBatch.values()));
        }
        finally {
            marked.unpersist();
        }
    }

    private void writeQuarantine(SourceSpec source, Dataset<Row> evaluated, long generation, long unitVersion, boolean full)
    {
        Dataset<Row> quarantine = evaluated.where(col(RULE).isNotNull()).select(col(BRONZE + ".*"), col(RULE));
        String path = layout.table(Layer.SILVER, source.quarantineTable()).toString();
        var writer = quarantine.write().format("delta")
                .option("txnAppId", "aurum-quarantine-" + source.entity() + "-" + generation)
                .option("txnVersion", unitVersion);
        if (full) {
            writer.mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(path);
        }
        else {
            writer.mode(SaveMode.Append).option("mergeSchema", "true").save(path);
        }
    }

    /** Adds NULL columns for the target's columns the source lacks, so UPDATE SET * / INSERT * line up. */
    private static Dataset<Row> alignToTarget(Dataset<Row> source, Dataset<Row> target)
    {
        Set<String> present = Set.of(source.columns());
        Dataset<Row> aligned = source;
        for (StructField field : target.schema().fields()) {
            if (!present.contains(field.name())) {
                aligned = aligned.withColumn(field.name(), lit(null).cast(field.dataType()));
            }
        }
        return aligned;
    }

    private Dataset<Row> bronze(String entity)
    {
        String path = layout.table(Layer.BRONZE, entity).toString();
        if (!DeltaTables.exists(layout.table(Layer.BRONZE, entity))) {
            return null;
        }
        return spark.read().format("delta").load(path);
    }

    private Dataset<Row> silver(String entity)
    {
        return spark.read().format("delta").load(layout.table(Layer.SILVER, entity).toString());
    }

    private static Column[] concat(Column[] first, Column... rest)
    {
        Column[] result = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, result, first.length, rest.length);
        return result;
    }
}
