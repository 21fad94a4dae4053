package dev.aurum.eval;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Engine;
import dev.aurum.semantic.SemanticModel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** One eval run from suite to report: gold check, questions, summary, gate, coverage and baseline changes. */
public final class Evaluation
{
    private final EvalRunner runner;
    private final Optional<SemanticModel> model;
    private final Clock clock;

    /** @param model the semantic model, for coverage (empty: no coverage section) */
    public Evaluation(EvalRunner runner, Optional<SemanticModel> model, Clock clock)
    {
        this.runner = requireNonNull(runner, "runner is null");
        this.model = requireNonNull(model, "model is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * @throws AurumException BAD_INPUT when a gold SQL fails or returns no rows (the message lists them by file:line)
     */
    public EvalReport run(EvalSuite suite, Engine engine, String data, Optional<String> dataDate, EvalGate gate, Optional<Baseline> baseline,
            Consumer<QuestionOutcome> progress)
    {
        Instant started = clock.instant();
        long start = System.nanoTime();
        GoldCheck goldCheck = runner.checkGold(suite);
        if (!goldCheck.passed()) {
            String problems = goldCheck.problems().stream()
                    .map(problem -> "  " + suite.source() + ":" + problem.line() + " " + problem.id() + ": " + problem.message())
                    .collect(Collectors.joining("\n"));
            throw new AurumException(ErrorCode.BAD_INPUT, goldCheck.problems().size() + " gold SQL queries of the suite do not run or return no rows; "
                    + "fix them (every answer item needs gold SQL that returns rows on the eval data):\n" + problems);
        }
        List<QuestionOutcome> outcomes = runner.run(suite, goldCheck, engine, progress);
        EvalSummary summary = EvalSummary.of(outcomes);
        return new EvalReport(
                suite.name(),
                suite.source(),
                engine.name().toLowerCase(Locale.ROOT),
                data,
                dataDate,
                started,
                (System.nanoTime() - start) / 1_000_000,
                gate,
                gate.misses(summary),
                summary,
                model.map(semanticModel -> Coverage.of(semanticModel, outcomes)),
                outcomes,
                baseline.map(Baseline::source),
                baseline.map(previous -> previous.compare(outcomes)).orElse(List.of()));
    }
}
