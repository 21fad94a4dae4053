package dev.aurum.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aurum.assistant.proposal.Attempt;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The answer to one question, exactly the JSON object of docs/architecture.md. Fields that do not apply are null (and are
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
        ChartHint chart,
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

    /** An answered question: the rows of {@code result}, its summary and chart. */
    public static Answer answered(String id, String question, Route route, QueryResult result, String summary, ChartHint chart,
            Provenance provenance, Timings timings)
    {
        requireNonNull(result, "result is null");
        return new Answer(id, question, AnswerStatus.ANSWERED, route, result.sql(), result.columns(), result.rows(), result.rowCount(),
                result.truncated(), summary, null, null, chart, null, provenance, timings);
    }

    /** An answered statistics question: the per-group table, the conclusion and the whole report in {@code analysis}. */
    public static Answer analyzed(String id, String question, String sql, List<ResultColumn> columns, List<List<Object>> rows, String summary,
            ChartHint chart, Map<String, Object> analysis, Provenance provenance, Timings timings)
    {
        return new Answer(id, question, AnswerStatus.ANSWERED, Route.STATS, sql, columns, rows, rows == null ? null : (long) rows.size(), false,
                summary, null, null, chart, requireNonNull(analysis, "analysis is null"), provenance, timings);
    }

    /**
     * A question back: {@code choices} are complete readings the user can pick; {@code sql} and {@code chart} are the
     * first choice's, when it has any.
     */
    public static Answer clarification(String id, String question, Route route, String sql, String message, List<String> choices, ChartHint chart,
            Provenance provenance, Timings timings)
    {
        return new Answer(id, question, AnswerStatus.CLARIFICATION, route, sql, null, null, null, null, null, requireNonNull(message, "message is null"),
                choices, chart, null, provenance, timings);
    }

    /**
     * A question Aurum will not answer (outside the data, or an action such as "delete"), or SQL the guard will not run
     * ({@code sql}, null for a question).
     */
    public static Answer refused(String id, String question, Route route, String sql, String message, Provenance provenance, Timings timings)
    {
        return new Answer(id, question, AnswerStatus.REFUSED, route, sql, null, null, null, null, null, requireNonNull(message, "message is null"),
                null, null, null, provenance, timings);
    }

    /** A failure while working: the SQL (if any) that failed and a message that says what to do. */
    public static Answer error(String id, String question, Route route, String sql, String message, Provenance provenance, Timings timings)
    {
        return new Answer(id, question, AnswerStatus.ERROR, route, sql, null, null, null, null, null, requireNonNull(message, "message is null"),
                null, null, null, provenance, timings);
    }

    /** This answer with another summary (the LLM's, checked against the rows). */
    public Answer withSummary(String newSummary)
    {
        return new Answer(id, question, status, route, sql, columns, rows, rowCount, truncated, newSummary, message, choices, chart, analysis,
                provenance, timings);
    }

    /** This answer with a message beside it (a warning, or why a 0 holds by definition). */
    public Answer withMessage(String newMessage)
    {
        return new Answer(id, question, status, route, sql, columns, rows, rowCount, truncated, summary, newMessage, choices, chart, analysis,
                provenance, timings);
    }

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
