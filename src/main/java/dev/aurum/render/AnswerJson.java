package dev.aurum.render;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.sql.ResultColumn;

import java.util.List;
import java.util.TimeZone;

import static java.util.Objects.requireNonNull;

/**
 * The JSON answer of docs/architecture.md, with Jackson: every field present (null when it does not apply), {@code status}
 * and {@code route} lower case, dates as ISO strings, timestamps as ISO-8601 UTC ({@code 2017-03-01T14:05:00Z}),
 * decimals as JSON numbers without exponent.
 */
public final class AnswerJson
{
    private final ObjectMapper mapper;

    public AnswerJson()
    {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .defaultTimeZone(TimeZone.getTimeZone("UTC"))
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .addMixIn(ResultColumn.class, ResultColumnMixin.class)
                .addMixIn(Answer.class, AnswerMixin.class)
                .addMixIn(Answer.Provenance.class, ProvenanceMixin.class)
                .addMixIn(Answer.Timings.class, TimingsMixin.class)
                .build();
    }

    /** A column is {@code {"name", "type"}} and nothing more. */
    @JsonIgnoreProperties({"numeric"})
    private abstract static class ResultColumnMixin {}

    /** docs/architecture.md's field order (Jackson would otherwise put the renamed fields first). */
    @JsonPropertyOrder({"id", "question", "status", "route", "sql", "columns", "rows", "row_count", "truncated", "summary", "message",
            "choices", "chart", "analysis", "provenance", "timings"})
    private abstract static class AnswerMixin {}

    @JsonPropertyOrder({"metrics", "dimensions", "filters", "joins", "verified_query", "understood", "attempts", "data_date", "table_versions"})
    private abstract static class ProvenanceMixin {}

    @JsonPropertyOrder({"total_ms", "guard_ms", "execute_ms", "llm_ms", "prompt_tokens", "completion_tokens"})
    private abstract static class TimingsMixin {}

    /** One answer, pretty printed (the {@code json} format). */
    public String pretty(Answer answer)
    {
        return write(requireNonNull(answer, "answer is null"), true);
    }

    /** Several answers as one pretty-printed JSON array. */
    public String prettyArray(List<Answer> answers)
    {
        return write(List.copyOf(answers), true);
    }

    /** One answer on one line, without a line break (a {@code jsonl} line). */
    public String compact(Answer answer)
    {
        return write(requireNonNull(answer, "answer is null"), false);
    }

    /** The mapper, for callers that read answers back (tests, the eval harness). */
    public ObjectMapper mapper()
    {
        return mapper;
    }

    private String write(Object value, boolean pretty)
    {
        try {
            return pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value) : mapper.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new AurumException(ErrorCode.INTERNAL, "Cannot write the answer as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
