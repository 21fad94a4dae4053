package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A question with SQL a person checked. {@code {name}} placeholders in question and SQL are parameters, each bound
 * to a dimension (or {@code year}, {@code quarter}, {@code month} time parts) in {@code parameters}.
 */
public record VerifiedQuery(
        String name,
        String question,
        String sql,
        Map<String, String> parameters,
        @JsonProperty("verified_by") String verifiedBy,
        @JsonProperty("verified_at") String verifiedAt)
{
    public VerifiedQuery
    {
        requireNonNull(name, "name is null");
        requireNonNull(question, "question is null");
        requireNonNull(sql, "sql is null");
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
