package dev.aurum.cli;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Project;
import dev.aurum.lakehouse.SparkSettings;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.stats.StatisticsService;
import dev.aurum.stats.StatsOutcome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures {@code stats anova --value order_value --by season} (revenue orders) against one plain
 * {@code SELECT season, COUNT(*), AVG(order_value), VAR_SAMP(order_value) ... GROUP BY season} in the same JVM and
 * Spark session, through the same guarded executor, alternating the two for N rounds after one cold round each.
 * A benchmark, not a test: it prints the medians and their ratio (docs/reference.md, "Statistics").
 *
 * <pre>
 * mvn -B -q -o -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java $(sed -n 's:.*&lt;spark.opens&gt;\(.*\)&lt;/spark.opens&gt;.*:\1:p' pom.xml) -Xmx4g \
 *   -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) dev.aurum.cli.StatsAnovaBenchmark LAKEHOUSE [ROUNDS]
 * </pre>
 */
public final class StatsAnovaBenchmark
{
    private static final String GROUP_BY = "SELECT season, COUNT(*) AS n, AVG(order_value) AS mean, VAR_SAMP(order_value) AS variance "
            + "FROM gold.order_facts WHERE is_revenue GROUP BY season";

    private StatsAnovaBenchmark() {}

    public static void main(String[] args)
    {
        Path lakehouse = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        SemanticModel model = SqlCommand.loadModel(Project.checkout());
        AppContext context = new AppContext(new LakehouseLayout(lakehouse), SparkSettings.defaults());
        try (StatsSession session = new StatsSession(context.querySession(), model, context::close)) {
            StatisticsService service = new StatisticsService(model, session::execute);
            List<Double> groupBy = new ArrayList<>();
            List<Double> anova = new ArrayList<>();
            String conclusion = "";
            for (int round = 0; round <= rounds; round++) {
                long start = System.nanoTime();
                session.execute(GROUP_BY);
                double groupBySeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                StatsOutcome.Answered answered = service.anova(service.names().subject(null, "order_value", "season", null), 0.05).answered();
                double anovaSeconds = (System.nanoTime() - start) / 1e9;
                conclusion = answered.summary();
                System.out.printf("round %d%s: GROUP BY %.3f s, stats anova %.3f s%n", round, round == 0 ? " (cold)" : "", groupBySeconds, anovaSeconds);
                if (round > 0) {
                    groupBy.add(groupBySeconds);
                    anova.add(anovaSeconds);
                }
            }
            double g = median(groupBy);
            double a = median(anova);
            System.out.printf("warm medians over %d rounds: GROUP BY %.3f s, stats anova %.3f s, ratio %.2f%n", rounds, g, a, a / g);
            System.out.println("conclusion: " + conclusion);
        }
        System.exit(0);
    }

    private static double median(List<Double> values)
    {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
