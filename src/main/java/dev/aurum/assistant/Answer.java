package dev.aurum.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aurum.sql.ResultColumn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The answer to one question, exactly the JSON object of DESIGN.md. Fields that do not apply are null (and are
 * written as null, never left out).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Answer(
        String id,
        String question,
        AnswerStatus status,
        Route route,
        String sql,
        List<ResultColumn> columns,
        List<List<Object>> rows,
        @JsonProperty("row_count") Long rowCount,
        Boolean truncated,
        String summary,
        String message,
        List<String> choices,
        Chart chart,
        Map<String, Object> analysis,
        Provenance provenance,
        Timings timings)
{
    public Answer
    {
        requireNonNull(status, "status is null");
        columns = columns == null ? null : List.copyOf(columns);
        if (rows != null) {
            List<List<Object>> copy = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
            }
            rows = Collections.unmodifiableList(copy);
        }
        choices = choices == null ? null : List.copyOf(choices);
        analysis = analysis == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(analysis));
    }

    /** How to chart the result: {@code type} is line, bar or none. */
    public record Chart(String type, String x, String y) {}

    public record Understood(String text, String as)
    {
        public Understood
        {
            requireNonNull(text, "text is null");
            requireNonNull(as, "as is null");
        }
    }

    /** One try at SQL that failed, kept so the user (and the repair step) can see why. */
    public record Attempt(String sql, String error) {}

    public record Provenance(
            List<String> metrics,
            List<String> dimensions,
            List<String> filters,
            List<String> joins,
            @JsonProperty("verified_query") String verifiedQuery,
            List<Understood> understood,
            List<Attempt> attempts,
            @JsonProperty("data_date") LocalDate dataDate,
            @JsonProperty("table_versions") Map<String, Long> tableVersions)
    {
        public Provenance
        {
            metrics = metrics == null ? null : List.copyOf(metrics);
            dimensions = dimensions == null ? null : List.copyOf(dimensions);
            filters = filters == null ? null : List.copyOf(filters);
            joins = joins == null ? null : List.copyOf(joins);
            understood = understood == null ? null : List.copyOf(understood);
            attempts = attempts == null ? null : List.copyOf(attempts);
            tableVersions = tableVersions == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tableVersions));
        }
    }

    public record Timings(
            @JsonProperty("total_ms") Long totalMs,
            @JsonProperty("guard_ms") Long guardMs,
            @JsonProperty("execute_ms") Long executeMs,
            @JsonProperty("llm_ms") Long llmMs,
            @JsonProperty("prompt_tokens") Long promptTokens,
            @JsonProperty("completion_tokens") Long completionTokens) {}
}
