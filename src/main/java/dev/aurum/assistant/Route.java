package dev.aurum.assistant;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where an answer's SQL came from. */
public enum Route
{
    TRUSTED,
    PLANNER,
    LLM,
    STATS,
    SQL;

    @JsonValue
    public String jsonName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
