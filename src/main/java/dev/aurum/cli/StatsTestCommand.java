package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.render.AnswerJson;
import dev.aurum.render.AnswerRenderer;
import dev.aurum.render.OutputFormat;
import dev.aurum.render.RenderSettings;
import dev.aurum.render.StatsReportRenderer;
import dev.aurum.render.TerminalInfo;
import dev.aurum.stats.StatisticsService;
import dev.aurum.stats.StatsOutcome;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/** What {@code stats anova}, {@code stats ttest} and {@code stats chisq} share: options, session, output. */
abstract class StatsTestCommand
        implements Callable<Integer>
{
    private static final Set<OutputFormat> FORMATS = Set.of(OutputFormat.TABLE, OutputFormat.MARKDOWN, OutputFormat.JSON, OutputFormat.JSONL);

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", paramLabel = "T", description = "Table of the semantic model (default: the first that has the columns).")
    String table;

    @Option(names = "--filter", paramLabel = "F",
            description = "A named filter of the semantic model (e.g. revenue_only), a boolean SQL expression checked by the SQL guard, or none. "
                    + "Default for money values: the model's revenue filter.")
    String filter;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Significance level (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "Output: table (default), markdown, json, jsonl.")
    String format;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Also draw the chart as PNG (group means with 95% intervals).")
    Path chart;

    private final Function<CommonOptions, StatsSession> sessions;

    StatsTestCommand(Function<CommonOptions, StatsSession> sessions)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    /** Runs the test; throws AurumException BAD_INPUT / UNKNOWN_COLUMN for input it cannot test. */
    abstract StatsOutcome.Answered run(StatisticsService service);

    /** Draws the chart of the answer to {@code chart}. */
    abstract void drawChart(StatsOutcome.Answered answered, Path file);

    @Override
    public Integer call()
    {
        OutputFormat outputFormat = OutputFormat.parse(format);
        if (!FORMATS.contains(outputFormat)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--format " + format + " does not fit a statistics report; use table, markdown, json or jsonl.");
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--alpha must be between 0 and 0.5 (for example 0.05), got " + alpha + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        try (StatsSession session = sessions.apply(common)) {
            StatisticsService service = new StatisticsService(session.model(), session::execute);
            StatsOutcome.Answered answered = run(service);
            long totalMillis = (System.nanoTime() - started) / 1_000_000;
            Answer answer = toAnswer(answered, totalMillis);
            TerminalInfo terminal = outputFormat == OutputFormat.TABLE ? TerminalInfo.detect() : TerminalInfo.notATerminal();
            RenderSettings settings = RenderSettings.defaults().withAnsi(terminal.ansi()).withTerminalWidth(terminal.width())
                    .withCurrencySymbol(session.model().currencySymbol());
            out.print(new AnswerRenderer(settings, new AnswerJson()).render(answer, outputFormat));
            if (outputFormat == OutputFormat.TABLE || outputFormat == OutputFormat.MARKDOWN) {
                out.print(new StatsReportRenderer(settings).render(answered.analysis(), outputFormat));
            }
            if (chart != null) {
                drawChart(answered, chart);
                err.println("chart written to " + chart);
            }
            out.flush();
            err.flush();
            return 0;
        }
    }

    static Answer toAnswer(StatsOutcome.Answered answered, long totalMillis)
    {
        Object filter = answered.analysis().get("filter");
        return Answer.analyzed(UUID.randomUUID().toString(), null, answered.sql(), answered.columns(), answered.rows(), answered.summary(),
                new ChartHint("bar", answered.chartX(), answered.chartY()), answered.analysis(),
                new Answer.Provenance(null, null, filter == null ? null : List.of(String.valueOf(filter)), null, null, null, null, answered.dataDate(),
                        answered.tableVersions()),
                new Answer.Timings(totalMillis, null, null, null, null, null));
    }
}
