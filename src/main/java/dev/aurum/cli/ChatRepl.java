package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.render.AnswerJson;
import dev.aurum.render.AnswerRenderer;
import dev.aurum.render.ChartRenderer;
import dev.aurum.render.CsvRenderer;
import dev.aurum.render.OutputFormat;
import dev.aurum.render.RenderSettings;
import dev.aurum.render.TerminalBarChart;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.sql.ResultColumn;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The chat loop: questions and slash commands. Interactive on a terminal (JLine: history, Tab completion, Ctrl-C
 * cancels the running query or the line, Ctrl-D leaves); plain when stdin is a pipe (one question per line, answers
 * only, no prompt).
 */
final class ChatRepl
{
    static final Map<String, String> COMMANDS = orderedCommands();

    private final AssistantSession session;
    private final Engine engine;
    private RenderSettings settings;
    private OutputFormat format = OutputFormat.TABLE;
    private boolean timer;
    private Conversation conversation;
    private Answer last;
    private int questionNumber;
    private PrintWriter out;

    ChatRepl(AssistantSession session, Engine engine, RenderSettings settings)
    {
        this.session = requireNonNull(session, "session is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.conversation = session.newConversation(engine);
    }

    private static Map<String, String> orderedCommands()
    {
        Map<String, String> commands = new java.util.LinkedHashMap<>();
        commands.put("/help", "this list");
        commands.put("/sql SQL", "run read-only SQL over the Gold tables");
        commands.put("/show", "the SQL of the last answer");
        commands.put("/why", "how the last answer was found: route, words understood, filters, data date");
        commands.put("/chart [FILE]", "a bar chart here, or a PNG file");
        commands.put("/export csv|json FILE", "save the last answer");
        commands.put("/tables", "the lakehouse tables");
        commands.put("/describe TABLE", "the columns of a table");
        commands.put("/metrics", "what you can ask for: metrics and dimensions");
        commands.put("/format MODE", "table, markdown, csv, json or jsonl");
        commands.put("/timer on|off", "time and route after each answer");
        commands.put("/feedback good|bad [comment]", "rate the last answer");
        commands.put("/reset", "forget the conversation (follow-ups start afresh)");
        commands.put("/quit", "leave (or Ctrl-D)");
        return java.util.Collections.unmodifiableMap(commands);
    }

    /** Reads questions from a pipe until it ends. */
    int runPlain(BufferedReader in, PrintWriter output)
            throws IOException
    {
        this.out = output;
        session.warmUp();
        String line;
        while ((line = in.readLine()) != null) {
            if (!handle(line, () -> {})) {
                break;
            }
            out.flush();
        }
        out.flush();
        return 0;
    }

    /** The interactive loop on a JLine terminal; history is kept in {@code historyFile}. */
    int runInteractive(Terminal terminal, Path historyFile, String banner)
    {
        this.out = terminal.writer();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("aurum")
                .completer(completer())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .build();
        out.println(banner);
        out.flush();
        // everything slow starts now, behind the prompt the user is about to type into
        session.warmUp();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine("aurum> ");
                }
                catch (UserInterruptException e) {
                    // Ctrl-C at the prompt drops the current line
                    continue;
                }
                catch (EndOfFileException e) {
                    break;
                }
                Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.cancel());
                try {
                    if (!handle(line, () -> {})) {
                        break;
                    }
                }
                finally {
                    terminal.handle(Terminal.Signal.INT, previous);
                }
                out.flush();
            }
        }
        finally {
            try {
                reader.getHistory().save();
            }
            catch (IOException e) {
                out.println("(could not save the history to " + historyFile + ": " + e.getMessage() + ")");
            }
            out.flush();
        }
        return 0;
    }

    /** One line of input: a slash command or a question. Returns false when the user wants to leave. */
    boolean handle(String input, Runnable beforeAnswer)
    {
        String line = input.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return true;
        }
        try {
            if (line.startsWith("/")) {
                return command(line);
            }
            beforeAnswer.run();
            questionNumber++;
            show(conversation.ask("q" + questionNumber, line));
        }
        catch (AurumException e) {
            out.println("error: " + e.getMessage());
        }
        catch (RuntimeException e) {
            out.println("error: " + e + " (please report this)");
        }
        return true;
    }

    private void show(Answer answer)
    {
        last = answer;
        AnswerRenderer renderer = AnswerOutput.renderer(settings);
        out.print(renderer.render(answer, format));
        out.print(renderer.diagnostics(answer, format));
        if (timer && answer.timings() != null) {
            Answer.Timings timings = answer.timings();
            String model = timings.llmMs() == null ? "" : String.format(Locale.ROOT, ", model %d ms, %s prompt + %s completion tokens", timings.llmMs(),
                    orDash(timings.promptTokens()), orDash(timings.completionTokens()));
            out.printf(Locale.ROOT, "time: %d ms total (guard %s ms, execute %s ms%s), route %s%n", timings.totalMs(), orDash(timings.guardMs()),
                    orDash(timings.executeMs()), model, answer.route() == null ? "-" : answer.route().jsonName());
        }
    }

    private static String orDash(Long value)
    {
        return value == null ? "-" : value.toString();
    }

    private boolean command(String line)
    {
        String[] parts = line.split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        switch (name) {
            case "/quit", "/exit", "/q" -> {
                return false;
            }
            case "/help", "/?" -> {
                out.println("Ask a question in plain English, answer a clarification with the number of a choice, or use:");
                COMMANDS.forEach((command, text) -> out.printf(Locale.ROOT, "  %-30s %s%n", command, text));
            }
            case "/sql" -> {
                if (argument.isEmpty()) {
                    out.println("Usage: /sql SELECT ... (read-only, over the Gold tables)");
                }
                else {
                    questionNumber++;
                    show(session.runSql("q" + questionNumber, argument, engine));
                }
            }
            case "/show" -> withLast(answer -> out.println(answer.sql() == null ? "The last answer has no SQL." : answer.sql().strip()));
            case "/why" -> withLast(this::why);
            case "/chart" -> withLast(answer -> chart(answer, argument));
            case "/export" -> withLast(answer -> export(answer, argument));
            case "/tables" -> session.tables().forEach(table -> out.println("  " + table));
            case "/describe" -> describe(argument);
            case "/metrics" -> metrics();
            case "/format" -> {
                if (argument.isEmpty()) {
                    out.println("Format: " + format.cliName() + " (choose from " + OutputFormat.names() + ")");
                }
                else {
                    format = OutputFormat.parse(argument);
                    out.println("Format: " + format.cliName());
                }
            }
            case "/timer" -> {
                if (!argument.equalsIgnoreCase("on") && !argument.equalsIgnoreCase("off")) {
                    out.println("Usage: /timer on|off (now " + (timer ? "on" : "off") + ")");
                }
                else {
                    timer = argument.equalsIgnoreCase("on");
                    out.println("Timer " + (timer ? "on" : "off") + ".");
                }
            }
            case "/feedback" -> withLast(answer -> {
                String[] rating = argument.split("\\s+", 2);
                session.feedback().record(answer, rating[0], rating.length > 1 ? rating[1] : null);
                out.println("Thanks: rated " + rating[0].toLowerCase(Locale.ROOT) + " (stored in " + session.feedback().file() + ").");
            });
            case "/reset" -> {
                conversation.reset();
                last = null;
                out.println("Context cleared: the next question starts afresh.");
            }
            default -> out.println("Unknown command " + name + "; /help lists the commands.");
        }
        return true;
    }

    private void withLast(java.util.function.Consumer<Answer> action)
    {
        if (last == null) {
            out.println("Ask a question first.");
            return;
        }
        action.accept(last);
    }

    private void why(Answer answer)
    {
        out.println("route: " + (answer.route() == null ? "-" : answer.route().jsonName()) + ", status: " + answer.status().jsonName());
        Answer.Provenance provenance = answer.provenance();
        if (provenance == null) {
            out.println(answer.message() == null ? "No provenance for this answer." : answer.message());
            return;
        }
        line("verified query", provenance.verifiedQuery());
        line("metrics", join(provenance.metrics()));
        line("dimensions", join(provenance.dimensions()));
        line("filters", join(provenance.filters()));
        line("joins", join(provenance.joins()));
        if (provenance.understood() != null && !provenance.understood().isEmpty()) {
            out.println("understood:");
            provenance.understood().forEach(entry -> out.println("  \"" + entry.text() + "\" as " + entry.as()));
        }
        if (provenance.attempts() != null) {
            provenance.attempts().forEach(attempt -> out.println("failed attempt: " + attempt.error()));
        }
        line("data date", provenance.dataDate() == null ? null : provenance.dataDate().toString());
        if (provenance.tableVersions() != null && !provenance.tableVersions().isEmpty()) {
            line("table versions", String.join(", ", provenance.tableVersions().entrySet().stream().map(e -> e.getKey() + " v" + e.getValue()).toList()));
        }
    }

    private void line(String label, String value)
    {
        if (value != null && !value.isBlank()) {
            out.println(label + ": " + value);
        }
    }

    private static String join(List<String> values)
    {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    private void chart(Answer answer, String file)
    {
        if (!file.isEmpty()) {
            Optional<ChartHint> drawn = new ChartRenderer().write(answer, Path.of(file));
            out.println(drawn.isPresent() ? "Chart written to " + file + "." : "The last answer has nothing to chart.");
            return;
        }
        int width = settings.terminalWidth() > 0 ? settings.terminalWidth() : 80;
        Optional<String> bars = new TerminalBarChart(Math.max(30, width), settings.ansi(), settings).render(answer);
        out.print(bars.map(text -> text.endsWith("\n") ? text : text + "\n")
                .orElse("No compact chart for this answer (one value, or more than " + TerminalBarChart.MAX_ROWS + " rows); try /chart FILE.png\n"));
    }

    private void export(Answer answer, String argument)
    {
        String[] parts = argument.split("\\s+", 2);
        if (parts.length < 2 || !(parts[0].equalsIgnoreCase("csv") || parts[0].equalsIgnoreCase("json"))) {
            out.println("Usage: /export csv|json FILE");
            return;
        }
        String text;
        if (parts[0].equalsIgnoreCase("csv")) {
            if (answer.columns() == null || answer.rows() == null) {
                out.println("The last answer has no rows to export.");
                return;
            }
            text = new CsvRenderer().render(answer.columns(), answer.rows());
        }
        else {
            text = new AnswerJson().pretty(answer) + "\n";
        }
        Path file = Path.of(parts[1]);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            out.println("Exported to " + file + ".");
        }
        catch (IOException e) {
            out.println("error: cannot write " + file + ": " + e.getMessage());
        }
    }

    private void describe(String table)
    {
        if (table.isEmpty()) {
            out.println("Usage: /describe TABLE (e.g. /describe gold.TABLE, a table of the semantic model)");
            return;
        }
        String qualified = table.contains(".") ? table : "gold." + table;
        session.model().table(qualified).ifPresent(model -> out.println(model.description().strip()));
        for (ResultColumn column : session.describe(qualified)) {
            out.println("  " + column.name() + "  " + column.type());
        }
    }

    private void metrics()
    {
        for (SemanticTable table : session.model().tables()) {
            for (Metric metric : table.metrics()) {
                out.println("  " + metric.name() + (metric.synonyms().isEmpty() ? "" : " (" + String.join(", ", metric.synonyms()) + ")")
                        + (metric.description().isBlank() ? "" : ": " + metric.description().strip()));
            }
        }
        Set<String> dimensions = new LinkedHashSet<>();
        session.model().tables().forEach(table -> table.dimensions().forEach(dimension -> dimensions.add(dimension.name())));
        out.println("Group or filter by: " + String.join(", ", dimensions));
    }

    /** Slash commands after "/", table names after /describe, else metric, dimension and value words. */
    Completer completer()
    {
        Supplier<List<String>> vocabulary = () -> {
            Set<String> words = new LinkedHashSet<>();
            for (SemanticTable table : session.model().tables()) {
                table.metrics().forEach(metric -> {
                    words.add(metric.name());
                    words.addAll(metric.synonyms());
                });
                for (Dimension dimension : table.dimensions()) {
                    words.add(dimension.name());
                    words.addAll(dimension.synonyms());
                    if (dimension.isEnum()) {
                        words.addAll(session.values(dimension.name()));
                        words.addAll(dimension.sampleValues());
                    }
                }
            }
            return new ArrayList<>(words);
        };
        return (reader, line, candidates) -> {
            String word = line.word();
            if (line.wordIndex() == 0 && word.startsWith("/")) {
                COMMANDS.keySet().forEach(command -> candidates.add(new Candidate(command.split(" ")[0])));
                return;
            }
            List<String> words = line.words();
            if (!words.isEmpty() && words.get(0).equals("/describe")) {
                session.model().baseTables().forEach(table -> candidates.add(new Candidate(table)));
                return;
            }
            vocabulary.get().forEach(candidate -> candidates.add(new Candidate(candidate)));
        };
    }
}
