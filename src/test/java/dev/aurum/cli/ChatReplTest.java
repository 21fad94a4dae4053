package dev.aurum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.FeedbackEntry;
import dev.aurum.assistant.RouterSettings;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatReplTest
{
    @TempDir
    Path folder;

    private ChatRepl repl(FakeAssistant assistant)
    {
        AssistantSession session = assistant.open(new AppContext(new dev.aurum.lakehouse.LakehouseLayout(folder), dev.aurum.lakehouse.SparkSettings.defaults()),
                RouterSettings.offline());
        return new ChatRepl(session, Engine.AUTO, AnswerOutput.settings(session.model(), false, 0));
    }

    private String plain(String input)
            throws Exception
    {
        FakeAssistant assistant = new FakeAssistant(folder);
        StringWriter out = new StringWriter();
        repl(assistant).runPlain(new BufferedReader(new StringReader(input)), new PrintWriter(out));
        return out.toString();
    }

    @Test
    void pipedStdinThroughTheChatCommandAnswersOneQuestionPerLine()
    {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("revenue in RJ for 2018\nrevenue by state\n".getBytes(StandardCharsets.UTF_8)));
            CommandRun run = CommandRun.run(new FakeAssistant(folder).commandLine(), "chat", "--lakehouse", folder.resolve("lh").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Revenue was R$ 1,234.50 (customer_state = RJ, year = 2018).", "2 rows; highest revenue: SP")
                    .doesNotContain("aurum>", "\u001b[");
        }
        finally {
            System.setIn(stdin);
        }
    }

    @Test
    void slashCommandsShowSqlProvenanceAndSettings()
            throws Exception
    {
        String out = plain(String.join("\n",
                "/show",
                "revenue by state",
                "/show",
                "/why",
                "/timer on",
                "revenue in SP for 2017",
                "/why",
                "/format csv",
                "revenue by state",
                "/format xml",
                "/metrics",
                "/tables",
                "/describe order_facts",
                "/describe nothing",
                "/sql SELECT 1 AS revenue",
                "/sql DELETE FROM gold.order_facts",
                "/nonsense",
                "/help",
                "/quit",
                "revenue by state"));

        assertThat(out).contains("Ask a question first.");
        assertThat(out).contains(FakeAssistant.BY_STATE_SQL);
        assertThat(out).contains("route: planner, status: answered", "metrics: revenue", "dimensions: customer_state", "\"by state\" as group by customer_state");
        assertThat(out).contains("Timer on.", "ms total (guard 1 ms, execute 2 ms), route trusted");
        assertThat(out).contains("verified query: revenue_by_state_and_year", "filters: customer_state = SP, year = 2017", "data date: 2018-08-31",
                "table versions: gold.order_facts v7");
        assertThat(out).contains("Format: csv", "customer_state,revenue", "SP,5000.00");
        assertThat(out).contains("error: ").contains("xml");
        assertThat(out).contains("revenue (sales, turnover)", "Group or filter by: customer_state, order_status, primary_payment_type");
        assertThat(out).contains("  gold.order_facts", "  order_value  decimal(12,2)", "error: There is no table gold.nothing");
        // SQL the guard will not run is refused, as `aurum sql` reports it
        assertThat(out).contains("refused: only one SELECT");
        assertThat(out).contains("Unknown command /nonsense", "/feedback good|bad");
        // /quit stops reading: the last question was never asked
        assertThat(out.split("customer_state,revenue", -1)).hasSize(2);
    }

    @Test
    void choicesCanBeAnsweredByNumberAndFollowUpsRefine()
            throws Exception
    {
        FakeAssistant assistant = new FakeAssistant(folder);
        StringWriter out = new StringWriter();
        repl(assistant).runPlain(new BufferedReader(new StringReader("hello\n1\nrevenue by state\nnow by state\n/reset\nnow by state\n1\n")), new PrintWriter(out));

        assertThat(out.toString()).contains("I did not find a metric in \"hello\".", "1. revenue", "Context cleared");
        // "1" is asked as the text of its choice; "now by state" refines the answered plan only before /reset
        assertThat(assistant.planned).containsExactly("hello", "revenue", "revenue by state", "now by state", "now by state", "revenue by state");
        assertThat(assistant.executed).hasSize(3);
        assertThat(assistant.warmUps).isEqualTo(1);
        assertThat(out.toString()).contains("refines an earlier answer");
    }

    @Test
    void feedbackIsStoredAndChartsAndExportsAreWritten()
            throws Exception
    {
        Path csv = folder.resolve("out.csv");
        Path json = folder.resolve("out.json");
        Path png = folder.resolve("chart.png");
        String out = plain(String.join("\n",
                "/feedback good",
                "revenue by state",
                "/chart",
                "/chart " + png,
                "/export csv " + csv,
                "/export json " + json,
                "/export xml " + json,
                "/feedback good matches the dashboard",
                "/feedback meh"));

        assertThat(out).contains("Ask a question first.", "Chart written to", "Exported to", "Usage: /export csv|json FILE", "Thanks: rated good",
                "error: Rate an answer as good or bad");
        assertThat(out).containsPattern("SP\\s*│");
        assertThat(Files.readString(csv)).startsWith("customer_state,revenue").contains("RJ,1234.50");
        assertThat(new ObjectMapper().readTree(Files.readString(json)).get("route").asText()).isEqualTo("planner");
        assertThat(Files.size(png)).isPositive();
        List<String> lines = Files.readAllLines(folder.resolve("feedback.jsonl"));
        assertThat(lines).hasSize(1);
        FeedbackEntry entry = new ObjectMapper().readValue(lines.get(0), FeedbackEntry.class);
        assertThat(entry.comment()).isEqualTo("matches the dashboard");
        assertThat(entry.sql()).isEqualTo(FakeAssistant.BY_STATE_SQL);
    }

    @Test
    void dumbTerminalSessionWithHistory()
            throws Exception
    {
        FakeAssistant assistant = new FakeAssistant(folder);
        ByteArrayInputStream in = new ByteArrayInputStream("revenue by state\n/show\n/quit\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path history = folder.resolve("history");
        try (DumbTerminal terminal = new DumbTerminal(in, bytes)) {
            int code = repl(assistant).runInteractive(terminal, history, ChatCommand.banner(Engine.AUTO));
            assertThat(code).isZero();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Aurum: ask about your orders", "aurum> ", "2 rows; highest revenue: SP", FakeAssistant.BY_STATE_SQL);
        assertThat(Files.readString(history)).contains("revenue by state", "/show");
        assertThat(assistant.warmUps).isEqualTo(1);
    }

    @Test
    void ctrlCWhileAQueryRunsCancelsItAndAtThePromptDoesNothing()
            throws Exception
    {
        FakeAssistant assistant = new FakeAssistant(folder);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DumbTerminal terminal = new DumbTerminal(new ByteArrayInputStream("revenue by state\n".getBytes(StandardCharsets.UTF_8)), bytes)) {
            assistant.duringQuery = () -> terminal.raise(org.jline.terminal.Terminal.Signal.INT);
            repl(assistant).runInteractive(terminal, folder.resolve("h"), "hi");
            assertThat(assistant.cancels).isEqualTo(1);
            // after the answer the handler is restored: Ctrl-C no longer cancels anything
            terminal.raise(org.jline.terminal.Terminal.Signal.INT);
            assertThat(assistant.cancels).isEqualTo(1);
        }
    }

    @Test
    void endOfInputOnTheTerminalLeaves()
            throws Exception
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DumbTerminal terminal = new DumbTerminal(new ByteArrayInputStream("revenue by state\n".getBytes(StandardCharsets.UTF_8)), bytes)) {
            assertThat(repl(new FakeAssistant(folder)).runInteractive(terminal, folder.resolve("h"), "hi")).isZero();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("2 rows");
    }

    @Test
    void tabCompletesCommandsMetricsDimensionsAndValues()
            throws Exception
    {
        ChatRepl repl = repl(new FakeAssistant(folder));
        try (DumbTerminal terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            assertThat(complete(repl, reader, "/de")).contains("/describe", "/help", "/quit");
            assertThat(complete(repl, reader, "/describe gold")).contains("gold.order_facts");
            assertThat(complete(repl, reader, "revenue by cus")).contains("revenue", "customer_state", "sales", "boleto", "SP");
        }
    }

    private static List<String> complete(ChatRepl repl, LineReader reader, String line)
    {
        List<Candidate> candidates = new ArrayList<>();
        repl.completer().complete(reader, new DefaultParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}
