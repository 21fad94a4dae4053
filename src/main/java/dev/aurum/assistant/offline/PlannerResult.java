package dev.aurum.assistant.offline;

import dev.aurum.assistant.Answer;

import java.util.List;
import java.util.Map;

/** What the semantic planner made of a question: SQL to run, a question back, or a refusal. */
public sealed interface PlannerResult
{
    /**
     * @param coversAllWords true when every content word of the question was understood (DESIGN.md: only then does
     * the {@code auto} engine trust the planner over the LLM)
     * @param columnFormats output column name to display format (money, integer, decimal, percent)
     */
    record Planned(QueryPlan plan, String sql, List<Answer.Understood> understood, boolean coversAllWords,
            Answer.Chart chart, Map<String, String> columnFormats)
            implements PlannerResult
    {
        public Planned
        {
            understood = List.copyOf(understood);
            columnFormats = Map.copyOf(columnFormats);
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
