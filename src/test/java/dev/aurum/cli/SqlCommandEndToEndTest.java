package dev.aurum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurum.lakehouse.Project;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.render.AnswerJson;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aurum sql} through the real SQL guard and executor over the Gold test fixture, with the semantic model's
 * allow list. Only the Spark session comes from the test (the command's own would stop the shared one on close).
 */
@SparkTest
class SqlCommandEndToEndTest
{
    private static GoldFixture gold;
    private static SparkSession query;
    private static SemanticModel model;

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AnswerJson json = new AnswerJson();

    @BeforeAll
    static void lakehouse()
    {
        gold = GoldFixture.shared();
        query = SparkSessions.querySession(TestSpark.get());
        model = SqlCommand.loadModel(Project.checkout());
    }

    private int run(ExecutorSettings settings, String... args)
    {
        CommandLine commandLine = new CommandLine(new SqlCommand((options, limits) -> new SqlCommand.SparkSqlSession(query, model, settings, () -> {})));
        commandLine.setExecutionExceptionHandler(Main.commandLine(false).getExecutionExceptionHandler());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private int run(String... args)
    {
        return run(new ExecutorSettings(1_000, Duration.ofSeconds(60)), args);
    }

    @Test
    void revenueByStateMatchesTheOrders() throws Exception
    {
        int exitCode = run("SELECT customer_state, SUM(revenue) AS revenue FROM gold.state_sales_monthly GROUP BY customer_state ORDER BY customer_state;",
                "--format", "json");
        assertThat(exitCode).as(err.toString()).isZero();
        JsonNode answer = json.mapper().readTree(out.toString());
        assertThat(answer.get("status").asText()).isEqualTo("answered");
        assertThat(answer.get("route").asText()).isEqualTo("sql");
        assertThat(answer.get("columns").get(1).get("type").asText()).startsWith("decimal(");
        assertThat(answer.get("provenance").get("table_versions").has("gold.state_sales_monthly")).isTrue();
        assertThat(answer.get("provenance").get("data_date").asText()).isEqualTo(gold.dataDate().toString());

        Map<String, BigDecimal> expected = new TreeMap<>();
        for (GoldFixture.Order order : gold.orders()) {
            BigDecimal value = order.isRevenue() ? order.orderValue() : BigDecimal.ZERO;
            expected.merge(order.customer().state(), value, BigDecimal::add);
        }
        Map<String, BigDecimal> actual = new TreeMap<>();
        for (JsonNode row : answer.get("rows")) {
            actual.put(row.get(0).asText(), row.get(1).decimalValue());
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((state, revenue) -> assertThat(actual.get(state)).as(state).isEqualByComparingTo(revenue));
        assertThat(answer.get("row_count").asLong()).isEqualTo(expected.size());
    }

    @Test
    void tableShowsMoneyFromTheModelAndATimer()
    {
        assertThat(run("SELECT customer_state, SUM(revenue) AS revenue FROM gold.state_sales_monthly GROUP BY 1 ORDER BY 2 DESC")).isZero();
        assertThat(out.toString()).contains("│ customer_state │").contains("│ SP             │ R$ ").containsPattern("\\d+ rows in \\d+\\.\\d\\d s\n$");
    }

    @Test
    void csvOfEveryDailyRowAndALineChart() throws Exception
    {
        Path chart = folder.resolve("daily.png");
        assertThat(run("SELECT date, orders, revenue FROM gold.daily_sales ORDER BY date", "--format", "csv", "--chart", chart.toString())).isZero();
        long days = gold.orders().stream().map(order -> order.purchaseTimestamp().toLocalDate()).distinct().count();
        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSize((int) days + 1);
        assertThat(lines[0]).isEqualTo("date,orders,revenue");
        assertThat(lines[1]).startsWith("2017-01-03,1,");
        assertThat(Files.readAllBytes(chart)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(err.toString()).contains("chart (line of orders by date)");
    }

    @Test
    void theGuardRejectsWithExitTwo() throws Exception
    {
        assertThat(run("DROP TABLE gold.order_facts")).isEqualTo(2);
        assertThat(out.toString()).startsWith("refused: ");
        out.getBuffer().setLength(0);
        assertThat(run("SELECT * FROM silver.orders", "--format", "jsonl")).isEqualTo(2);
        JsonNode answer = json.mapper().readTree(out.toString());
        assertThat(answer.get("status").asText()).isEqualTo("refused");
        assertThat(answer.get("message").asText()).containsIgnoringCase("silver.orders");
        assertThat(run("SELECT 1; SELECT 2")).isEqualTo(2);
        // the table is still there and unchanged
        out.getBuffer().setLength(0);
        assertThat(run("SELECT COUNT(*) AS orders FROM gold.order_facts", "--format", "csv")).isZero();
        assertThat(out.toString()).isEqualTo("orders\r\n" + gold.orders().size() + "\r\n");
    }

    @Test
    void aTimeoutIsARunFailureWithExitOne()
    {
        int exitCode = run(new ExecutorSettings(10, Duration.ofMillis(1)),
                "SELECT f.customer_state, COUNT(*) AS items FROM gold.order_items i JOIN gold.order_facts f ON i.order_id = f.order_id GROUP BY 1");
        assertThat(exitCode).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).startsWith("error: ");
    }

    @Test
    void aFileOfStatementsRunsEachInTurn() throws Exception
    {
        Path script = folder.resolve("report.sql");
        Files.writeString(script, """
                -- revenue orders per state; the ';' in this comment does not split
                SELECT customer_state, COUNT(*) AS orders FROM gold.order_facts WHERE order_status <> 'a;b' GROUP BY 1 ORDER BY 1;
                SELECT * FROM bronze.orders;
                SELECT MAX(purchase_date) AS data_date FROM gold.order_facts;
                """);
        assertThat(run("--file", script.toString(), "--format", "json")).isEqualTo(2);
        JsonNode answers = json.mapper().readTree(out.toString());
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).get("status").asText()).isEqualTo("answered");
        assertThat(answers.get(1).get("status").asText()).isEqualTo("refused");
        assertThat(answers.get(1).get("message").asText()).startsWith("statement at line 3: ");
        assertThat(answers.get(2).get("rows").get(0).get(0).asText()).isEqualTo(gold.dataDate().toString());
        assertThat(answers.get(2).get("chart").get("type").asText()).isEqualTo("none");
    }
}
