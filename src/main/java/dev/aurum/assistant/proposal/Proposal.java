package dev.aurum.assistant.proposal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link Proposer} made of a question: a plan with its SQL (the planner), SQL with its rationale (a verified
 * query or the LLM), a question back with choices, a refusal, or "not mine" (abstain). The router decides what to do
 * with it; nothing here has run yet.
 */
public sealed interface Proposal
{
    /**
     * @param coversAllWords true when every content word of the question was understood (docs/architecture.md: only then does
     * the {@code auto} engine trust the planner over the LLM)
     * @param columnFormats output column name to display format (money, integer, decimal, percent)
     */
    record Planned(QueryPlan plan, String sql, List<Understood> understood, boolean coversAllWords,
            ChartHint chart, Map<String, String> columnFormats, ExclusionCheck exclusionCheck)
            implements Proposal
    {
        public Planned
        {
            understood = List.copyOf(understood);
            columnFormats = Map.copyOf(columnFormats);
        }

        public Planned(QueryPlan plan, String sql, List<Understood> understood, boolean coversAllWords, ChartHint chart, Map<String, String> columnFormats)
        {
            this(plan, sql, understood, coversAllWords, chart, columnFormats, null);
        }
    }

    /**
     * For a metric that counts only rows where a boolean column holds ("revenue": {@code CASE WHEN is_revenue ...}),
     * asked with filters: a query that tells whether the filters leave any row the metric counts. The router runs it
     * only when the answer is 0 everywhere, to say when that 0 holds by definition ("revenue of canceled orders").
     *
     * @param sql one row: {@code matching} (rows the filters select) and {@code counted} (of those, rows where the
     * column holds)
     * @param metric the metric's output column
     * @param column the boolean column the metric requires
     * @param meaning the column's description in the model
     * @param counterpart a metric of the same table that is the same sum over every row, or null
     */
    record ExclusionCheck(String sql, String metric, String column, String meaning, String counterpart)
    {
        public ExclusionCheck
        {
            requireNonNull(sql, "sql is null");
            requireNonNull(metric, "metric is null");
            requireNonNull(column, "column is null");
            meaning = meaning == null ? "" : meaning;
        }
    }

    /**
     * Ask back with concrete choices; {@code partial} is what was understood so far (may be null). {@code readings} maps
     * a choice to the complete plan it stands for, run as is when chosen; a choice without one is asked again as text.
     */
    record Clarify(String message, List<String> choices, QueryPlan partial, List<Understood> understood, Map<String, Planned> readings)
            implements Proposal
    {
        public Clarify
        {
            choices = List.copyOf(choices);
            understood = List.copyOf(understood);
            readings = Collections.unmodifiableMap(new LinkedHashMap<>(readings));
        }

        /** A question back whose choices are texts to ask again (no ready plan behind them). */
        public Clarify(String message, List<String> choices, QueryPlan partial, List<Understood> understood)
        {
            this(message, choices, partial, understood, Map.of());
        }
    }

    /** The question is outside the data (forecasts, weather, actions like "delete"). */
    record Refuse(String reason)
            implements Proposal {}

    /**
     * SQL proposed with its reasons: a verified query (with the values bound to its parameters in {@code filters}) or
     * the LLM's answer after its checks and repairs.
     *
     * @param rationale why this SQL answers the question, in plain words (may be empty)
     * @param verifiedQuery the verified query's name, or null
     * @param attempts earlier SQL of this proposal that failed a check, with the error sent back for repair
     * @param warnings problems the last attempt still has (a join the model does not declare), shown with the answer
     */
    record Sql(String sql, String rationale, List<Understood> understood, ChartHint chart, String verifiedQuery, List<String> filters,
            List<Attempt> attempts, Usage usage, List<String> warnings)
            implements Proposal
    {
        public Sql
        {
            requireNonNull(sql, "sql is null");
            rationale = rationale == null ? "" : rationale;
            understood = List.copyOf(understood);
            filters = List.copyOf(filters);
            attempts = List.copyOf(attempts);
            requireNonNull(usage, "usage is null");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Not mine: the proposer did not understand the whole question (or cannot work now), so it proposes nothing rather
     * than answer a different question.
     *
     * @param reason what was not understood or what failed, for the user
     * @param partial the planner's reading of the part it understood, offered as a clarification choice; empty otherwise
     * @param attempts SQL tried before giving up (the LLM's), shown by {@code /why}
     */
    record Abstain(String reason, Optional<Planned> partial, List<Attempt> attempts, Usage usage)
            implements Proposal
    {
        public Abstain
        {
            requireNonNull(reason, "reason is null");
            requireNonNull(partial, "partial is null");
            attempts = List.copyOf(attempts);
            requireNonNull(usage, "usage is null");
        }

        public static Abstain because(String reason)
        {
            return new Abstain(reason, Optional.empty(), List.of(), Usage.NONE);
        }
    }
}
