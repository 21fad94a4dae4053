package dev.aurum.assistant;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.proposal.Attempt;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Proposer;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.assistant.proposal.ResultSummarizer;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.assistant.proposal.Usage;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;
import dev.aurum.stats.StatsOutcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Decides how each question is answered (docs/architecture.md, "Answering a question"). The routes are
 * {@link Proposer}s: the verified-query matcher, the offline semantic planner and, when a model is named, the LLM
 * agent. Each proposes; the router picks a proposal by the engine's order, runs its SQL through the guard and answers.
 * Hypothesis tests go to statistics under every engine. {@code offline}: trusted query, planner, else ask back;
 * {@code llm}: the LLM; {@code auto}: trusted query, the planner when it understood every word, the LLM when one is
 * configured, else ask back with the planner's partial reading. Every answer carries its route, provenance and timings
 * and is written to the audit log.
 */
public final class Router
        implements Assistant
{
    static final String NO_STATISTICS = "Statistics are not set up in this session, so hypothesis tests (\"is X different across Y?\") "
            + "cannot be answered here; run ./aurum stats anova --help, or ask for the numbers instead.";
    static final String NO_MODEL = "--engine llm needs a model: name one with --llm-model NAME or AURUM_LLM_MODEL "
            + "(and AURUM_LLM_BASE_URL for a server other than OpenAI's), or use --engine offline.";

    private final SemanticModel model;
    private final Proposer planner;
    private final Optional<? extends Proposer> trusted;
    private final Optional<? extends Proposer> llm;
    private final Optional<ResultSummarizer> summarizer;
    private final Optional<Function<String, StatsOutcome>> statistics;
    private final SqlRunner runner;
    private final RouterSettings settings;
    private final AnswerLog log;
    private final QuestionWords plainWords = QuestionWords.plain();
    private final Map<String, String> metricFormats;
    private final String currencySymbol;
    private final Optional<AnswerCache> answers;

    public Router(SemanticModel model, Proposer planner, Optional<? extends Proposer> trusted, SqlRunner runner,
            RouterSettings settings, AnswerLog log)
    {
        this(model, planner, trusted, Optional.empty(), runner, settings, log);
    }

    /**
     * @param planner the offline semantic planner
     * @param trusted the verified-query matcher, when verified queries are loaded
     * @param llm the LLM agent, present only when a model is named
     */
    public Router(SemanticModel model, Proposer planner, Optional<? extends Proposer> trusted, Optional<? extends Proposer> llm,
            SqlRunner runner, RouterSettings settings, AnswerLog log)
    {
        this(model, planner, trusted, llm, Optional.empty(), runner, settings, log);
    }

    /** @param summarizer writes summaries of LLM answers from their rows (only when results are shared); local otherwise */
    public Router(SemanticModel model, Proposer planner, Optional<? extends Proposer> trusted, Optional<? extends Proposer> llm,
            Optional<ResultSummarizer> summarizer, SqlRunner runner, RouterSettings settings, AnswerLog log)
    {
        this(model, planner, trusted, llm, summarizer, Optional.empty(), runner, settings, log);
    }

    /** @param statistics answers hypothesis-test questions (the statistics route: it computes, it does not propose SQL) */
    public Router(SemanticModel model, Proposer planner, Optional<? extends Proposer> trusted, Optional<? extends Proposer> llm,
            Optional<ResultSummarizer> summarizer, Optional<Function<String, StatsOutcome>> statistics, SqlRunner runner, RouterSettings settings,
            AnswerLog log)
    {
        this(model, planner, trusted, llm, summarizer, statistics, runner, settings, log, Optional.empty());
    }

    private Router(SemanticModel model, Proposer planner, Optional<? extends Proposer> trusted, Optional<? extends Proposer> llm,
            Optional<ResultSummarizer> summarizer, Optional<Function<String, StatsOutcome>> statistics, SqlRunner runner, RouterSettings settings,
            AnswerLog log, Optional<AnswerCache> answers)
    {
        this.answers = requireNonNull(answers, "answers is null");
        this.summarizer = requireNonNull(summarizer, "summarizer is null");
        this.statistics = requireNonNull(statistics, "statistics is null");
        this.model = requireNonNull(model, "model is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.trusted = requireNonNull(trusted, "trusted is null");
        this.llm = requireNonNull(llm, "llm is null");
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
        this.currencySymbol = model.currencySymbol();
    }

    /** This router, answering a question asked again in the same context over unchanged tables from {@code cache}. */
    public Router cachingAnswers(AnswerCache cache)
    {
        return new Router(model, planner, trusted, llm, summarizer, statistics, runner, settings, log, Optional.of(cache));
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
        Answer answer = execute(id, sql, Route.SQL, sql, Map.of(), null, List.of(), List.of(), null, List.of(), Usage.NONE, start, null);
        log.record(engine, answer);
        return answer;
    }

    /** What one routed question produced: the answer, the plan to refine next, and runnable clarification choices. */
    record Outcome(Answer answer, Optional<QueryPlan> plan, Map<String, Proposal.Planned> choicePlans)
    {
        Outcome
        {
            requireNonNull(answer, "answer is null");
            requireNonNull(plan, "plan is null");
            choicePlans = Map.copyOf(choicePlans);
        }

        static Outcome of(Answer answer)
        {
            return new Outcome(answer, Optional.empty(), Map.of());
        }
    }

    Outcome route(String id, Question question, Engine engine)
    {
        long start = System.nanoTime();
        Outcome outcome;
        try {
            AnswerCache.Key key = AnswerCache.key(engine, question);
            Optional<Outcome> kept = answers.flatMap(cache -> cache.lookup(key));
            if (kept.isPresent()) {
                outcome = fromCache(id, question.text(), kept.get(), start);
            }
            else {
                Outcome routed = routeUnlogged(id, question, engine, start);
                answers.ifPresent(cache -> cache.keep(key, routed));
                outcome = routed;
            }
        }
        catch (RuntimeException e) {
            // Conversation.ask never throws: a bug becomes an error answer the user can report
            outcome = Outcome.of(Answer.error(id, question.text(), null, null, "Something went wrong: " + e + ". Please report this question.",
                    null, timings(start, null, Usage.NONE)));
        }
        log.record(engine, outcome.answer());
        return outcome;
    }

    Outcome runChoice(String id, String question, Engine engine, Proposal.Planned planned)
    {
        long start = System.nanoTime();
        Answer answer = planned(id, question, planned, start);
        log.record(engine, answer);
        return new Outcome(answer, Optional.of(planned.plan()), Map.of());
    }

    private Outcome routeUnlogged(String id, Question question, Engine engine, long start)
    {
        String text = question.text();
        if (HypothesisQuestions.isHypothesisTest(text)) {
            return Outcome.of(statistics(id, text, start));
        }
        return switch (engine) {
            case LLM -> llmOnly(id, question, start);
            case OFFLINE, AUTO -> offlineFirst(id, question, engine, start);
        };
    }

    /** A hypothesis test: the statistics route computes the report from group summaries made in Spark. */
    private Answer statistics(String id, String question, long start)
    {
        if (statistics.isEmpty()) {
            return Answer.error(id, question, Route.STATS, null, NO_STATISTICS, null, timings(start, null, Usage.NONE));
        }
        StatsOutcome outcome;
        try {
            outcome = statistics.get().apply(question);
        }
        catch (AurumException e) {
            return Answer.error(id, question, Route.STATS, null, e.getMessage(), null, timings(start, null, Usage.NONE));
        }
        if (outcome instanceof StatsOutcome.Answered answered) {
            Object filter = answered.analysis().get("filter");
            Answer.Provenance provenance = new Answer.Provenance(null, null, filter == null ? List.of() : List.of(String.valueOf(filter)), null, null,
                    List.of(), List.of(), answered.dataDate(), answered.tableVersions());
            return Answer.analyzed(id, question, answered.sql(), answered.columns(), answered.rows(), answered.summary(),
                    new ChartHint("bar", answered.chartX(), answered.chartY()), answered.analysis(), provenance, timings(start, null, Usage.NONE));
        }
        if (outcome instanceof StatsOutcome.Clarify clarify) {
            return Answer.clarification(id, question, Route.STATS, null, clarify.message(), clarify.choices(), null, null, timings(start, null, Usage.NONE));
        }
        return Answer.error(id, question, Route.STATS, null, ((StatsOutcome.Failed) outcome).message(), null, timings(start, null, Usage.NONE));
    }

    private Outcome llmOnly(String id, Question question, long start)
    {
        if (llm.isEmpty()) {
            return Outcome.of(Answer.error(id, question.text(), Route.LLM, null, NO_MODEL, null, timings(start, null, Usage.NONE)));
        }
        Proposal proposal = propose(llm.get(), question);
        return fromLlm(id, question, proposal, Optional.empty(), start);
    }

    private Outcome offlineFirst(String id, Question question, Engine engine, long start)
    {
        String text = question.text();
        if (trusted.isPresent() && propose(trusted.get(), question) instanceof Proposal.Sql sql) {
            return Outcome.of(fromSql(id, text, Route.TRUSTED, sql, start));
        }
        Proposal proposal;
        try {
            proposal = planner.propose(question);
        }
        catch (AurumException e) {
            return Outcome.of(Answer.error(id, text, Route.PLANNER, null, e.getMessage(), null, timings(start, null, Usage.NONE)));
        }
        if (proposal instanceof Proposal.Planned planned && !planned.coversAllWords()) {
            // a reading that leaves a word unexplained is not an answer: treat it as the planner abstaining
            proposal = new Proposal.Abstain("the planner did not understand every word", Optional.of(planned), List.of(), Usage.NONE);
        }
        if (proposal instanceof Proposal.Abstain abstain) {
            if (engine == Engine.AUTO && llm.isPresent()) {
                return fromLlm(id, question, propose(llm.get(), question), abstain.partial(), start);
            }
            return notUnderstood(id, text, engine, abstain, "", start);
        }
        if (proposal instanceof Proposal.Planned planned) {
            return new Outcome(planned(id, text, planned, start), Optional.of(planned.plan()), Map.of());
        }
        if (proposal instanceof Proposal.Sql sql) {
            return Outcome.of(fromSql(id, text, Route.PLANNER, sql, start));
        }
        if (proposal instanceof Proposal.Clarify clarify) {
            return new Outcome(Answer.clarification(id, text, Route.PLANNER, null, clarify.message() + offlineNote(engine),
                    clarify.choices(), null, provenance(clarify.partial(), null, clarify.understood(), List.of(), null,
                            clarify.partial() == null ? null : clarify.partial().filters()),
                    timings(start, null, Usage.NONE)), question.previousPlan(), clarify.readings());
        }
        Proposal.Refuse refuse = (Proposal.Refuse) proposal;
        return new Outcome(Answer.refused(id, text, Route.PLANNER, null, refuse.reason(), null, timings(start, null, Usage.NONE)),
                question.previousPlan(), Map.of());
    }

    /** A kept answer for a new asking: this asking's id and words, and timings that say nothing was guarded, run or asked. */
    private static Outcome fromCache(String id, String question, Outcome kept, long start)
    {
        Answer a = kept.answer();
        Answer.Timings timings = new Answer.Timings((System.nanoTime() - start) / 1_000_000, 0L, 0L, null, null, null);
        Answer answer = new Answer(id, question, a.status(), a.route(), a.sql(), a.columns(), a.rows(), a.rowCount(), a.truncated(), a.summary(),
                a.message(), a.choices(), a.chart(), a.analysis(), a.provenance(), timings);
        return new Outcome(answer, kept.plan(), kept.choicePlans());
    }

    /** Asks a proposer; a failure it reports (an unreachable model, a bad reply) becomes its abstention. */
    private static Proposal propose(Proposer proposer, Question question)
    {
        try {
            return proposer.propose(question);
        }
        catch (AurumException e) {
            return Proposal.Abstain.because(e.getMessage());
        }
    }

    /**
     * The LLM's proposal. When it abstains (unreachable, no usable SQL after its repairs) and the planner read part of
     * the question, that reading is offered as a clarification choice, and the answer says why.
     */
    private Outcome fromLlm(String id, Question question, Proposal proposal, Optional<Proposal.Planned> partial, long start)
    {
        String text = question.text();
        if (proposal instanceof Proposal.Sql sql) {
            return Outcome.of(fromSql(id, text, Route.LLM, sql, start));
        }
        if (proposal instanceof Proposal.Planned planned) {
            return new Outcome(planned(id, text, planned, start), Optional.of(planned.plan()), Map.of());
        }
        if (proposal instanceof Proposal.Clarify clarify) {
            return new Outcome(Answer.clarification(id, text, Route.LLM, null, clarify.message(), clarify.choices(), null,
                    provenance(null, null, clarify.understood(), List.of(), null, null), timings(start, null, Usage.NONE)), question.previousPlan(), Map.of());
        }
        if (proposal instanceof Proposal.Refuse refuse) {
            return Outcome.of(Answer.refused(id, text, Route.LLM, null, refuse.reason(), null, timings(start, null, Usage.NONE)));
        }
        Proposal.Abstain abstain = (Proposal.Abstain) proposal;
        if (partial.isPresent()) {
            return notUnderstood(id, text, Engine.AUTO, new Proposal.Abstain(abstain.reason(), partial, abstain.attempts(), abstain.usage()),
                    " The LLM could not answer: " + abstain.reason(), start);
        }
        return Outcome.of(Answer.error(id, text, Route.LLM, null, "The LLM could not answer: " + abstain.reason(),
                provenance(null, null, List.of(), abstain.attempts(), null, null), timings(start, null, abstain.usage())));
    }

    /** The planner understood only part of the question: never guess, offer its reading as a choice. */
    private Outcome notUnderstood(String id, String question, Engine engine, Proposal.Abstain abstain, String why, long start)
    {
        if (abstain.partial().isEmpty()) {
            return Outcome.of(Answer.clarification(id, question, Route.PLANNER, null,
                    "I could not read that question" + (abstain.reason().isBlank() ? "" : " (" + abstain.reason() + ")")
                            + ". Rephrase it with names from /metrics and /dimensions." + why + offlineNote(engine),
                    List.of(), null, null, timings(start, null, abstain.usage())));
        }
        Proposal.Planned planned = abstain.partial().get();
        List<String> missed = notUnderstood(question, planned.understood());
        String reading = "Answer " + describe(planned.plan());
        String message = "I am not sure what " + (missed.isEmpty() ? "part of the question" : quoteAll(missed))
                + " means here, so I did not guess. Pick the reading below, or rephrase with names from /metrics." + why + offlineNote(engine);
        Answer answer = Answer.clarification(id, question, Route.PLANNER, planned.sql(), message, List.of(reading), planned.chart(),
                provenance(planned.plan(), null, planned.understood(), abstain.attempts(), null, planned.plan().filters()),
                timings(start, null, abstain.usage()));
        return new Outcome(answer, Optional.empty(), Map.of(reading, planned));
    }

    /** In {@code auto} without a model, say how an LLM would take over the questions the planner cannot read. */
    private String offlineNote(Engine engine)
    {
        return engine == Engine.AUTO && llm.isEmpty() && !settings.llmConfigured()
                ? " (Name an LLM with --llm-model or AURUM_LLM_MODEL to have it answer what the offline planner cannot.)"
                : "";
    }

    private Answer fromSql(String id, String question, Route route, Proposal.Sql sql, long start)
    {
        Answer answer = execute(id, question, route, sql.sql(), Map.of(), null, sql.understood(), sql.filters(), sql.verifiedQuery(), sql.attempts(),
                sql.usage(), start, sql.chart());
        if (route == Route.LLM && summarizer.isPresent() && answer.status() == AnswerStatus.ANSWERED) {
            Optional<String> written = summarizer.get().summarize(question, answer.columns(), answer.rows());
            if (written.isPresent()) {
                answer = answer.withSummary(written.get());
            }
        }
        if (!sql.warnings().isEmpty() && answer.status() == AnswerStatus.ANSWERED) {
            return answer.withMessage("Warning: " + String.join("; ", sql.warnings()));
        }
        return answer;
    }

    private Answer planned(String id, String question, Proposal.Planned planned, long start)
    {
        Answer answer = execute(id, question, Route.PLANNER, planned.sql(), planned.columnFormats(), planned.plan(), planned.understood(),
                planned.plan().filters(), null, List.of(), Usage.NONE, start, planned.chart());
        return planned.exclusionCheck() == null ? answer : explainZero(answer, planned.exclusionCheck());
    }

    /**
     * An answer whose metric is 0 or NULL everywhere, for a metric that counts only rows where a boolean column holds: when
     * the question's filters select rows but none of them counts ("revenue of canceled orders"), say that the
     * result holds by definition and which metric counts those rows, instead of letting a bare 0 pass for a fact.
     */
    private Answer explainZero(Answer answer, Proposal.ExclusionCheck check)
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
        return answer.withMessage(message.toString());
    }

    private Answer execute(String id, String question, Route route, String sql, Map<String, String> formats, QueryPlan plan,
            List<Understood> understood, List<String> filters, String verifiedQuery, List<Attempt> attempts, Usage usage, long start, ChartHint chart)
    {
        QueryResult result;
        try {
            result = runner.run(sql);
        }
        catch (AurumException e) {
            String message = e.code() == ErrorCode.CANCELLED ? "Cancelled." : e.getMessage();
            List<Attempt> tried = new ArrayList<>(attempts);
            tried.add(new Attempt(sql, e.getMessage()));
            if (route == Route.SQL && e.code() == ErrorCode.SQL_REJECTED) {
                // SQL the user typed that the guard will not run is refused, as `aurum sql` reports it
                return Answer.refused(id, question, route, sql, message, provenance(plan, verifiedQuery, understood, tried, null, filters),
                        timings(start, null, usage));
            }
            return Answer.error(id, question, route, sql, message, provenance(plan, verifiedQuery, understood, tried, null, filters),
                    timings(start, null, usage));
        }
        Map<String, String> allFormats = new LinkedHashMap<>(metricFormats);
        allFormats.putAll(formats);
        String summary = AnswerSummary.summarize(result, allFormats, filters, currencySymbol);
        return Answer.answered(id, question, route, result, summary, chart != null ? chart : chart(result),
                provenance(plan, verifiedQuery, understood, attempts, result, filters), timings(start, result, usage));
    }

    private static Answer.Provenance provenance(QueryPlan plan, String verifiedQuery, List<Understood> understood,
            List<Attempt> attempts, QueryResult result, List<String> filters)
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

    private static Answer.Timings timings(long start, QueryResult result, Usage usage)
    {
        long total = (System.nanoTime() - start) / 1_000_000;
        return new Answer.Timings(total, result == null ? null : result.guardMillis(), result == null ? null : result.executeMillis(),
                usage.modelMillis() == 0 && usage.promptTokens() == null ? null : usage.modelMillis(), usage.promptTokens(), usage.completionTokens());
    }

    /** A line chart over time, a bar chart over categories, none for a single row. */
    static ChartHint chart(QueryResult result)
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
        Set<String> timeNames = Set.of("date", "year", "quarter", "month", "week", "week_of_year", "day", "period", "hour");
        String type = x.type().toLowerCase(Locale.ROOT);
        boolean time = timeNames.contains(x.name()) || type.equals("date") || type.startsWith("timestamp");
        return new ChartHint(time ? "line" : "bar", x.name(), measure.name());
    }

    /** Content words of the question that no understood entry covers. */
    private List<String> notUnderstood(String question, List<Understood> understood)
    {
        Set<String> covered = new LinkedHashSet<>();
        for (Understood entry : understood) {
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
