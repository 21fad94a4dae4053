package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Route;
import dev.aurum.lakehouse.Project;
import dev.aurum.render.AnswerJson;
import dev.aurum.render.AnswerRenderer;
import dev.aurum.render.ChartRenderer;
import dev.aurum.render.OutputFormat;
import dev.aurum.render.RenderSettings;
import dev.aurum.render.TerminalInfo;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.sql.DataDate;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.SqlGuard;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

import static java.util.Objects.requireNonNull;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {
                "Run validated, read-only SQL over the Gold tables.",
                "",
                "Every statement goes through the SQL guard (one query over the semantic model's Gold tables, nothing else) "
                        + "and runs with a row cap and a timeout. With --file, statements are separated by ';' (a ';' inside a string, "
                        + "identifier or comment does not split) and run in turn; a failed statement does not stop the rest.",
                ""},
        footer = {
                "",
                "Examples:",
                "  ./aurum sql \"SELECT * FROM gold.TABLE LIMIT 7\"      # a table of the semantic model",
                "  ./aurum sql --file report.sql --format csv > report.csv",
                "  ./aurum sql \"SELECT DAY_COLUMN, AMOUNT_COLUMN FROM gold.TABLE\" --chart trend.png",
                "",
                "Exit codes: 0 every statement ran, 1 a statement failed while running, 2 a statement was rejected or the "
                        + "input is bad (the highest code of all statements)."})
public class SqlCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "The query to run (or use --file).")
    String sql;

    @Option(names = "--file", paramLabel = "FILE", description = "Run the statements of FILE ('-' reads stdin), separated by ';'.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: table (default), markdown, csv, json, jsonl. With --file, json is one array of answers.")
    String format;

    @Option(names = "--chart", paramLabel = "FILE.png",
            description = "Also draw the result as a PNG chart (line for a time series, bar for categories; none for one value). "
                    + "With several statements: FILE-1.png, FILE-2.png, ...")
    Path chart;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + RenderSettings.DEFAULT_MAX_ROWS,
            description = "Rows shown in a table before '… N more rows' (default: ${DEFAULT-VALUE}); csv and json hold every row.")
    int maxRows;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Cancel a statement that runs longer than this (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    private final BiFunction<CommonOptions, ExecutorSettings, SqlSession> sessions;

    /** What the command needs to run SQL; the real one is Spark with the guard and the executor. */
    interface SqlSession
            extends AutoCloseable
    {
        /** Guards and runs one statement. @throws AurumException SQL_REJECTED, TIMEOUT, RUN_FAILED, ... */
        QueryResult execute(String statement);

        /** Column name → money, integer, decimal or percent: the semantic model's metric formats. */
        Map<String, String> columnFormats();

        /** What goes before money: the semantic model's currency symbol (empty for none). */
        default String currencySymbol()
        {
            return "";
        }

        @Override
        void close();
    }

    public SqlCommand()
    {
        this(SparkSqlSession::open);
    }

    /** @param sessions opens the session for the command's options and executor limits */
    SqlCommand(BiFunction<CommonOptions, ExecutorSettings, SqlSession> sessions)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    /** One statement of the input, with the line it starts on (1-based). */
    record Statement(String text, int line)
    {
        Statement
        {
            requireNonNull(text, "text is null");
        }
    }

    @Override
    public Integer call()
    {
        if ((sql == null) == (file == null)) {
            throw new ParameterException(spec.commandLine(), sql == null
                    ? "Give the SQL to run, e.g. ./aurum sql \"SELECT * FROM gold.TABLE LIMIT 10\", or --file FILE."
                    : "Give either the SQL or --file, not both.");
        }
        if (maxRows < 1) {
            throw new ParameterException(spec.commandLine(), "--max-rows must be at least 1.");
        }
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second.");
        }
        OutputFormat outputFormat = OutputFormat.parse(format);
        List<Statement> statements = file == null ? List.of(new Statement(sql.strip(), 1)) : split(readFile(file));
        if (statements.isEmpty() || statements.get(0).text().isEmpty()) {
            throw new AurumException(ErrorCode.BAD_INPUT, (file == null ? "The SQL is empty" : file + " holds no SQL statement")
                    + "; give a query such as SELECT * FROM gold.TABLE LIMIT 10 (a table of the semantic model).");
        }

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TerminalInfo terminal = outputFormat == OutputFormat.TABLE ? TerminalInfo.detect() : TerminalInfo.notATerminal();
        boolean several = file != null;
        List<Answer> answers = new ArrayList<>();
        int exitCode = 0;
        ExecutorSettings limits = new ExecutorSettings(ExecutorSettings.DEFAULT_ROW_CAP, Duration.ofSeconds(timeoutSeconds));
        try (SqlSession session = sessions.apply(common, limits)) {
            RenderSettings settings = RenderSettings.defaults()
                    .withAnsi(terminal.ansi())
                    .withTerminalWidth(terminal.width())
                    .withMaxRows(maxRows)
                    .withColumnFormats(session.columnFormats())
                    .withCurrencySymbol(session.currencySymbol());
            AnswerRenderer renderer = new AnswerRenderer(settings, new AnswerJson());
            ChartRenderer charts = chart == null ? null : new ChartRenderer();
            for (int index = 0; index < statements.size(); index++) {
                Statement statement = statements.get(index);
                Answer answer = run(session, statement);
                answers.add(answer);
                exitCode = Math.max(exitCode, exitCodeOf(answer));
                if (charts != null && answer.status() == AnswerStatus.ANSWERED) {
                    drawChart(charts, answer, several ? numbered(chart, index + 1) : chart, err);
                }
                if (outputFormat == OutputFormat.JSON && several) {
                    continue; // one array at the end
                }
                if (several && statements.size() > 1 && (outputFormat == OutputFormat.TABLE || outputFormat == OutputFormat.MARKDOWN)) {
                    out.print((index > 0 ? "\n" : "") + heading(statement, index + 1, statements.size(), outputFormat));
                }
                else if (index > 0 && outputFormat == OutputFormat.CSV) {
                    out.print("\r\n");
                }
                out.print(renderer.render(answer, outputFormat));
                err.print(renderer.diagnostics(answer, outputFormat));
                out.flush();
                err.flush();
            }
            if (outputFormat == OutputFormat.JSON && several) {
                out.print(renderer.renderAll(answers, OutputFormat.JSON));
            }
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    private Answer run(SqlSession session, Statement statement)
    {
        String id = UUID.randomUUID().toString();
        long started = System.nanoTime();
        try {
            QueryResult result = session.execute(statement.text());
            long totalMillis = (System.nanoTime() - started) / 1_000_000;
            return Answer.answered(id, null, Route.SQL, result, null, ChartRenderer.chartFor(chartless(result)),
                    new Answer.Provenance(null, null, null, null, null, null, null, result.dataDate(), result.tableVersions()),
                    new Answer.Timings(totalMillis, result.guardMillis(), result.executeMillis(), null, null, null));
        }
        catch (AurumException e) {
            long totalMillis = (System.nanoTime() - started) / 1_000_000;
            AnswerStatus status = e.code() == ErrorCode.SQL_REJECTED ? AnswerStatus.REFUSED : AnswerStatus.ERROR;
            return failed(id, statement, status, e.getMessage(), totalMillis);
        }
        catch (RuntimeException e) {
            long totalMillis = (System.nanoTime() - started) / 1_000_000;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return failed(id, statement, AnswerStatus.ERROR, "the query failed: " + message, totalMillis);
        }
    }

    /** An answer of the result alone, to infer its chart from. */
    private static Answer chartless(QueryResult result)
    {
        return Answer.answered("chart", null, Route.SQL, result, null, null, null, null);
    }

    private Answer failed(String id, Statement statement, AnswerStatus status, String message, long totalMillis)
    {
        String where = file == null ? "" : "statement at line " + statement.line() + ": ";
        Answer.Timings timings = new Answer.Timings(totalMillis, null, null, null, null, null);
        return status == AnswerStatus.REFUSED
                ? Answer.refused(id, null, Route.SQL, statement.text(), where + message, null, timings)
                : Answer.error(id, null, Route.SQL, statement.text(), where + message, null, timings);
    }

    private static int exitCodeOf(Answer answer)
    {
        return switch (answer.status()) {
            case ANSWERED -> 0;
            case REFUSED -> ErrorCode.SQL_REJECTED.exitCode();
            case ERROR -> ErrorCode.RUN_FAILED.exitCode();
            case CLARIFICATION -> AnswerStatus.CLARIFICATION.exitCode();
        };
    }

    private static void drawChart(ChartRenderer charts, Answer answer, Path target, PrintWriter err)
    {
        var drawn = charts.write(answer, target);
        if (drawn.isPresent()) {
            err.println("chart (" + drawn.get().type() + " of " + drawn.get().y() + " by " + drawn.get().x() + ") written to " + target);
        }
        else {
            err.println("no chart for this result (a single value, no rows, or nothing numeric to plot); " + target + " not written");
        }
    }

    private static String heading(Statement statement, int number, int count, OutputFormat format)
    {
        String text = "statement " + number + " of " + count + " (line " + statement.line() + ")";
        return format == OutputFormat.MARKDOWN ? "### " + text + "\n\n" : "-- " + text + "\n";
    }

    /** {@code report.png} → {@code report-2.png}. */
    static Path numbered(Path chart, int number)
    {
        String name = chart.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + number + name.substring(dot) : name + "-" + number;
        return chart.resolveSibling(numbered);
    }

    private static String readFile(Path file)
    {
        try {
            if (file.toString().equals("-")) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (CharacterCodingException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot read " + file + ": it is not UTF-8 text; save it as UTF-8.", e);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check the path and its permissions.", e);
        }
    }

    /**
     * Splits a script into statements at each {@code ;} that is not inside a string ({@code '…'} or {@code "…"}, with
     * backslash escapes), a backtick identifier, a {@code --} comment or a (nested) {@code /* … *}{@code /} comment.
     * Statements holding only blanks and comments are dropped, and so are comments before a statement's first word.
     */
    static List<Statement> split(String script)
    {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int contentStart = 0;
        int length = script.length();
        for (int index = 0; index < length; index++) {
            char character = script.charAt(index);
            char next = index + 1 < length ? script.charAt(index + 1) : '\0';
            if (character == ';') {
                add(statements, current, contentStart, startLine);
                current.setLength(0);
                startLine = -1;
                continue;
            }
            int end;
            boolean content = true;
            if (character == '-' && next == '-') {
                end = script.indexOf('\n', index);
                end = end < 0 ? length : end;
                content = false;
            }
            else if (character == '/' && next == '*') {
                end = endOfBlockComment(script, index);
                content = false;
            }
            else if (character == '\'' || character == '"') {
                end = endOfQuoted(script, index, character, true);
            }
            else if (character == '`') {
                end = endOfQuoted(script, index, '`', false);
            }
            else {
                end = index + 1;
                content = !Character.isWhitespace(character);
            }
            if (content && startLine < 0) {
                startLine = line;
                contentStart = current.length(); // comments before the statement are dropped
            }
            String piece = script.substring(index, end);
            current.append(piece);
            line += (int) piece.chars().filter(c -> c == '\n').count();
            index = end - 1;
        }
        add(statements, current, contentStart, startLine);
        return statements;
    }

    private static void add(List<Statement> statements, StringBuilder current, int contentStart, int startLine)
    {
        if (startLine >= 0) {
            statements.add(new Statement(current.substring(contentStart).strip(), startLine));
        }
    }

    /** The index after the closing quote (or the end of the text when it never closes). */
    private static int endOfQuoted(String script, int start, char quote, boolean backslashEscapes)
    {
        for (int index = start + 1; index < script.length(); index++) {
            char character = script.charAt(index);
            if (backslashEscapes && character == '\\') {
                index++;
            }
            else if (character == quote) {
                if (!backslashEscapes && index + 1 < script.length() && script.charAt(index + 1) == quote) {
                    index++; // `a``b`
                }
                else {
                    return index + 1;
                }
            }
        }
        return script.length();
    }

    private static int endOfBlockComment(String script, int start)
    {
        int depth = 0;
        for (int index = start; index < script.length() - 1; index++) {
            if (script.charAt(index) == '/' && script.charAt(index + 1) == '*') {
                depth++;
                index++;
            }
            else if (script.charAt(index) == '*' && script.charAt(index + 1) == '/') {
                depth--;
                index++;
                if (depth == 0) {
                    return index + 1;
                }
            }
        }
        return script.length();
    }

    /** The real session: the lakehouse's Spark query session, the guard over the semantic model's tables, the executor. */
    static final class SparkSqlSession
            implements SqlSession
    {
        private final QueryExecutor executor;
        private final Map<String, String> columnFormats;
        private final String currencySymbol;
        private final Runnable onClose;

        /**
         * @param querySession a session without file access ({@code SparkSessions.querySession})
         * @param onClose what closing the session does (stopping Spark, for the command)
         */
        SparkSqlSession(SparkSession querySession, SemanticModel model, ExecutorSettings settings, Runnable onClose)
        {
            SqlGuard guard = new SqlGuard(querySession, allowList(model));
            this.executor = new QueryExecutor(querySession, guard, settings, DataDate.of(querySession, model));
            this.columnFormats = SqlCommand.columnFormats(model);
            this.currencySymbol = model.currencySymbol();
            this.onClose = requireNonNull(onClose, "onClose is null");
        }

        static SqlSession open(CommonOptions options, ExecutorSettings settings)
        {
            SemanticModel model = loadModel(options.project());
            if (!Files.isDirectory(options.layout().gold())) {
                throw new AurumException(ErrorCode.NO_LAKEHOUSE, "There are no Gold tables in " + options.layout().root()
                        + "; build the lakehouse first with ./aurum pipeline run (or ./aurum chat, which builds sample data).");
            }
            AppContext context = AppContext.of(options);
            try {
                return new SparkSqlSession(context.querySession(), model, settings, context::close);
            }
            catch (RuntimeException e) {
                context.close();
                throw e;
            }
        }

        @Override
        public QueryResult execute(String statement)
        {
            return executor.execute(statement);
        }

        @Override
        public Map<String, String> columnFormats()
        {
            return columnFormats;
        }

        @Override
        public String currencySymbol()
        {
            return currencySymbol;
        }

        @Override
        public void close()
        {
            onClose.run();
        }
    }

    static SemanticModel loadModel(Project project)
    {
        return ProjectDefinitions.model(project);
    }

    /** The guard's allow list: the model's base tables, lower case. */
    static Set<String> allowList(SemanticModel model)
    {
        Set<String> tables = new LinkedHashSet<>();
        for (String table : model.baseTables()) {
            tables.add(table.toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    /**
     * Metric formats by metric name ({@code revenue} → money, {@code late_delivery_rate} → percent), so a query that
     * names its columns after metrics shows them the way the model says.
     */
    static Map<String, String> columnFormats(SemanticModel model)
    {
        Map<String, String> formats = new LinkedHashMap<>();
        for (SemanticTable table : model.tables()) {
            for (Metric metric : table.metrics()) {
                formats.putIfAbsent(metric.name(), metric.format());
            }
        }
        return formats;
    }
}
