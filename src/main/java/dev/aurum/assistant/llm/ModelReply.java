package dev.aurum.assistant.llm;

import dev.aurum.assistant.proposal.ChartHint;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What a model's reply to a SQL request held, once parsed. */
sealed interface ModelReply
{
    record Sql(String sql, String explanation, ChartHint chart)
            implements ModelReply
    {
        public Sql
        {
            requireNonNull(sql, "sql is null");
            explanation = explanation == null ? "" : explanation;
        }
    }

    record Clarification(String question, List<String> choices)
            implements ModelReply
    {
        public Clarification
        {
            requireNonNull(question, "question is null");
            choices = List.copyOf(choices);
        }
    }

    /** Neither SQL nor a clarification: {@code error} says what was wrong, for the user and for the repair request. */
    record Unusable(String error)
            implements ModelReply
    {
        public Unusable
        {
            requireNonNull(error, "error is null");
        }
    }
}
