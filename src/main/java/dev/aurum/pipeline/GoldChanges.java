package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/**
 * The scopes a Gold refresh recomputes, worked out before its first MERGE and journaled in {@code _aurum/gold_changes}
 * in one commit. A refresh killed after some MERGEs leaves the journal behind; the next refresh adds those scopes to
 * its own, because the Gold it reads then is already partly refreshed (an order moved to another customer no longer
 * names its old customer there). The journal counts as pending while its run is newer than the last completed build.
 */
final class GoldChanges
{
    private final SparkSession spark;
    private final RunState state;

    GoldChanges(SparkSession spark, RunState state)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.state = requireNonNull(state, "state is null");
    }

    /**
     * Computes every refresh step's changed scopes, in the steps' order (a step's changed SQL may read the
     * {@code changed_<table>} views of the steps before it), registers them as those views, journals them, and
     * returns how many scopes each step has.
     */
    Map<String, Long> prepare(List<GoldStep> steps, long lastGoldBatch, long lastGoldRun, long runId)
    {
        Dataset<Row> pending = state.exists(RunState.GOLD_CHANGES) ? state.read(RunState.GOLD_CHANGES).where(col("run_id").gt(lastGoldRun)) : null;
        Map<String, Long> counts = new LinkedHashMap<>();
        // steps that share a changed SQL (the tables of one grain) share its result
        Map<String, Dataset<Row>> computed = new HashMap<>();
        Dataset<Row> journal = null;
        for (GoldStep step : steps) {
            if (step.refresh().isEmpty()) {
                continue;
            }
            GoldRefresh refresh = step.refresh().get();
            Column[] scope = refresh.scope().stream().map(name -> col("`" + name + "`")).toArray(Column[]::new);
            String sql = PipelineSpec.substitute(refresh.changedSql(), Map.of(GoldRefresh.LAST_GOLD_BATCH, Long.toString(lastGoldBatch)), refresh.changedFile());
            Dataset<Row> changed;
            try {
                changed = computed.containsKey(sql + refresh.scope()) ? computed.get(sql + refresh.scope()) : spark.sql(sql).select(scope);
            }
            catch (RuntimeException e) {
                throw new AurumException(ErrorCode.RUN_FAILED, "Gold refresh SQL " + refresh.changedFile() + " failed: " + e.getMessage()
                        + " It must select the scope columns " + refresh.scope() + ". Fix the SQL file and run again.", e);
            }
            if (pending != null) {
                Dataset<Row> interrupted = pending.where(col("table").equalTo(step.table()))
                        .select(from_json(col("scope"), changed.schema()).alias("s")).select(col("s.*"));
                changed = changed.unionByName(interrupted);
            }
            changed = changed.distinct().localCheckpoint(true);
            if (pending == null) {
                computed.put(sql + refresh.scope(), changed);
            }
            changed.createOrReplaceTempView(GoldRefresh.changedView(step.table()));
            counts.put(step.table(), changed.count());
            Dataset<Row> rows = changed.select(lit(runId).alias("run_id"), lit(step.table()).alias("table"), to_json(struct(scope)).alias("scope"));
            journal = journal == null ? rows : journal.unionByName(rows);
        }
        if (journal != null) {
            journal.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(state.path(RunState.GOLD_CHANGES).toString());
        }
        return counts;
    }

    static String columns(List<String> names)
    {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }
}
