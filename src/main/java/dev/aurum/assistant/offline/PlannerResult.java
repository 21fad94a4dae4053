package dev.aurum.assistant.offline;

import dev.aurum.assistant.Answer;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** What the semantic planner made of a question: SQL to run, a question back, or a refusal. */
public sealed interface PlannerResult
{
    /**
     * @param coversAllWords true when every content word of the question was understood (DESIGN.md: only then does
     * the {@code auto} engine trust the planner over the LLM)
     * @param columnFormats output column name to display format (money, integer, decimal, percent)
     */
    record Planned(QueryPlan plan, String sql, List<Answer.Understood> understood, boolean coversAllWords,
            Answer.Chart chart, Map<String, String> columnFormats, ExclusionCheck exclusionCheck)
            implements PlannerResult
    {
        public Planned
        {
            understood = List.copyOf(understood);
            columnFormats = Map.copyOf(columnFormats);
        }

        public Planned(QueryPlan plan, String sql, List<Answer.Understood> understood, boolean coversAllWords, Answer.Chart chart, Map<String, String> columnFormats)
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

    /** Ask back with concrete choices; {@code partial} is what was understood so far (may be null). */
    record Clarify(String message, List<String> choices, QueryPlan partial, List<Answer.Understood> understood)
            implements PlannerResult
    {
        public Clarify
        {
            choices = List.copyOf(choices);
            understood = List.copyOf(understood);
        }
    }

    /** The question is outside the data (forecasts, weather, actions like "delete"). */
    record Refuse(String reason)
            implements PlannerResult {}
}
