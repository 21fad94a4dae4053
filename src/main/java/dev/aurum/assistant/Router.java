package dev.aurum.assistant;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.offline.PlannerResult;
import dev.aurum.assistant.offline.QueryPlan;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Sends each question down the route its engine allows (DESIGN.md "Engines"): hypothesis tests to statistics
 * under every engine; {@code offline} and {@code auto} try a verified query, then the semantic planner, then ask
 * back; {@code llm} (not built yet) says so. Every answer carries its route, provenance and timings and is
 * written to the audit log.
 */
public final class Router
        implements Assistant
{
    static final String STATS_NOT_BUILT = "Statistics are not built yet in this version of Aurum, so hypothesis tests "
            + "(\"is X different across Y?\") cannot be answered; ask for the numbers instead, e.g. \"average order value by state\".";
    static final String LLM_NOT_BUILT = "The LLM route is not built yet in this version of Aurum; use --engine offline or --engine auto "
            + "(the default), which answer from the semantic model without a network.";

    private final SemanticModel model;
    private final QuestionPlanner planner;
    private final Optional<VerifiedQueryMatcher> matcher;
    private final SqlRunner runner;
    private final RouterSettings settings;
    private final AnswerLog log;
    private final QuestionWords plainWords = QuestionWords.plain();
    private final Map<String, String> metricFormats;

    public Router(SemanticModel model, QuestionPlanner planner, Optional<VerifiedQueryMatcher> matcher, SqlRunner runner,
            RouterSettings settings, AnswerLog log)
    {
        this.model = requireNonNull(model, "model is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.matcher = requireNonNull(matcher, "matcher is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.log = requireNonNull(log, "log is null");
        Map<String, String> formats = new HashMap<>();
        for (SemanticTable table : model.tables()) {
            for (Metric metric : table.metrics()) {
                formats.putIfAbsent(metric.name(), metric.format());
            }
        }
        this.metricFormats = Map.copyOf(formats);
    }

    @Override
    public Conversation newConversation(Engine engine)
    {
        return new ConversationImpl(this, requireNonNull(engine, "engine is null"));
    }

    /** Cancels the query running now (Ctrl-C). */
    public void cancel()
    {
        runner.cancel();
    }

    /** Runs SQL the user typed (the chat's {@code /sql}); the guard still decides. Route {@code sql}. */
    public Answer runSql(String id, String sql, Engine engine)
    {
        long start = System.nanoTime();
        Answer answer = execute(id, sql, Route.SQL, sql, Map.of(), null, List.of(), List.of(), null, start);
        log.record(engine, answer);
        return answer;
    }

    /** What one routed question produced: the answer, the plan to refine next, and runnable clarification choices. */
    record Outcome(Answer answer, Optional<QueryPlan> plan, Map<String, PlannerResult.Planned> choicePlans)
    {
        Outcome
        {
            requireNonNull(answer, "answer is null");
            requireNonNull(plan, "plan is null");
            choicePlans = Map.copyOf(choicePlans);
        }
    }

    Outcome route(String id, String question, Engine engine, Optional<QueryPlan> previous)
    {
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = routeUnlogged(id, question, engine, previous, start);
        }
        catch (RuntimeException e) {
            // Conversation.ask never throws: a bug becomes an error answer the user can report
            outcome = new Outcome(failure(id, question, null, null, "Something went wrong: " + e + ". Please report this question.", start),
                    Optional.empty(), Map.of());
        }
        log.record(engine, outcome.answer());
        return outcome;
    }

    Outcome runChoice(String id, String question, Engine engine, PlannerResult.Planned planned)
    {
        long start = System.nanoTime();
        Answer answer = planned(id, question, planned, start);
        log.record(engine, answer);
        return new Outcome(answer, Optional.of(planned.plan()), Map.of());
    }

    private Outcome routeUnlogged(String id, String question, Engine engine, Optional<QueryPlan> previous, long start)
    {
        if (HypothesisQuestions.isHypothesisTest(question)) {
            return new Outcome(failure(id, question, Route.STATS, null, STATS_NOT_BUILT, start), Optional.empty(), Map.of());
        }
        return switch (engine) {
            case LLM -> new Outcome(failure(id, question, Route.LLM, null, LLM_NOT_BUILT, start), Optional.empty(), Map.of());
            case OFFLINE, AUTO -> offline(id, question, engine, previous, start);
        };
    }

    private Outcome offline(String id, String question, Engine engine, Optional<QueryPlan> previous, long start)
    {
        // a verified query must account for every word, so a follow-up ("now by state") never matches one
        Optional<TrustedMatch> trusted = matcher.flatMap(m -> m.match(question));
        if (trusted.isPresent()) {
            return new Outcome(trusted(id, question, trusted.get(), start), Optional.empty(), Map.of());
        }
        PlannerResult result;
        try {
            result = planner.plan(question, previous);
        }
        catch (AurumException e) {
            return new Outcome(failure(id, question, Route.PLANNER, null, e.getMessage(), start), Optional.empty(), Map.of());
        }
        if (result instanceof PlannerResult.Planned planned) {
            if (planned.coversAllWords()) {
                return new Outcome(planned(id, question, planned, start), Optional.of(planned.plan()), Map.of());
            }
            return partial(id, question, engine, planned, start);
        }
        if (result instanceof PlannerResult.Clarify clarify) {
            String message = clarify.message() + llmNote(engine);
            Answer answer = new Answer(id, question, AnswerStatus.CLARIFICATION, Route.PLANNER, null, null, null, null, null, null, message,
                    clarify.choices(), null, null, provenance(clarify.partial(), null, clarify.understood(), List.of(), null, clarify.partial() == null ? null : clarify.partial().filters()),
                    timings(start, null));
            return new Outcome(answer, previous, Map.of());
        }
        PlannerResult.Refuse refuse = (PlannerResult.Refuse) result;
        Answer answer = new Answer(id, question, AnswerStatus.REFUSED, Route.PLANNER, null, null, null, null, null, null, refuse.reason(),
                null, null, null, null, timings(start, null));
        return new Outcome(answer, previous, Map.of());
    }

    /** The planner understood only part of the question: never guess, offer its reading as a choice. */
    private Outcome partial(String id, String question, Engine engine, PlannerResult.Planned planned, long start)
    {
        List<String> missed = notUnderstood(question, planned.understood());
        String reading = "Answer " + describe(planned.plan());
        String message = "I am not sure what " + (missed.isEmpty() ? "part of the question" : quoteAll(missed))
                + " means here, so I did not guess. Pick the reading below, or rephrase with names from /metrics." + llmNote(engine);
        Answer answer = new Answer(id, question, AnswerStatus.CLARIFICATION, Route.PLANNER, planned.sql(), null, null, null, null, null, message,
                List.of(reading), planned.chart(), null, provenance(planned.plan(), null, planned.understood(), List.of(), null, planned.plan().filters()),
                timings(start, null));
        return new Outcome(answer, Optional.empty(), Map.of(reading, planned));
    }

    private String llmNote(Engine engine)
    {
        return engine == Engine.AUTO && settings.llmConfigured()
                ? " (An LLM model is named, but the LLM route is not built yet in this version of Aurum.)"
                : "";
    }

    private Answer planned(String id, String question, PlannerResult.Planned planned, long start)
    {
        Answer answer = execute(id, question, Route.PLANNER, planned.sql(), planned.columnFormats(), planned.plan(), planned.understood(),
                planned.plan().filters(), null, start, planned.chart());
        return planned.exclusionCheck() == null ? answer : explainZero(answer, planned.exclusionCheck());
    }

    /**
     * An answer whose metric is 0 or NULL everywhere, for a metric that counts only rows where a boolean column holds: when
     * the question's filters select rows but none of them counts ("revenue of canceled orders"), say that the
     * result holds by definition and which metric counts those rows, instead of letting a bare 0 pass for a fact.
     */
    private Answer explainZero(Answer answer, PlannerResult.ExclusionCheck check)
    {
        if (answer.status() != AnswerStatus.ANSWERED || answer.columns() == null || answer.rows() == null || answer.rows().isEmpty()) {
            return answer;
        }
        int metric = answer.columns().stream().map(ResultColumn::name).toList().indexOf(check.metric());
        if (metric < 0 || !answer.rows().stream().allMatch(row -> row.get(metric) == null || (row.get(metric) instanceof Number number && number.doubleValue() == 0))) {
            return answer;
        }
        QueryResult counts;
        try {
            counts = runner.run(check.sql());
        }
        catch (AurumException e) {
            return answer;
        }
        if (counts.rows().isEmpty() || !(counts.rows().get(0).get(0) instanceof Number matching) || !(counts.rows().get(0).get(1) instanceof Number counted)
                || matching.longValue() == 0 || counted.longValue() != 0) {
            return answer;
        }
        String metricWords = check.metric().replace('_', ' ');
        boolean noValue = answer.rows().stream().allMatch(row -> row.get(metric) == null);
        StringBuilder message = new StringBuilder(Character.toUpperCase(metricWords.charAt(0)) + metricWords.substring(1))
                .append(noValue ? " has no value (NULL) by definition here" : " is 0 by definition here").append(": it counts only rows where ").append(check.column()).append(" is true");
        if (!check.meaning().isBlank()) {
            message.append(" (").append(check.meaning().strip().replaceAll("\\.$", "")).append(')');
        }
        message.append(", and none of the ").append(String.format(Locale.ROOT, "%,d", matching.longValue())).append(" rows this question selects does.");
        if (check.counterpart() != null) {
            String counterpart = check.counterpart().replace('_', ' ');
            message.append(' ').append(Character.toUpperCase(counterpart.charAt(0))).append(counterpart.substring(1)).append(" counts every row: ask for it instead.");
        }
        return new Answer(answer.id(), answer.question(), answer.status(), answer.route(), answer.sql(), answer.columns(), answer.rows(), answer.rowCount(),
                answer.truncated(), answer.summary(), message.toString(), answer.choices(), answer.chart(), answer.analysis(), answer.provenance(), answer.timings());
    }

    private Answer trusted(String id, String question, TrustedMatch match, long start)
    {
        List<String> filters = match.parameters().entrySet().stream()
                .map(entry -> VerifiedQueryMatcher.binding(match.query(), entry.getKey()) + " = " + entry.getValue())
                .toList();
        return execute(id, question, Route.TRUSTED, match.sql(), Map.of(), null, match.understood(), filters, match.query().name(), start);
    }

    private Answer execute(String id, String question, Route route, String sql, Map<String, String> formats, QueryPlan plan,
            List<Answer.Understood> understood, List<String> filters, String verifiedQuery, long start)
    {
        return execute(id, question, route, sql, formats, plan, understood, filters, verifiedQuery, start, null);
    }

    private Answer execute(String id, String question, Route route, String sql, Map<String, String> formats, QueryPlan plan,
            List<Answer.Understood> understood, List<String> filters, String verifiedQuery, long start, Answer.Chart chart)
    {
        QueryResult result;
        try {
            result = runner.run(sql);
        }
        catch (AurumException e) {
            String message = e.code() == ErrorCode.CANCELLED ? "Cancelled." : e.getMessage();
            return new Answer(id, question, AnswerStatus.ERROR, route, sql, null, null, null, null, null, message, null, null, null,
                    provenance(plan, verifiedQuery, understood, List.of(new Answer.Attempt(sql, e.getMessage())), null, filters),
                    timings(start, null));
        }
        Map<String, String> allFormats = new LinkedHashMap<>(metricFormats);
        allFormats.putAll(formats);
        String summary = AnswerSummary.summarize(result, allFormats, filters);
        return new Answer(id, question, AnswerStatus.ANSWERED, route, result.sql(), result.columns(), result.rows(), result.rowCount(),
                result.truncated(), summary, null, null, chart != null ? chart : chart(result), null,
                provenance(plan, verifiedQuery, understood, List.of(), result, filters), timings(start, result));
    }

    private Answer failure(String id, String question, Route route, String sql, String message, long start)
    {
        return new Answer(id, question, AnswerStatus.ERROR, route, sql, null, null, null, null, null, message, null, null, null, null,
                timings(start, null));
    }

    private static Answer.Provenance provenance(QueryPlan plan, String verifiedQuery, List<Answer.Understood> understood,
            List<Answer.Attempt> attempts, QueryResult result, List<String> filters)
    {
        return new Answer.Provenance(
                plan == null ? null : plan.metrics(),
                plan == null ? null : plan.dimensions(),
                filters,
                plan == null ? null : plan.joins(),
                verifiedQuery,
                understood,
                attempts,
                result == null ? null : result.dataDate(),
                result == null ? null : result.tableVersions());
    }

    private static Answer.Timings timings(long start, QueryResult result)
    {
        long total = (System.nanoTime() - start) / 1_000_000;
        return new Answer.Timings(total, result == null ? null : result.guardMillis(), result == null ? null : result.executeMillis(), null,
                null, null);
    }

    /** A line chart over time, a bar chart over categories, none for a single row. */
    static Answer.Chart chart(QueryResult result)
    {
        List<ResultColumn> columns = result.columns();
        if (result.rows().size() < 2 || columns.size() < 2) {
            return null;
        }
        ResultColumn measure = null;
        for (int i = columns.size() - 1; i > 0; i--) {
            if (columns.get(i).isNumeric()) {
                measure = columns.get(i);
                break;
            }
        }
        if (measure == null) {
            return null;
        }
        ResultColumn x = columns.get(0);
        Set<String> timeNames = Set.of("date", "purchase_date", "year", "quarter", "month", "week", "week_of_year", "day", "period", "hour");
        String type = x.type().toLowerCase(Locale.ROOT);
        boolean time = timeNames.contains(x.name()) || type.equals("date") || type.startsWith("timestamp");
        return new Answer.Chart(time ? "line" : "bar", x.name(), measure.name());
    }

    /** Content words of the question that no understood entry covers. */
    private List<String> notUnderstood(String question, List<Answer.Understood> understood)
    {
        Set<String> covered = new LinkedHashSet<>();
        for (Answer.Understood entry : understood) {
            covered.addAll(plainWords.content(entry.text()));
        }
        List<String> missed = new ArrayList<>();
        for (String word : plainWords.content(question)) {
            if (!covered.contains(word) && !missed.contains(word)) {
                missed.add(word);
            }
        }
        return missed;
    }

    private static String quoteAll(List<String> words)
    {
        return String.join(", ", words.stream().map(word -> "\"" + word + "\"").toList());
    }

    /** The plan in words: "revenue by customer_state where year = 2018". */
    static String describe(QueryPlan plan)
    {
        StringBuilder text = new StringBuilder(plan.metrics().isEmpty() ? "the rows" : String.join(" and ", plan.metrics()));
        if (!plan.dimensions().isEmpty()) {
            text.append(" by ").append(String.join(" and ", plan.dimensions()));
        }
        if (!plan.filters().isEmpty()) {
            text.append(" where ").append(String.join(" and ", plan.filters()));
        }
        return text.toString();
    }
}
