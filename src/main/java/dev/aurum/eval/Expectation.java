package dev.aurum.eval;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a question should get: an answer (checked against the gold SQL), a clarifying question, or a refusal. */
public enum Expectation
{
    ANSWER,
    CLARIFY,
    REFUSE;

    @JsonValue
    public String yamlName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
