package dev.aurum.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.lakehouse.SparkSettings;
import dev.aurum.lakehouse.TableRegistry;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm answer latency of Spark itself: the chat's queries (a JSON array of SQL strings, e.g. taken from an audit log)
 * run on cached Gold tables under several session settings, alternating the settings query by query so load hits
 * them alike. Each query runs once per setting per round; the first round (compiling each shape) is reported apart.
 * An experiment, not a test.
 * Args: LAKEHOUSE SQL_JSON ROUNDS SETTING... where a SETTING is {@code name:key=value;key=value} ({@code name:} alone
 * is the session's defaults).
 */
public final class WarmQueryExperiment
{
    private WarmQueryExperiment() {}

    public static void main(String[] args) throws Exception
    {
        SparkSession spark = SparkSessions.create(SparkSettings.defaults());
        new TableRegistry(spark, new LakehouseLayout(Path.of(args[0]))).registerAll();
        List<String> sqls = List.of(new ObjectMapper().readValue(Files.readString(Path.of(args[1])), String[].class));
        int rounds = Integer.parseInt(args[2]);
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] parts = args[i].split(":", 2);
            Map<String, String> conf = new LinkedHashMap<>();
            for (String kv : parts[1].split(";")) {
                if (!kv.isBlank()) {
                    String[] p = kv.split("=", 2);
                    conf.put(p[0], p[1]);
                }
            }
            settings.put(parts[0], conf);
        }
        for (String table : List.of("gold.order_facts", "gold.order_items", "gold.customers", "gold.daily_sales", "gold.customer_spend_quarterly",
                "gold.category_sales_monthly", "gold.state_sales_monthly", "gold.payment_mix_monthly")) {
            for (String conf : System.getProperty("exp.cacheconf", "").split(";")) {
                if (!conf.isBlank()) {
                    spark.conf().set(conf.split("=", 2)[0], conf.split("=", 2)[1]);
                }
            }
            if (spark.catalog().tableExists(table) && !Boolean.getBoolean("exp.nocache")) {
                spark.sql("CACHE TABLE " + table);
            }
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        settings.values().forEach(conf -> conf.keySet().forEach(key -> defaults.putIfAbsent(key, spark.conf().get(key, null))));
        Map<String, Double> phaseMs = new java.util.TreeMap<>();
        Map<String, List<Double>> first = new LinkedHashMap<>();
        Map<String, List<Double>> warm = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String sql : sqls) {
                for (Map.Entry<String, Map<String, String>> setting : settings.entrySet()) {
                    defaults.forEach((k, v) -> {
                        if (v == null) {
                            spark.conf().unset(k);
                        }
                        else {
                            spark.conf().set(k, v);
                        }
                    });
                    setting.getValue().forEach((k, v) -> spark.conf().set(k, v));
                    long start = System.nanoTime();
                    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> dataset = spark.sql(sql);
                    dataset.collectAsList();
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (round > 0) {
                        scala.collection.Iterator<scala.Tuple2<String, org.apache.spark.sql.catalyst.QueryPlanningTracker.PhaseSummary>> phases =
                                dataset.queryExecution().tracker().phases().iterator();
                        double planned = 0;
                        while (phases.hasNext()) {
                            scala.Tuple2<String, org.apache.spark.sql.catalyst.QueryPlanningTracker.PhaseSummary> phase = phases.next();
                            phaseMs.merge(setting.getKey() + " " + phase._1(), (double) phase._2().durationMs(), Double::sum);
                            planned += phase._2().durationMs();
                        }
                        phaseMs.merge(setting.getKey() + " total", ms, Double::sum);
                    }
                    (round == 0 ? first : warm).computeIfAbsent(setting.getKey(), k -> new ArrayList<>()).add(ms);
                }
            }
        }
        for (String name : settings.keySet()) {
            System.out.printf("%-24s first round: p50 %6.0f ms p95 %6.0f ms | later rounds: p50 %6.0f ms p95 %6.0f ms%n", name,
                    percentile(first.get(name), 50), percentile(first.get(name), 95), percentile(warm.getOrDefault(name, List.of(0.0)), 50),
                    percentile(warm.getOrDefault(name, List.of(0.0)), 95));
        }
        phaseMs.forEach((k, v) -> System.out.printf("phase %-30s %8.0f ms in all later rounds%n", k, v));
        spark.stop();
        System.exit(0);
    }

    private static double percentile(List<Double> values, int p)
    {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
