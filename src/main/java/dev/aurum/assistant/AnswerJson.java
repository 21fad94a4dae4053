package dev.aurum.assistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The JSON mapper for answers, audit and feedback lines: dates as ISO text, one object per line. */
public final class AnswerJson
{
    private AnswerJson() {}

    public static ObjectMapper mapper()
    {
        SimpleModule dates = new SimpleModule("aurum-dates")
                .addSerializer(LocalDate.class, ToStringSerializer.instance)
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addSerializer(LocalDateTime.class, ToStringSerializer.instance);
        return new ObjectMapper()
                .registerModule(dates)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** One answer as one line of JSON (the {@code json} and {@code jsonl} formats). */
    public static String line(Answer answer)
    {
        try {
            return mapper().writeValueAsString(answer);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the answer as JSON", e);
        }
    }
}
