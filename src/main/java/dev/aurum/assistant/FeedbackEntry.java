package dev.aurum.assistant;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** One rating of one answer, as stored in {@code _aurum/feedback.jsonl}. */
public record FeedbackEntry(
        String ts,
        String rating,
        String comment,
        String id,
        String question,
        String status,
        String route,
        String sql,
        @JsonProperty("verified_query") String verifiedQuery,
        List<String> metrics,
        List<String> dimensions,
        List<String> filters)
{
    public static final String GOOD = "good";
    public static final String BAD = "bad";

    public FeedbackEntry
    {
        requireNonNull(rating, "rating is null");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public boolean good()
    {
        return GOOD.equals(rating);
    }
}
