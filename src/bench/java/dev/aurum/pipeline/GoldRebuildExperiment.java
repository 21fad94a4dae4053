package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.lakehouse.SparkSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A measurement, not a test: on a built lakehouse whose last Silver batch is {@code BATCH}, times rebuilding
 * gold.order_facts and gold.daily_sales in full (what the pipeline does) against rebuilding only what the batch
 * touched (Delta replaceWhere on the customers / purchase dates of the orders the batch changed, the affected
 * set computed from the batch first). Run with the test classpath:
 * {@code mvn -B -q -Pbench -DskipTests package}, then {@code java <add-opens> -cp target/test-classes:target/classes:target/lib/* dev.aurum.pipeline.GoldRebuildExperiment LAKEHOUSE BATCH [ROUNDS]}.
 * It overwrites the two Gold tables with the same content.
 */
public final class GoldRebuildExperiment
{
    private GoldRebuildExperiment() {}

    public static void main(String[] args)
    {
        LakehouseLayout layout = new LakehouseLayout(Path.of(args[0]));
        long batch = Long.parseLong(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SparkSession spark = SparkSessions.create(SparkSettings.defaults());
        spark.conf().set("spark.sql.legacy.timeParserPolicy", "CORRECTED");
        new CatalogTables(spark, layout).pointAll();
        PipelineSpec spec = new PipelineSpecLoader(ProjectFiles.fromEnvironment()).load();
        Map<String, String> parameters = new java.util.HashMap<>(spec.resolveParameters(Map.of()));
        parameters.put(GoldRefresh.IN_SCOPE, "TRUE");
        GoldStep facts = spec.gold().stream().filter(step -> step.table().equals("order_facts")).findFirst().orElseThrow();
        GoldStep daily = spec.gold().stream().filter(step -> step.table().equals("daily_sales")).findFirst().orElseThrow();
        String factsSql = PipelineSpec.substitute(facts.sql(), parameters, facts.sqlFile());
        String dailySql = PipelineSpec.substitute(daily.sql(), parameters, daily.sqlFile());
        String factsPath = layout.table(Layer.GOLD, "order_facts").toString();
        String dailyPath = layout.table(Layer.GOLD, "daily_sales").toString();

        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            spark.sql(factsSql).write().format("delta").mode(SaveMode.Overwrite).save(factsPath);
            long factsFull = millisSince(start);
            start = System.nanoTime();
            spark.sql(dailySql).write().format("delta").mode(SaveMode.Overwrite).save(dailyPath);
            long dailyFull = millisSince(start);

            // affected: orders the batch changed (orders, items, payments) and every order of a customer the batch
            // changed or who placed one of those orders (type 1 relabel, days_since_first_order)
            start = System.nanoTime();
            List<String> customers = spark.sql(String.format("""
                    SELECT DISTINCT customer_id FROM (
                      SELECT customer_id FROM silver.customers WHERE _batch_id = %1$d
                      UNION ALL SELECT customer_id FROM silver.orders WHERE _batch_id = %1$d
                      UNION ALL SELECT o.customer_id FROM silver.orders o JOIN (
                          SELECT order_id FROM silver.order_items WHERE _batch_id = %1$d
                          UNION ALL SELECT order_id FROM silver.payments WHERE _batch_id = %1$d) t ON o.order_id = t.order_id)
                    WHERE customer_id IS NOT NULL""", batch)).collectAsList().stream().map(row -> row.getString(0)).toList();
            String inCustomers = customers.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(","));
            long affectedMillis = millisSince(start);
            start = System.nanoTime();
            Dataset<Row> changedFacts = spark.sql(factsSql).where("customer_id IN (" + inCustomers + ")");
            changedFacts.write().format("delta").mode(SaveMode.Overwrite).option("replaceWhere", "customer_id IN (" + inCustomers + ")").save(factsPath);
            long factsPeriod = millisSince(start);
            start = System.nanoTime();
            List<String> dates = spark.sql("SELECT DISTINCT CAST(purchase_date AS STRING) FROM gold.order_facts WHERE customer_id IN (" + inCustomers + ")")
                    .collectAsList().stream().map(row -> "DATE'" + row.getString(0) + "'").toList();
            String inDates = String.join(",", dates);
            spark.sql(dailySql).where("date IN (" + inDates + ")").write().format("delta").mode(SaveMode.Overwrite)
                    .option("replaceWhere", "date IN (" + inDates + ")").save(dailyPath);
            long dailyPeriod = millisSince(start);
            System.out.printf("round %d: order_facts full %d ms, affected (%d customers) %d ms + replaceWhere %d ms; daily_sales full %d ms, replaceWhere on %d dates %d ms%n",
                    round, factsFull, customers.size(), affectedMillis, factsPeriod, dailyFull, dates.size(), dailyPeriod);
        }
        spark.stop();
    }

    private static long millisSince(long start)
    {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
