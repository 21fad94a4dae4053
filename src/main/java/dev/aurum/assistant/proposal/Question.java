package dev.aurum.assistant.proposal;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A question as every proposer sees it: the text and the conversation before it.
 *
 * @param previousPlan the plan of the last answered question, which a follow-up ("now by state") refines
 * @param history earlier questions of the conversation with their SQL, oldest first
 */
public record Question(String text, Optional<QueryPlan> previousPlan, List<Turn> history)
{
    public Question
    {
        requireNonNull(text, "text is null");
        requireNonNull(previousPlan, "previousPlan is null");
        history = List.copyOf(history);
    }

    public static Question of(String text)
    {
        return new Question(text, Optional.empty(), List.of());
    }
}
