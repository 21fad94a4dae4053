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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A measurement, not a test: the least Delta work any one-day refresh of this medallion layout must do, timed in a
 * cold and then a warm JVM. On a copy of LAKEHOUSE (a built lakehouse), each round does one operation per table the
 * refresh writes, each on a single row: an append to every Bronze table, a MERGE of one row into every Silver table,
 * a MERGE of one row into every Gold table (incremental Gold maintenance at its cheapest), and an append to the runs
 * table. No rules, no counters, no quarantine, no checks: the floor under the real refresh. {@code -Dexperiment.spark.X=Y}
 * sets the SQL conf {@code spark.X} for the run. Run with the test classpath:
 * {@code mvn -B -q -Pbench -DskipTests package}, then {@code java <add-opens> -cp target/test-classes:target/classes:target/lib/* dev.aurum.pipeline.DeltaFloorExperiment LAKEHOUSE [ROUNDS]}.
 * LAKEHOUSE itself is not changed.
 */
public final class DeltaFloorExperiment
{
    private DeltaFloorExperiment() {}

    public static void main(String[] args)
            throws IOException
    {
        Path source = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long sessionStart = System.nanoTime();
        SparkSession spark = SparkSessions.create(SparkSettings.defaults());
        System.out.printf("Spark session: %.1f s%n", (System.nanoTime() - sessionStart) / 1e9);
        // -Dexperiment.spark.X=Y sets the SQL conf spark.X for this run, to try a setting against the same floor
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("experiment.spark.")).sorted().forEach(name -> {
            spark.conf().set(name.substring("experiment.".length()), System.getProperty(name));
            System.out.println("set " + name.substring("experiment.".length()) + "=" + System.getProperty(name));
        });
        PipelineSpec spec = new PipelineSpecLoader(ProjectFiles.fromEnvironment()).load();
        Path copy = Files.createTempDirectory("aurum-delta-floor");
        WarmRefreshExperiment.copyTree(source, copy);
        LakehouseLayout layout = new LakehouseLayout(copy);
        try {
            for (int round = 1; round <= rounds; round++) {
                List<String> lines = new ArrayList<>();
                long start = System.nanoTime();
                double bronze = 0;
                double silver = 0;
                double gold = 0;
                for (SourceSpec entity : spec.sources()) {
                    bronze += timed(lines, "append bronze." + entity.entity(), () -> appendOne(spark, layout.table(Layer.BRONZE, entity.entity())));
                }
                for (SourceSpec entity : spec.sources()) {
                    silver += timed(lines, "merge silver." + entity.entity(), () -> mergeOne(spark, layout.table(Layer.SILVER, entity.entity()), entity.key()));
                }
                for (GoldStep step : spec.gold()) {
                    gold += timed(lines, "merge gold." + step.table(), () -> mergeOne(spark, layout.table(Layer.GOLD, step.table()), goldKey(spark, layout.table(Layer.GOLD, step.table()))));
                }
                double state = timed(lines, "append runs", () -> appendOne(spark, layout.state().resolve(RunState.RUNS)));
                System.out.printf("round %d: %.1f s (Bronze %.1f, Silver %.1f, Gold %.1f, state %.1f)%n", round, (System.nanoTime() - start) / 1e9, bronze, silver, gold, state);
                lines.forEach(System.out::println);
            }
        }
        finally {
            spark.stop();
            WarmRefreshExperiment.deleteTree(copy);
        }
    }

    private static double timed(List<String> lines, String name, Runnable operation)
    {
        long start = System.nanoTime();
        operation.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        lines.add(String.format("  %-36s %5.2f s", name, seconds));
        return seconds;
    }

    private static void appendOne(SparkSession spark, Path table)
    {
        Dataset<Row> target = spark.read().format("delta").load(table.toString());
        Dataset<Row> one = spark.createDataFrame(target.limit(1).collectAsList(), target.schema());
        one.write().format("delta").mode(SaveMode.Append).save(table.toString());
    }

    /** Re-writes one existing row through MERGE on the key: the cheapest upsert Delta can do on this table. */
    private static void mergeOne(SparkSession spark, Path table, List<String> key)
    {
        Dataset<Row> target = spark.read().format("delta").load(table.toString());
        // the row travels through the driver, as a small batch does: the source is not a scan of the target
        Dataset<Row> one = spark.createDataFrame(target.limit(1).collectAsList(), target.schema());
        String condition = key.stream().map(column -> "t.`" + column + "` <=> s.`" + column + "`").collect(Collectors.joining(" AND "));
        DeltaTable.forPath(spark, table.toString()).as("t").merge(one.as("s"), condition)
                .whenMatched().updateAll()
                .whenNotMatched().insertAll()
                .execute();
    }

    /** Gold tables have no declared key: their grouping columns (every non-measure column) serve as one. */
    private static List<String> goldKey(SparkSession spark, Path table)
    {
        List<String> columns = List.of(spark.read().format("delta").load(table.toString()).columns());
        for (String id : List.of("order_id", "customer_id")) {
            if (columns.contains(id)) {
                List<String> key = new ArrayList<>(List.of(id));
                if (columns.contains("order_item_id")) {
                    key.add("order_item_id");
                }
                if (id.equals("customer_id") && columns.contains("quarter")) {
                    key.addAll(List.of("year", "quarter"));
                }
                return key;
            }
        }
        return columns.stream().filter(column -> List.of("date", "year", "month", "quarter", "product_category", "customer_state", "payment_type").contains(column)).toList();
    }
}
