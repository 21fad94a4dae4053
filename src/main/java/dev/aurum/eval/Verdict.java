package dev.aurum.eval;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How one question went. Accuracy counts {@link #CORRECT}; the wrong-answer rate counts {@link #WRONG} (answered, and
 * wrong: wrong rows, or an answer where a clarification or refusal was expected); {@link #ABSTAINED} (asked back or
 * refused when something else was expected) and {@link #ERROR} cost accuracy but not trust.
 */
public enum Verdict
{
    CORRECT,
    WRONG,
    ABSTAINED,
    ERROR;

    @JsonValue
    public String jsonName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
