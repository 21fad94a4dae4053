package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import scala.collection.JavaConverters;
import scala.collection.Seq;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Builds Gold tables from their SQL (over {@code silver.*} and earlier {@code gold.*} tables) and overwrites them, or,
 * on a refresh, MERGEs the recomputed rows of the changed scopes into the tables that declare a refresh (the large,
 * row-per-order and row-per-customer tables; rewriting changed periods instead was measured slower, as one day's
 * customer moves re-label orders in most months: docs/benchmarks.md). Tables whose SQL does not read each other are
 * built concurrently (the Spark driver's
 * planning and Delta's commit work are single-threaded per query, so two queries in flight keep both cores busy).
 */
public final class GoldBuild
{
    private static final String KEEP = "_aurum_keep";
    private static final Pattern GOLD_REFERENCE = Pattern.compile("\\bgold\\.`?([A-Za-z_][A-Za-z0-9_]*)`?");

    private final SparkSession spark;
    private final LakehouseLayout layout;
    private final CatalogTables catalog;
    private final Consumer<String> afterTable;

    GoldBuild(SparkSession spark, LakehouseLayout layout, CatalogTables catalog)
    {
        this(spark, layout, catalog, table -> {});
    }

    /** {@code afterTable} runs after each table's commit, with its name (crash-safety tests stop a run there). */
    GoldBuild(SparkSession spark, LakehouseLayout layout, CatalogTables catalog, Consumer<String> afterTable)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.afterTable = requireNonNull(afterTable, "afterTable is null");
    }

    /** One built table: its row count, the rows a refresh merged (-1 when it was rebuilt), and how long it took. */
    public record Built(GoldStep step, long rows, long mergedRows, long durationMillis)
    {
        public Built
        {
            requireNonNull(step, "step is null");
        }

        String describe()
        {
            return "gold." + step.table() + ": " + rows + " rows" + (mergedRows >= 0 ? " (refreshed: " + mergedRows + " rows merged)" : "");
        }
    }

    /** Builds the table and returns its row count. */
    public long build(GoldStep step, Map<String, String> parameters)
    {
        Map<String, String> stepParameters = parameters;
        if (step.refresh().isPresent()) {
            stepParameters = new HashMap<>(parameters);
            stepParameters.put(GoldRefresh.IN_SCOPE, "TRUE");
        }
        Dataset<Row> result = query(step, stepParameters);
        String path = layout.table(Layer.GOLD, step.table()).toString();
        result.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(path);
        synchronized (catalog) {
            catalog.point(Layer.GOLD, step.table());
        }
        // the commit's own row count spares a second Spark job per table
        return DeltaCommits.latestOutputRows(layout.table(Layer.GOLD, step.table())).orElseGet(() -> spark.read().format("delta").load(path).count());
    }

    /**
     * Refreshes the table in place: recomputes the rows of the scopes in the step's {@code changed_<table>} view
     * (registered by {@link GoldChanges}) and MERGEs them on the key, in one commit; rows of those scopes the SQL no
     * longer gives are deleted. Returns the rows merged (inserted, updated or deleted).
     */
    public long refresh(GoldStep step, Map<String, String> parameters)
    {
        GoldRefresh refresh = step.refresh().orElseThrow();
        String view = GoldRefresh.changedView(step.table());
        String scope = GoldChanges.columns(refresh.scope());
        Map<String, String> stepParameters = new HashMap<>(parameters);
        stepParameters.put(GoldRefresh.IN_SCOPE, "(" + scope + ") IN (SELECT " + scope + " FROM " + view + ")");
        Dataset<Row> changed = spark.table(view);
        // the scope holds the fresh rows even where the SQL does not use ${in_scope}; computed once, as MERGE wants a
        // deterministic source and the key check reads it too
        Dataset<Row> fresh = query(step, stepParameters).join(changed, toSeq(refresh.scope()), "left_semi").localCheckpoint(true);
        // MERGE refuses two source rows for one target row, but would insert both for a key it does not hold yet
        List<Row> repeated = fresh.groupBy(columns(refresh.key())).count().where(col("count").gt(1)).limit(1).collectAsList();
        if (!repeated.isEmpty()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Gold SQL " + step.sqlFile() + " gives more than one row for a value of gold." + step.table()
                    + "'s refresh key " + refresh.key() + " (" + repeated.get(0) + "). Declare the columns that identify a row as its key in the pipeline YAML.");
        }
        String path = layout.table(Layer.GOLD, step.table()).toString();
        Dataset<Row> target = spark.read().format("delta").load(path);
        Dataset<Row> gone = target.join(changed, toSeq(refresh.scope()), "left_semi").select(columns(refresh.key()))
                .join(fresh.select(columns(refresh.key())), toSeq(refresh.key()), "left_anti");
        Dataset<Row> source = fresh.withColumn(KEEP, lit(true)).unionByName(gone.withColumn(KEEP, lit(false)), true);
        String condition = refresh.key().stream().map(name -> "t.`" + name + "` <=> s.`" + name + "`").collect(Collectors.joining(" AND "));
        Map<String, String> assignments = new LinkedHashMap<>();
        for (String column : target.columns()) {
            assignments.put("`" + column + "`", "s.`" + column + "`");
        }
        DeltaTable.forPath(spark, path).as("t").merge(source.as("s"), condition)
                .whenMatched("NOT s." + KEEP).delete()
                .whenMatched().updateExpr(assignments)
                .whenNotMatched("s." + KEEP).insertExpr(assignments)
                .execute();
        Path table = layout.table(Layer.GOLD, step.table());
        long merged = 0;
        for (String metric : List.of("numTargetRowsInserted", "numTargetRowsUpdated", "numTargetRowsDeleted")) {
            merged += DeltaCommits.latestMetric(table, metric).orElse(0);
        }
        return merged;
    }

    private Dataset<Row> query(GoldStep step, Map<String, String> parameters)
    {
        try {
            return spark.sql(PipelineSpec.substitute(step.sql(), parameters, step.sqlFile()));
        }
        catch (RuntimeException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Gold SQL " + step.sqlFile() + " failed: " + e.getMessage() + " Fix the SQL file and run again.", e);
        }
    }

    private static Column[] columns(List<String> names)
    {
        return names.stream().map(name -> col("`" + name + "`")).toArray(Column[]::new);
    }

    private static Seq<String> toSeq(List<String> names)
    {
        return JavaConverters.asScalaBuffer(names).toSeq();
    }

    /**
     * Builds every step, each once the Gold tables its SQL reads are built, up to {@code threads} at a time, plus
     * the {@code extra} tasks (which read only Silver) alongside. With {@code refresh}, steps that declare a refresh
     * are refreshed in place (their changed scopes registered first) and the others rebuilt. Returns the built
     * tables in the steps' order.
     */
    public List<Built> buildAll(List<GoldStep> steps, Map<String, String> parameters, boolean refresh, int threads, List<Runnable> extra, ProgressListener progress)
    {
        Map<String, GoldStep> byTable = new LinkedHashMap<>();
        steps.forEach(step -> byTable.put(step.table().toLowerCase(Locale.ROOT), step));
        Map<String, Set<String>> waitingFor = new HashMap<>();
        for (GoldStep step : steps) {
            Set<String> inputs = new HashSet<>();
            Matcher matcher = GOLD_REFERENCE.matcher(step.sql());
            while (matcher.find()) {
                String table = matcher.group(1).toLowerCase(Locale.ROOT);
                if (byTable.containsKey(table) && !table.equals(step.table().toLowerCase(Locale.ROOT))) {
                    inputs.add(table);
                }
            }
            waitingFor.put(step.table().toLowerCase(Locale.ROOT), inputs);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "aurum-gold");
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<Built> done = new ExecutorCompletionService<>(pool);
        Map<String, Built> built = new HashMap<>();
        Set<String> started = new HashSet<>();
        List<Future<?>> extraTasks = new ArrayList<>();
        try {
            extra.forEach(task -> extraTasks.add(pool.submit(task)));
            int running = submitReady(byTable, waitingFor, built.keySet(), started, parameters, refresh, done);
            while (running > 0) {
                Built result = done.take().get();
                running--;
                built.put(result.step().table().toLowerCase(Locale.ROOT), result);
                progress.step(result.describe());
                running += submitReady(byTable, waitingFor, built.keySet(), started, parameters, refresh, done);
            }
            if (built.size() < steps.size()) {
                throw new AurumException(ErrorCode.BAD_INPUT, "Gold SQL files read each other in a cycle: " + waitingFor + ". Fix pipelines/ecommerce.yaml.");
            }
            for (Future<?> task : extraTasks) {
                task.get();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AurumException(ErrorCode.RUN_FAILED, "The Gold build was interrupted. Run `aurum pipeline run` again.", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            // a failed commit (a full disk, a read-only folder) left the table at its last version
            throw new AurumException(ErrorCode.RUN_FAILED, "The Gold build failed: " + e.getCause().getMessage()
                    + ". Fix the cause and run `aurum pipeline run` again; finished steps are not redone.", e.getCause());
        }
        finally {
            pool.shutdownNow();
        }
        return steps.stream().map(step -> built.get(step.table().toLowerCase(Locale.ROOT))).toList();
    }

    private int submitReady(Map<String, GoldStep> byTable, Map<String, Set<String>> waitingFor, Set<String> built, Set<String> started,
            Map<String, String> parameters, boolean refresh, CompletionService<Built> done)
    {
        int submitted = 0;
        for (Map.Entry<String, GoldStep> entry : byTable.entrySet()) {
            if (!started.contains(entry.getKey()) && built.containsAll(waitingFor.get(entry.getKey()))) {
                started.add(entry.getKey());
                GoldStep step = entry.getValue();
                done.submit(() -> {
                    long start = System.nanoTime();
                    if (refresh && step.refresh().isPresent()) {
                        long merged = refresh(step, parameters);
                        afterTable.accept(step.table());
                        long rows = spark.read().format("delta").load(layout.table(Layer.GOLD, step.table()).toString()).count();
                        return new Built(step, rows, merged, (System.nanoTime() - start) / 1_000_000);
                    }
                    long rows = build(step, parameters);
                    afterTable.accept(step.table());
                    return new Built(step, rows, -1, (System.nanoTime() - start) / 1_000_000);
                });
                submitted++;
            }
        }
        return submitted;
    }
}
