package dev.aurum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurum.lakehouse.Project;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.render.AnswerJson;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aurum stats anova | ttest | chisq | eda} through the real guard and executor over the Gold test fixture.
 * Only the Spark session comes from the test (the command's own would stop the shared one on close).
 */
@SparkTest
class StatsCommandEndToEndTest
{
    private static GoldFixture gold;
    private static SparkSession query;
    private static SemanticModel model;

    @TempDir
    Path folder;

    private final AnswerJson json = new AnswerJson();

    @BeforeAll
    static void lakehouse()
    {
        gold = GoldFixture.shared();
        query = SparkSessions.querySession(TestSpark.get());
        model = SqlCommand.loadModel(Project.checkout());
    }

    private static Function<CommonOptions, StatsSession> sessions()
    {
        return options -> new StatsSession(query, model, () -> {});
    }

    private static CommandRun run(Object command, String... args)
    {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler(Main.commandLine(false).getExecutionExceptionHandler());
        return CommandRun.run(commandLine, args);
    }

    @Test
    void anovaAsJsonHoldsTheWholeReportAndDrawsTheMeans() throws Exception
    {
        Path chart = folder.resolve("means.png");
        CommandRun result = run(new StatsAnovaCommand(sessions()), "--value", "order_value", "--by", "season", "--format", "json", "--chart", chart.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode answer = json.mapper().readTree(result.out());
        assertThat(answer.get("status").asText()).isEqualTo("answered");
        assertThat(answer.get("route").asText()).isEqualTo("stats");
        JsonNode analysis = answer.get("analysis");
        for (String field : new String[] {"f_statistic", "df_between", "df_within", "p_value", "eta_squared", "omega_squared", "levene_statistic",
                "levene_p_value", "welch_f", "welch_df1", "welch_df2", "welch_p_value", "kruskal_h", "kruskal_df", "kruskal_p_value", "epsilon_squared"}) {
            assertThat(analysis.get(field).isNumber()).as(field).isTrue();
        }
        assertThat(analysis.get("df_between").asInt()).isEqualTo(3);
        assertThat(analysis.get("groups")).hasSize(4);
        assertThat(analysis.get("pairwise")).hasSize(6);
        assertThat(analysis.get("pairwise").get(0).get("method").asText()).isIn("tukey_hsd", "games_howell");
        assertThat(analysis.get("filter").asText()).startsWith("revenue_only");
        long revenueOrders = gold.orders().stream().filter(GoldFixture.Order::isRevenue).count();
        assertThat(analysis.get("n").asLong()).isEqualTo(revenueOrders);
        assertThat(answer.get("summary").asText()).contains("order value").contains("by season at the 5% level").contains("R$");
        assertThat(answer.get("provenance").get("table_versions").has("gold.order_facts")).isTrue();
        assertThat(result.out()).doesNotContain("NaN");
        assertThat(Files.readAllBytes(chart)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void anovaAsATableShowsGroupsTestsAndPairs()
    {
        CommandRun result = run(new StatsAnovaCommand(sessions()), "--value", "order_value", "--by", "season", "--alpha", "0.1");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("│ season").contains("Autumn").contains("One-way ANOVA: F = ").contains("Levene (median-centred)")
                .contains("Welch's ANOVA").contains("Kruskal–Wallis").contains("Pairwise comparisons").contains("at the 10% level");
    }

    @Test
    void badInputExitsTwoWithAClearMessage()
    {
        CommandRun nothing = run(new StatsAnovaCommand(sessions()), "--value", "order_value", "--by", "season", "--filter", "order_status = 'lost'");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("no rows to test");
        CommandRun unknown = run(new StatsAnovaCommand(sessions()), "--value", "happiness", "--by", "season");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("happiness").contains("order_value");
        CommandRun rejected = run(new StatsAnovaCommand(sessions()), "--value", "order_value", "--by", "season", "--filter", "order_id IN (SELECT order_id FROM silver.orders)");
        assertThat(rejected.exitCode()).isEqualTo(2);
        CommandRun threeGroups = run(new StatsTtestCommand(sessions()), "--value", "order_value", "--by", "season");
        assertThat(threeGroups.exitCode()).isEqualTo(2);
        assertThat(threeGroups.err()).contains("exactly two groups");
    }

    @Test
    void ttestAndChisqAnswerInTheSameShape() throws Exception
    {
        CommandRun ttest = run(new StatsTtestCommand(sessions()), "--value", "order_value", "--by", "is_weekend", "--format", "json");
        assertThat(ttest.exitCode()).as(ttest.err()).isZero();
        JsonNode t = json.mapper().readTree(ttest.out()).get("analysis");
        assertThat(t.get("test").asText()).isEqualTo("welch_t_test");
        assertThat(t.get("p_value").asDouble()).isBetween(0.0, 1.0);
        assertThat(t.get("ci_low").asDouble()).isLessThan(t.get("ci_high").asDouble());

        CommandRun chisq = run(new StatsChisqCommand(sessions()), "--by", "primary_payment_type", "--by", "customer_state", "--format", "json");
        assertThat(chisq.exitCode()).as(chisq.err()).isZero();
        JsonNode c = json.mapper().readTree(chisq.out()).get("analysis");
        assertThat(c.get("test").asText()).isEqualTo("chi_square_independence");
        assertThat(c.get("cramers_v").asDouble()).isBetween(0.0, 1.0);
        assertThat(c.get("df").asInt()).isEqualTo((c.get("rows").asInt() - 1) * (c.get("columns").asInt() - 1));
    }

    @Test
    void edaWritesMarkdownWithChartsBesideIt() throws Exception
    {
        Path report = folder.resolve("eda").resolve("report.md");
        CommandRun result = run(new StatsEdaCommand(sessions()), "--table", "order_facts", "--out", report.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        String markdown = Files.readString(report);
        assertThat(markdown).contains("## gold.order_facts").contains(gold.orders().size() + " rows.").contains("| order_value | decimal(12,2) |")
                .contains("## Monthly revenue").contains("Strongest correlations");
        assertThat(report.resolveSibling("report-trend.png")).exists();
        assertThat(report.resolveSibling("report-gold-order_facts-order_value.png")).exists();
        assertThat(markdown).contains("](report-gold-order_facts-order_value.png)");
    }
}
