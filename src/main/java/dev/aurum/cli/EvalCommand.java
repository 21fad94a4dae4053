package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Assistant;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.llm.LlmSettings;
import dev.aurum.eval.Baseline;
import dev.aurum.eval.ComparatorSettings;
import dev.aurum.eval.EvalGate;
import dev.aurum.eval.EvalReport;
import dev.aurum.eval.EvalReportWriter;
import dev.aurum.eval.EvalRunner;
import dev.aurum.eval.EvalSuite;
import dev.aurum.eval.EvalSuiteLoader;
import dev.aurum.eval.Evaluation;
import dev.aurum.eval.QuestionOutcome;
import dev.aurum.eval.ResultComparator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "eval", mixinStandardHelpOptions = true, description = {
        "Score the assistant's answers on an eval suite by execution accuracy.",
        "Checks first that every gold SQL runs and returns rows; then asks every question (follow-ups in one conversation) "
                + "and compares the rows with the gold SQL's: rows as multisets (in order when the gold SQL orders), columns by values, "
                + "numbers within a tolerance. Exit 1 when a gate (--min-accuracy, --max-wrong-rate) is missed.",
        "With --engine llm or auto and a model (--llm-model or AURUM_LLM_MODEL) the LLM route is scored; --record DIR saves every "
                + "model exchange, --replay DIR answers from saved exchanges without a network."})
public class EvalCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Option(names = "--suite", paramLabel = "FILE", description = "Eval suite (default: the project's evals/ suite named like its semantic model, " + EvalSuiteLoader.DEFAULT_SUITE + " of the checkout).")
    Path suite;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "offline", description = "offline, llm or auto (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--llm-model", paramLabel = "NAME", defaultValue = "${env:AURUM_LLM_MODEL}",
            description = "The LLM model for --engine llm or auto (env AURUM_LLM_MODEL); without one nothing is sent anywhere.")
    String llmModel;

    @Option(names = "--max-attempts", paramLabel = "N", description = "SQL attempts the LLM may take per question (default 3).")
    Integer maxAttempts;

    @Option(names = "--record", paramLabel = "DIR", description = "Save every model exchange (request and reply, JSON) in DIR, keyed by a hash of the request.")
    Path record;

    @Option(names = "--replay", paramLabel = "DIR", description = "Answer from the exchanges saved in DIR by --record, never the network.")
    Path replay;

    @Option(names = "--min-accuracy", paramLabel = "X", description = "Fail (exit 1) when accuracy is below X, a fraction 0..1 (e.g. 0.9).")
    Double minAccuracy;

    @Option(names = "--max-wrong-rate", paramLabel = "Y", description = "Fail (exit 1) when the wrong-answer rate is above Y, a fraction 0..1 (e.g. 0).")
    Double maxWrongRate;

    @Option(names = "--report", paramLabel = "FILE.md", description = "Write the Markdown report here.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here (a later run's --baseline).")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE.xml", description = "Write JUnit XML here, one testcase per question.")
    Path junit;

    @Option(names = "--baseline", paramLabel = "FILE", description = "An earlier --json report: list the questions whose score changed.")
    Path baseline;

    @Option(names = "--relative-tolerance", paramLabel = "R", defaultValue = "1e-6", description = "Numbers are equal within R of the larger (default: ${DEFAULT-VALUE}).")
    double relativeTolerance;

    @Option(names = "--absolute-tolerance", paramLabel = "A", defaultValue = "0.01", description = "... or within A (default: ${DEFAULT-VALUE}).")
    double absoluteTolerance;

    @Option(names = "--on-lakehouse", description = "Score on the lakehouse of --lakehouse instead of the fixed, seeded eval lakehouse (target/eval-lakehouse).")
    boolean onLakehouse;

    @Option(names = "--question-timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Time limit per question (default: ${DEFAULT-VALUE}).")
    long questionTimeoutSeconds;

    private final EvalEnvironment.Factory environments;
    private final PrintStream out;

    public EvalCommand()
    {
        this(null, System.out);
    }

    EvalCommand(EvalEnvironment.Factory environments, PrintStream out)
    {
        // null: the real environment, which depends on --on-lakehouse
        this.environments = environments;
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public Integer call()
    {
        Engine chosen;
        try {
            chosen = Engine.parse(engine);
        }
        catch (IllegalArgumentException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "unknown engine '" + engine + "'; use offline, llm or auto");
        }
        EvalGate gate;
        ResultComparator comparator;
        try {
            gate = new EvalGate(optional(minAccuracy), optional(maxWrongRate));
            comparator = new ResultComparator(new ComparatorSettings(relativeTolerance, absoluteTolerance));
        }
        catch (IllegalArgumentException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, e.getMessage());
        }
        if (questionTimeoutSeconds < 1) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--question-timeout must be at least 1 second");
        }
        LlmSettings llm = llmSettings();
        EvalSuite evalSuite = loadSuite();
        Optional<Baseline> previous = Optional.ofNullable(baseline).map(Baseline::read);

        EvalEnvironment.Factory factory = environments != null ? environments
                : options -> new LakehouseEvalEnvironment(options, onLakehouse, new PrintWriter(out, true), llm);
        try (EvalEnvironment environment = factory.open(common)) {
            // the assistant is built only once the gold SQL has passed
            Assistant assistant = questionEngine -> environment.assistant(questionEngine).newConversation(questionEngine);
            EvalRunner runner = new EvalRunner(assistant, environment.gold(), comparator, environment.errors(), Duration.ofSeconds(questionTimeoutSeconds));
            out.printf(Locale.ROOT, "Eval suite %s: %d questions, engine %s, data: %s%n", evalSuite.source(), evalSuite.items().size(),
                    chosen.name().toLowerCase(Locale.ROOT), environment.data());
            EvalReport result = new Evaluation(runner, environment.model(), Clock.systemUTC())
                    .run(evalSuite, chosen, environment.data(), environment.dataDate(), gate, previous, this::progress);
            write(result);
            summarize(result);
            return result.gatePassed() ? 0 : ErrorCode.GATE_FAILED.exitCode();
        }
    }

    /** The LLM settings of the eval: the environment, then the flags; a replay needs no model name (it never calls one). */
    LlmSettings llmSettings()
    {
        LlmSettings.Builder builder = EngineOptions.llmSettings(System.getenv(), llmModel, maxAttempts).record(record).replay(replay);
        if (replay != null && (llmModel == null || llmModel.isBlank())) {
            builder.model("replay");
        }
        return builder.build();
    }

    private EvalSuite loadSuite()
    {
        EvalSuiteLoader loader = new EvalSuiteLoader();
        if (suite != null) {
            return loader.load(suite);
        }
        return ProjectDefinitions.defaultSuite(common.project());
    }

    private void progress(QuestionOutcome outcome)
    {
        out.printf(Locale.ROOT, "  %-9s %-45s %s%n", outcome.correct() ? "right" : outcome.verdict().jsonName(), outcome.id(),
                outcome.reason().map(Enum::name).orElse("") + " (" + outcome.latencyMillis() + " ms)");
    }

    private void write(EvalReport result)
    {
        EvalReportWriter writer = new EvalReportWriter();
        writeFile(report, () -> writer.markdown(result));
        writeFile(json, () -> writer.json(result));
        writeFile(junit, () -> writer.junit(result));
    }

    private void writeFile(Path file, java.util.function.Supplier<String> text)
    {
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text.get());
            out.println("wrote " + file);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "cannot write " + file + ": " + e.getMessage() + "; check the folder exists and is writable");
        }
    }

    private void summarize(EvalReport result)
    {
        var summary = result.summary();
        out.printf(Locale.ROOT, "accuracy %.2f%% (%d/%d right), wrong answers %.2f%% (%d), abstentions %d, errors %d, latency p50 %d ms, p95 %d ms, LLM tokens %d%n",
                100 * summary.accuracy(), summary.correct(), summary.total(), 100 * summary.wrongRate(), summary.wrong(), summary.abstained(), summary.errors(),
                summary.latencyP50Millis(), summary.latencyP95Millis(), summary.promptTokens() + summary.completionTokens());
        if (!result.changes().isEmpty()) {
            out.println(result.changes().size() + " question(s) changed against the baseline:");
            result.changes().forEach(change -> out.printf(Locale.ROOT, "  %-9s %s: %s -> %s%n", change.kind().name().toLowerCase(Locale.ROOT), change.id(),
                    change.before(), change.after()));
        }
        if (result.gatePassed()) {
            out.println("gate: " + (result.gate().minAccuracy().isEmpty() && result.gate().maxWrongRate().isEmpty() ? "none set" : "passed"));
        }
        else {
            result.gateMisses().forEach(miss -> out.println("gate missed: " + miss));
        }
    }

    private static OptionalDouble optional(Double value)
    {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
