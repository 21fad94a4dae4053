package dev.aurum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.Project;
import dev.aurum.render.AnswerJson;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's behaviour around a scripted session (no Spark): output, exit codes, charts, files. */
class SqlCommandTest
{
    @TempDir
    Path folder;

    private final ScriptedSession session = new ScriptedSession();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Answers "SELECT …" with revenue by state, refuses what starts with DROP, fails on "boom". */
    private static final class ScriptedSession
            implements SqlCommand.SqlSession
    {
        final List<String> seen = new ArrayList<>();
        boolean closed;

        @Override
        public QueryResult execute(String statement)
        {
            seen.add(statement);
            if (statement.startsWith("DROP")) {
                throw new AurumException(ErrorCode.SQL_REJECTED, "DROP TABLE is a command; only queries are allowed.");
            }
            if (statement.contains("boom")) {
                throw new AurumException(ErrorCode.RUN_FAILED, "Spark failed: division by zero");
            }
            if (statement.contains("one value")) {
                return new QueryResult(statement, List.of(new ResultColumn("revenue", "decimal(12,2)")), List.of(List.of(new BigDecimal("13591643.70"))),
                        1, false, 2, 30, LocalDate.of(2018, 8, 29), Map.of("gold.daily_sales", 4L));
            }
            List<List<Object>> rows = List.of(
                    Arrays.asList("SP", 41_746L, new BigDecimal("5202955.05")),
                    Arrays.asList("RJ", 12_852L, new BigDecimal("1824092.67")),
                    Arrays.asList("AC", 81L, null));
            return new QueryResult(statement, List.of(new ResultColumn("customer_state", "string"), new ResultColumn("orders", "bigint"),
                    new ResultColumn("revenue", "decimal(12,2)")), rows, 3, false, 3, 45, LocalDate.of(2018, 8, 29), Map.of("gold.state_sales_monthly", 7L));
        }

        @Override
        public Map<String, String> columnFormats()
        {
            return Map.of("revenue", "money");
        }

        @Override
        public String currencySymbol()
        {
            return "R$";
        }

        @Override
        public void close()
        {
            closed = true;
        }
    }

    private ExecutorSettings limitsSeen;

    private int run(String... args)
    {
        CommandLine commandLine = new CommandLine(new SqlCommand((options, limits) -> {
            limitsSeen = limits;
            return session;
        }));
        commandLine.setExecutionExceptionHandler(Main.commandLine(false).getExecutionExceptionHandler());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void aQueryPrintsATableAndExitsZero()
    {
        assertThat(run("SELECT customer_state, orders, revenue FROM gold.state_sales_monthly")).isZero();
        assertThat(out.toString())
                .contains("│ customer_state │ orders │         revenue │")
                .contains("│ SP             │ 41,746 │ R$ 5,202,955.05 │")
                .contains("│ AC             │     81 │            NULL │")
                .containsPattern("3 rows in \\d+\\.\\d\\d s\n$");
        assertThat(session.seen).containsExactly("SELECT customer_state, orders, revenue FROM gold.state_sales_monthly");
        assertThat(session.closed).isTrue();
    }

    @Test
    void jsonIsTheAnswerWithRouteSql() throws Exception
    {
        assertThat(run("SELECT 1;", "--format", "json")).isZero();
        JsonNode answer = new AnswerJson().mapper().readTree(out.toString());
        assertThat(answer.get("route").asText()).isEqualTo("sql");
        assertThat(answer.get("status").asText()).isEqualTo("answered");
        assertThat(answer.get("question").isNull()).isTrue();
        assertThat(answer.get("row_count").asLong()).isEqualTo(3);
        assertThat(answer.get("rows").get(0).get(2).decimalValue()).isEqualByComparingTo("5202955.05");
        assertThat(answer.get("chart").get("type").asText()).isEqualTo("bar");
        assertThat(answer.get("provenance").get("data_date").asText()).isEqualTo("2018-08-29");
        assertThat(answer.get("provenance").get("table_versions").get("gold.state_sales_monthly").asLong()).isEqualTo(7);
        assertThat(answer.get("provenance").get("metrics").isNull()).isTrue();
        assertThat(answer.get("timings").get("guard_ms").asLong()).isEqualTo(3);
        assertThat(answer.get("timings").get("execute_ms").asLong()).isEqualTo(45);
        assertThat(answer.get("timings").get("llm_ms").isNull()).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aRejectedStatementExitsTwoAndSaysWhy() throws Exception
    {
        assertThat(run("DROP TABLE gold.order_facts")).isEqualTo(2);
        assertThat(out.toString()).startsWith("refused: DROP TABLE is a command; only queries are allowed.");
        out.getBuffer().setLength(0);
        assertThat(run("DROP TABLE gold.order_facts", "--format", "jsonl")).isEqualTo(2);
        JsonNode answer = new AnswerJson().mapper().readTree(out.toString());
        assertThat(answer.get("status").asText()).isEqualTo("refused");
        assertThat(answer.get("sql").asText()).isEqualTo("DROP TABLE gold.order_facts");
        assertThat(answer.get("rows").isNull()).isTrue();
    }

    @Test
    void aRunFailureExitsOne()
    {
        assertThat(run("SELECT boom")).isEqualTo(1);
        assertThat(out.toString()).startsWith("error: Spark failed: division by zero");
    }

    @Test
    void aFileRunsEveryStatementAndExitsWithTheHighestCode() throws Exception
    {
        Path script = folder.resolve("report.sql");
        Files.writeString(script, "SELECT 'a;b';\n-- next\nSELECT boom;\n\nDROP TABLE x;\nSELECT 2;\n");
        assertThat(run("--file", script.toString())).isEqualTo(2);
        assertThat(session.seen).containsExactly("SELECT 'a;b'", "SELECT boom", "DROP TABLE x", "SELECT 2");
        assertThat(out.toString())
                .contains("-- statement 1 of 4 (line 1)\n┌")
                .contains("-- statement 2 of 4 (line 3)\nerror: statement at line 3: Spark failed")
                .contains("-- statement 3 of 4 (line 5)\nrefused: statement at line 5: DROP TABLE is a command")
                .contains("-- statement 4 of 4 (line 6)\n┌")
                .containsPattern(" s\n\n-- statement 2 of 4");

        out.getBuffer().setLength(0);
        Files.writeString(script, "SELECT 1; SELECT boom");
        assertThat(run("--file", script.toString(), "--format", "json")).isEqualTo(1);
        JsonNode answers = new AnswerJson().mapper().readTree(out.toString());
        assertThat(answers.isArray()).isTrue();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).get("status").asText()).isEqualTo("error");
    }

    @Test
    void csvHasOnlyRowsAndMessagesGoToStderr() throws Exception
    {
        assertThat(run("SELECT 1", "--format", "csv")).isZero();
        assertThat(out.toString()).isEqualTo("customer_state,orders,revenue\r\nSP,41746,5202955.05\r\nRJ,12852,1824092.67\r\nAC,81,\r\n");
        out.getBuffer().setLength(0);
        assertThat(run("DROP TABLE x", "--format", "csv")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("refused: DROP TABLE is a command");
    }

    @Test
    void chartsArePngFilesAndNoneForOneValue() throws Exception
    {
        Path chart = folder.resolve("states.png");
        assertThat(run("SELECT 1", "--chart", chart.toString())).isZero();
        assertThat(Files.readAllBytes(chart)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(err.toString()).contains("chart (bar of orders by customer_state) written to " + chart);

        Path single = folder.resolve("single.png");
        assertThat(run("SELECT one value", "--chart", single.toString())).isZero();
        assertThat(single).doesNotExist();
        assertThat(err.toString()).contains("no chart for this result");

        Path script = folder.resolve("two.sql");
        Files.writeString(script, "SELECT 1; SELECT one value; SELECT 3");
        Path numbered = folder.resolve("many.png");
        assertThat(run("--file", script.toString(), "--chart", numbered.toString())).isZero();
        assertThat(folder.resolve("many-1.png")).exists();
        assertThat(folder.resolve("many-2.png")).doesNotExist();
        assertThat(folder.resolve("many-3.png")).exists();
    }

    @Test
    void theTimeoutAndTheRowCapReachTheExecutor()
    {
        assertThat(run("SELECT 1")).isZero();
        assertThat(limitsSeen).isEqualTo(ExecutorSettings.defaults());
        assertThat(run("SELECT 1", "--timeout", "5")).isZero();
        assertThat(limitsSeen.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(run("SELECT 1", "--timeout", "0")).isEqualTo(2);
    }

    @Test
    void badInputExitsTwoWithoutTouchingSpark()
    {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Give the SQL to run");
        assertThat(run("SELECT 1", "--file", "x.sql")).isEqualTo(2);
        assertThat(run("--file", folder.resolve("missing.sql").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read").contains("missing.sql");
        assertThat(run("SELECT 1", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown output format 'xml'");
        assertThat(run("   ")).isEqualTo(2);
        assertThat(session.seen).isEmpty();
    }

    @Test
    void anEmptyFileIsBadInput() throws Exception
    {
        Path script = folder.resolve("empty.sql");
        Files.writeString(script, "-- nothing here;\n");
        assertThat(run("--file", script.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("holds no SQL statement");
    }

    @Test
    void theRealCommandRefusesAMissingFileBeforeStartingSpark()
    {
        StringWriter errors = new StringWriter();
        CommandLine commandLine = Main.commandLine(false);
        commandLine.setErr(new PrintWriter(errors));
        assertThat(commandLine.execute("sql", "--file", folder.resolve("none.sql").toString())).isEqualTo(2);
        assertThat(errors.toString()).contains("Cannot read");
    }

    @Test
    void theGuardAllowsTheSemanticModelsGoldTablesAndMetricsCarryTheirFormats()
    {
        var model = SqlCommand.loadModel(Project.checkout());
        assertThat(SqlCommand.allowList(model)).contains("gold.order_facts", "gold.daily_sales").allSatisfy(table -> assertThat(table).startsWith("gold."));
        assertThat(SqlCommand.columnFormats(model)).containsEntry("revenue", "money").containsEntry("orders", "integer");
    }
}
