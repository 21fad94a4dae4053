package dev.aurum.eval;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.Assistant;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.Engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Runs a suite against an assistant: checks first that every gold SQL runs and returns rows, then asks each
 * question (follow-ups in one conversation, in order) within a time limit and scores the answer.
 */
public final class EvalRunner
{
    public static final Duration DEFAULT_QUESTION_TIMEOUT = Duration.ofMinutes(2);

    private final Assistant assistant;
    private final GoldQueryRunner gold;
    private final ResultComparator comparator;
    private final ErrorClassifier errors;
    private final Duration questionTimeout;

    public EvalRunner(Assistant assistant, GoldQueryRunner gold, ResultComparator comparator, ErrorClassifier errors, Duration questionTimeout)
    {
        this.assistant = requireNonNull(assistant, "assistant is null");
        this.gold = requireNonNull(gold, "gold is null");
        this.comparator = requireNonNull(comparator, "comparator is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.questionTimeout = requireNonNull(questionTimeout, "questionTimeout is null");
        if (questionTimeout.isNegative() || questionTimeout.isZero()) {
            throw new IllegalArgumentException("questionTimeout must be positive");
        }
    }

    /** Runs every answer item's gold SQL; an item whose SQL fails or returns no rows is a problem. */
    public GoldCheck checkGold(EvalSuite suite)
    {
        Map<String, ResultTable> results = new LinkedHashMap<>();
        List<GoldCheck.Problem> problems = new ArrayList<>();
        for (EvalItem item : suite.items()) {
            if (item.goldSql().isEmpty()) {
                continue;
            }
            try {
                ResultTable result = gold.run(item.goldSql().get());
                if (result.rowCount() == 0) {
                    problems.add(new GoldCheck.Problem(item.id(), item.line(), "the gold SQL returns no rows on the eval data"));
                }
                else {
                    results.put(item.id(), result);
                }
            }
            catch (AurumException e) {
                problems.add(new GoldCheck.Problem(item.id(), item.line(), "the gold SQL fails: " + e.getMessage()));
            }
        }
        return new GoldCheck(results, problems);
    }

    /**
     * Scores every question. Gold must have passed {@link #checkGold}.
     *
     * @param progress told of each outcome as it is scored
     */
    public List<QuestionOutcome> run(EvalSuite suite, GoldCheck goldCheck, Engine engine, Consumer<QuestionOutcome> progress)
    {
        if (!goldCheck.passed()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "the suite's gold SQL has problems; fix them before scoring: " + goldCheck.problems());
        }
        ExecutorService asker = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "aurum-eval-question");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, QuestionOutcome> byId = new LinkedHashMap<>();
            for (List<EvalItem> session : suite.sessions()) {
                Conversation conversation = assistant.newConversation(engine);
                for (EvalItem item : session) {
                    QuestionOutcome outcome = ask(asker, conversation, item, goldCheck);
                    byId.put(item.id(), outcome);
                    progress.accept(outcome);
                }
            }
            // report in suite order
            List<QuestionOutcome> outcomes = new ArrayList<>();
            for (EvalItem item : suite.items()) {
                outcomes.add(byId.get(item.id()));
            }
            return outcomes;
        }
        finally {
            asker.shutdownNow();
        }
    }

    private QuestionOutcome ask(ExecutorService asker, Conversation conversation, EvalItem item, GoldCheck goldCheck)
    {
        long start = System.nanoTime();
        Future<Answer> pending = asker.submit(() -> conversation.ask(item.id(), item.question()));
        Answer answer;
        try {
            answer = pending.get(questionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            pending.cancel(true);
            return outcome(item, Verdict.ERROR, FailureReason.TIMEOUT, "no answer within " + questionTimeout.toSeconds() + " s", null, millisSince(start));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AurumException(ErrorCode.CANCELLED, "the eval was interrupted");
        }
        catch (ExecutionException e) {
            // Conversation.ask must not throw; if it does, that is the assistant's error
            return outcome(item, Verdict.ERROR, FailureReason.SQL_ERROR, "the assistant threw " + e.getCause(), null, millisSince(start));
        }
        long latency = millisSince(start);
        return score(item, answer, goldCheck.results().get(item.id()), latency);
    }

    /** Scores one answer against what was expected (visible for tests). */
    QuestionOutcome score(EvalItem item, Answer answer, ResultTable goldResult, long latencyMillis)
    {
        return switch (answer.status()) {
            case ANSWERED -> {
                if (item.expect() != Expectation.ANSWER) {
                    yield outcome(item, Verdict.WRONG, FailureReason.ANSWERED_INSTEAD,
                            "answered with " + rows(answer) + " where a " + (item.expect() == Expectation.CLARIFY ? "clarification" : "refusal") + " was expected",
                            answer, latencyMillis);
                }
                Comparison comparison = comparator.compare(goldResult, ResultTable.of(answer), item.ordered());
                yield comparison.failure()
                        .map(reason -> outcome(item, Verdict.WRONG, reason, comparison.detail(), answer, latencyMillis))
                        .orElseGet(() -> outcome(item, Verdict.CORRECT, null, comparison.detail(), answer, latencyMillis));
            }
            case CLARIFICATION -> item.expect() == Expectation.CLARIFY
                    ? outcome(item, Verdict.CORRECT, null, "asked back: " + message(answer), answer, latencyMillis)
                    : outcome(item, Verdict.ABSTAINED, FailureReason.CLARIFIED_INSTEAD, "asked back: " + message(answer), answer, latencyMillis);
            case REFUSED -> item.expect() == Expectation.REFUSE
                    ? outcome(item, Verdict.CORRECT, null, "refused: " + message(answer), answer, latencyMillis)
                    : outcome(item, Verdict.ABSTAINED, FailureReason.REFUSED_INSTEAD, "refused: " + message(answer), answer, latencyMillis);
            case ERROR -> outcome(item, Verdict.ERROR, errors.classify(answer), "error: " + message(answer), answer, latencyMillis);
        };
    }

    private static QuestionOutcome outcome(EvalItem item, Verdict verdict, FailureReason reason, String detail, Answer answer, long latencyMillis)
    {
        Answer.Timings timings = answer == null ? null : answer.timings();
        return new QuestionOutcome(
                item.id(),
                item.question(),
                item.expect(),
                item.tags(),
                item.conversation(),
                verdict,
                Optional.ofNullable(reason),
                detail,
                answer == null ? "timeout" : answer.status().jsonName(),
                answer == null || answer.route() == null ? null : answer.route().jsonName(),
                answer == null ? null : answer.sql(),
                answer == null ? null : answer.rowCount(),
                latencyMillis,
                timings == null || timings.promptTokens() == null ? 0 : timings.promptTokens(),
                timings == null || timings.completionTokens() == null ? 0 : timings.completionTokens(),
                usage(answer));
    }

    private static QuestionOutcome.Usage usage(Answer answer)
    {
        if (answer == null || answer.provenance() == null) {
            return QuestionOutcome.Usage.NONE;
        }
        Answer.Provenance provenance = answer.provenance();
        return new QuestionOutcome.Usage(
                provenance.metrics() == null ? List.of() : provenance.metrics(),
                provenance.dimensions() == null ? List.of() : provenance.dimensions(),
                provenance.filters() == null ? List.of() : provenance.filters(),
                provenance.verifiedQuery());
    }

    private static String rows(Answer answer)
    {
        return (answer.rows() == null ? 0 : answer.rows().size()) + " rows";
    }

    private static String message(Answer answer)
    {
        return answer.message() == null ? "(no message)" : answer.message();
    }

    private static long millisSince(long startNanos)
    {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
