package dev.aurum.cli;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Project;
import dev.aurum.lakehouse.SparkSettings;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.sql.SqlGuard;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times the pieces of the group-summary statement and candidate variants in one Spark session, alternating them per
 * round: unguarded spark.sql(...).collect, the guard alone, the guarded executor. An experiment, not a test.
 * Args: LAKEHOUSE ROUNDS [SQL_FILE...] where each SQL file is a variant run unguarded.
 */
public final class StatsSummaryExperiment
{
    private StatsSummaryExperiment() {}

    public static void main(String[] args) throws Exception
    {
        Path lakehouse = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("groupby", "SELECT season, COUNT(*) AS n, AVG(order_value) AS mean, VAR_SAMP(order_value) AS variance "
                + "FROM gold.order_facts WHERE is_revenue GROUP BY season");
        for (int i = 2; i < args.length; i++) {
            statements.put(Path.of(args[i]).getFileName().toString(), Files.readString(Path.of(args[i])));
        }
        SemanticModel model = SqlCommand.loadModel(Project.checkout());
        AppContext context = new AppContext(new LakehouseLayout(lakehouse), SparkSettings.defaults());
        SparkSession spark = context.querySession();
        SqlGuard guard = new SqlGuard(spark, SqlCommand.allowList(model));
        boolean[] trace = {false};
        spark.sparkContext().addSparkListener(new org.apache.spark.scheduler.SparkListener()
        {
            @Override
            public void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted completed)
            {
                if (trace[0]) {
                    org.apache.spark.scheduler.StageInfo info = completed.stageInfo();
                    long took = (Long) info.completionTime().get() - (Long) info.submissionTime().get();
                    System.out.printf("     stage %d: %d tasks, %d ms, %s%n", info.stageId(), info.numTasks(), took, info.name());
                }
            }
        });
        for (String conf : System.getProperty("exp.conf", "").split(";")) {
            if (!conf.isBlank()) {
                String[] kv = conf.split("=", 2);
                spark.conf().set(kv[0], kv[1]);
            }
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            for (Map.Entry<String, String> e : statements.entrySet()) {
                trace[0] = round == rounds;
                long start = System.nanoTime();
                guard.check(e.getValue());
                double guardSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                List<?> rows = spark.sql(e.getValue()).collectAsList();
                double runSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d %s: guard %.3f s, run %.3f s (%d rows)%n", round, e.getKey(), guardSeconds, runSeconds, rows.size());
                if (round == rounds) {
                    rows.forEach(r -> System.out.println("   " + r));
                }
                if (round > 0) {
                    times.computeIfAbsent(e.getKey() + " guard", k -> new ArrayList<>()).add(guardSeconds);
                    times.computeIfAbsent(e.getKey() + " run", k -> new ArrayList<>()).add(runSeconds);
                }
            }
        }
        times.forEach((k, v) -> System.out.printf("median %s: %.3f s%n", k, median(v)));
        context.close();
        System.exit(0);
    }

    private static double median(List<Double> values)
    {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
