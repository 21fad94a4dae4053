package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Builds Gold tables from their SQL (over {@code silver.*} and earlier {@code gold.*} tables) and overwrites them.
 * Gold is rebuilt in full when its inputs changed: measured cheaper than tracking affected periods at SF1 (see the
 * README), because customers are type 1 (a move re-labels all their orders) and days_since_first_order spans a
 * customer's whole history. Tables whose SQL does not read each other are built concurrently (the Spark driver's
 * planning and Delta's commit work are single-threaded per query, so two queries in flight keep both cores busy).
 */
public final class GoldBuild
{
    private static final Pattern GOLD_REFERENCE = Pattern.compile("\\bgold\\.`?([A-Za-z_][A-Za-z0-9_]*)`?");

    private final SparkSession spark;
    private final LakehouseLayout layout;
    private final CatalogTables catalog;

    GoldBuild(SparkSession spark, LakehouseLayout layout, CatalogTables catalog)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** One built table: its row count and how long it took. */
    public record Built(GoldStep step, long rows, long durationMillis)
    {
        public Built
        {
            requireNonNull(step, "step is null");
        }
    }

    /** Builds the table and returns its row count. */
    public long build(GoldStep step, Map<String, String> parameters)
    {
        Dataset<Row> result;
        try {
            result = spark.sql(PipelineSpec.substitute(step.sql(), parameters, step.sqlFile()));
        }
        catch (RuntimeException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Gold SQL " + step.sqlFile() + " failed: " + e.getMessage() + " Fix the SQL file and run again.", e);
        }
        String path = layout.table(Layer.GOLD, step.table()).toString();
        result.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(path);
        synchronized (catalog) {
            catalog.point(Layer.GOLD, step.table());
        }
        // the commit's own row count spares a second Spark job per table
        return DeltaCommits.latestOutputRows(layout.table(Layer.GOLD, step.table())).orElseGet(() -> spark.read().format("delta").load(path).count());
    }

    /**
     * Builds every step, each once the Gold tables its SQL reads are built, up to {@code threads} at a time, plus
     * the {@code extra} tasks (which read only Silver) alongside. Returns the built tables in the steps' order.
     */
    public List<Built> buildAll(List<GoldStep> steps, Map<String, String> parameters, int threads, List<Runnable> extra, ProgressListener progress)
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
            int running = submitReady(byTable, waitingFor, built.keySet(), started, parameters, done);
            while (running > 0) {
                Built result = done.take().get();
                running--;
                built.put(result.step().table().toLowerCase(Locale.ROOT), result);
                progress.step("gold." + result.step().table() + ": " + result.rows() + " rows");
                running += submitReady(byTable, waitingFor, built.keySet(), started, parameters, done);
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
            Map<String, String> parameters, CompletionService<Built> done)
    {
        int submitted = 0;
        for (Map.Entry<String, GoldStep> entry : byTable.entrySet()) {
            if (!started.contains(entry.getKey()) && built.containsAll(waitingFor.get(entry.getKey()))) {
                started.add(entry.getKey());
                GoldStep step = entry.getValue();
                done.submit(() -> {
                    long start = System.nanoTime();
                    long rows = build(step, parameters);
                    return new Built(step, rows, (System.nanoTime() - start) / 1_000_000);
                });
                submitted++;
            }
        }
        return submitted;
    }
}
