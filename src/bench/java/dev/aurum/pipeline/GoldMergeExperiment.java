package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.lakehouse.SparkSettings;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;

/**
 * A measurement, not a test: on a lakehouse whose last run was a Gold refresh (so {@code _aurum/gold_changes} holds
 * its changed scopes), times, on scratch copies of each refreshable Gold table, a full rebuild (overwrite) against
 * the refresh's MERGE with and without the deleted-rows pass, and with Delta's source materialization off. Run with
 * {@code mvn -B -q -o -Pbench -DskipTests test-compile}, then
 * {@code java <add-opens> -Xmx4g -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) dev.aurum.pipeline.GoldMergeExperiment LAKEHOUSE SCRATCH [ROUNDS]}.
 */
public final class GoldMergeExperiment
{
    private GoldMergeExperiment() {}

    public static void main(String[] args) throws Exception
    {
        LakehouseLayout layout = new LakehouseLayout(Path.of(args[0]));
        Path scratch = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SparkSession spark = SparkSessions.create(SparkSettings.defaults());
        spark.conf().set("spark.sql.legacy.timeParserPolicy", "CORRECTED");
        new CatalogTables(spark, layout).pointAll();
        PipelineSpec spec = new PipelineSpecLoader(ProjectFiles.fromEnvironment()).load();
        Map<String, String> parameters = spec.resolveParameters(Map.of());
        Dataset<Row> journal = spark.read().format("delta").load(layout.state().resolve(RunState.GOLD_CHANGES).toString());
        List<GoldStep> steps = spec.gold().stream().filter(step -> step.refresh().isPresent()).toList();
        for (GoldStep step : steps) {
            Dataset<Row> gold = spark.read().format("delta").load(layout.table(Layer.GOLD, step.table()).toString());
            var schema = gold.select(step.refresh().get().scope().stream().map(name -> col("`" + name + "`")).toArray(org.apache.spark.sql.Column[]::new)).schema();
            journal.where(col("table").equalTo(step.table())).select(from_json(col("scope"), schema).alias("s")).select(col("s.*")).localCheckpoint(true)
                    .createOrReplaceTempView(GoldRefresh.changedView(step.table()));
        }
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (GoldStep step : steps) {
                for (String variant : List.of("overwrite", "merge", "merge-no-deletes", "merge-no-deletes-no-materialize")) {
                    Path copy = scratch.resolve(step.table() + "-" + variant);
                    CrashHarness.copyTree(layout.table(Layer.GOLD, step.table()), copy);
                    long start = System.nanoTime();
                    run(spark, step, parameters, copy.toString(), variant);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    times.computeIfAbsent(step.table() + " " + variant, key -> new ArrayList<>()).add(millis);
                    System.out.printf("round %d %s %s: %d ms%n", round, step.table(), variant, millis);
                    deleteTree(copy);
                }
            }
        }
        times.forEach((name, list) -> System.out.printf("%-60s median %6d ms of %s%n", name, list.stream().sorted().toList().get(list.size() / 2), list));
        spark.stop();
    }

    private static void run(SparkSession spark, GoldStep step, Map<String, String> parameters, String path, String variant)
    {
        GoldRefresh refresh = step.refresh().get();
        Map<String, String> stepParameters = new HashMap<>(parameters);
        if (variant.equals("overwrite")) {
            stepParameters.put(GoldRefresh.IN_SCOPE, "TRUE");
            spark.sql(PipelineSpec.substitute(step.sql(), stepParameters, step.sqlFile())).write().format("delta").mode(SaveMode.Overwrite).save(path);
            return;
        }
        String view = GoldRefresh.changedView(step.table());
        String scope = GoldChanges.columns(refresh.scope());
        stepParameters.put(GoldRefresh.IN_SCOPE, "(" + scope + ") IN (SELECT " + scope + " FROM " + view + ")");
        var scopeSeq = JavaConverters.asScalaBuffer(refresh.scope()).toSeq();
        var keySeq = JavaConverters.asScalaBuffer(refresh.key()).toSeq();
        Dataset<Row> fresh = spark.sql(PipelineSpec.substitute(step.sql(), stepParameters, step.sqlFile())).join(spark.table(view), scopeSeq, "left_semi").localCheckpoint(true);
        Dataset<Row> target = spark.read().format("delta").load(path);
        Dataset<Row> source = fresh.withColumn("_keep", lit(true));
        if (variant.equals("merge")) {
            Dataset<Row> gone = target.join(spark.table(view), scopeSeq, "left_semi").select(refresh.key().stream().map(name -> col("`" + name + "`")).toArray(org.apache.spark.sql.Column[]::new))
                    .join(fresh, keySeq, "left_anti");
            source = source.unionByName(gone.withColumn("_keep", lit(false)), true);
        }
        spark.conf().set("spark.databricks.delta.merge.materializeSource", variant.endsWith("no-materialize") ? "none" : "auto");
        Map<String, String> assignments = new LinkedHashMap<>();
        for (String column : target.columns()) {
            assignments.put("`" + column + "`", "s.`" + column + "`");
        }
        String condition = refresh.key().stream().map(name -> "t.`" + name + "` <=> s.`" + name + "`").collect(Collectors.joining(" AND "));
        DeltaTable.forPath(spark, path).as("t").merge(source.as("s"), condition)
                .whenMatched("NOT s._keep").delete()
                .whenMatched().updateExpr(assignments)
                .whenNotMatched("s._keep").insertExpr(assignments)
                .execute();
        spark.conf().unset("spark.databricks.delta.merge.materializeSource");
    }

    private static void deleteTree(Path folder) throws java.io.IOException
    {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
