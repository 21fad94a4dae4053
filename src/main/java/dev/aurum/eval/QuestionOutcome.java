package dev.aurum.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The score of one question, with what the assistant did.
 *
 * @param status the answer's status (answered, clarification, refused, error), or {@code timeout}
 * @param route the route that produced the answer; null when there was no answer
 * @param latencyMillis wall time of the question, as the user waited for it
 */
public record QuestionOutcome(
        String id,
        String question,
        Expectation expect,
        List<String> tags,
        Optional<String> conversation,
        Verdict verdict,
        Optional<FailureReason> reason,
        String detail,
        String status,
        String route,
        String sql,
        @JsonProperty("row_count") Long rowCount,
        @JsonProperty("latency_ms") long latencyMillis,
        @JsonProperty("prompt_tokens") long promptTokens,
        @JsonProperty("completion_tokens") long completionTokens,
        Usage usage)
{
    public QuestionOutcome
    {
        requireNonNull(id, "id is null");
        requireNonNull(question, "question is null");
        requireNonNull(expect, "expect is null");
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
        requireNonNull(conversation, "conversation is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(status, "status is null");
        requireNonNull(usage, "usage is null");
        if ((verdict == Verdict.CORRECT) != reason.isEmpty()) {
            throw new IllegalArgumentException(id + ": a correct outcome has no failure reason, any other has one");
        }
    }

    public boolean correct()
    {
        return verdict == Verdict.CORRECT;
    }

    /** What of the semantic model the answer used (its provenance), for coverage. */
    public record Usage(
            List<String> metrics,
            List<String> dimensions,
            List<String> filters,
            @JsonProperty("verified_query") String verifiedQuery)
    {
        public static final Usage NONE = new Usage(List.of(), List.of(), List.of(), null);

        public Usage
        {
            metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
            dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
            filters = List.copyOf(requireNonNull(filters, "filters is null"));
        }
    }
}
