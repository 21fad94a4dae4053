package dev.aurum.assistant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The JSON mapper for the audit and feedback logs: dates as ISO text, one object per line. */
public final class LogJson
{
    private LogJson() {}

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
}
