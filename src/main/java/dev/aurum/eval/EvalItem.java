package dev.aurum.eval;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One question of a suite.
 *
 * @param goldSql Spark SQL over gold.* whose result is the right answer; present exactly when an answer is expected
 * @param conversation items sharing this key are asked in one conversation, in file order (follow-ups)
 * @param line where the item starts in its file, for messages (0 when unknown)
 */
public record EvalItem(
        String id,
        String question,
        Expectation expect,
        Optional<String> goldSql,
        List<String> tags,
        Optional<String> conversation,
        int line)
{
    public EvalItem
    {
        requireNonNull(id, "id is null");
        requireNonNull(question, "question is null");
        requireNonNull(expect, "expect is null");
        requireNonNull(goldSql, "goldSql is null");
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
        requireNonNull(conversation, "conversation is null");
        if ((expect == Expectation.ANSWER) != goldSql.isPresent()) {
            throw new IllegalArgumentException(id + ": gold SQL is required for answers and only for answers");
        }
    }

    /** True when the gold SQL has a top-level ORDER BY, so the answer's row order counts. */
    public boolean ordered()
    {
        return goldSql.map(SqlOrdering::hasTopLevelOrderBy).orElse(false);
    }
}
