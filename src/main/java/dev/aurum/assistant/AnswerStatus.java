package dev.aurum.assistant;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum AnswerStatus
{
    ANSWERED(0),
    CLARIFICATION(3),
    REFUSED(2),
    ERROR(1);

    private final int exitCode;

    AnswerStatus(int exitCode)
    {
        this.exitCode = exitCode;
    }

    /** The process exit code of a one-question command ending with this status (docs/architecture.md). */
    public int exitCode()
    {
        return exitCode;
    }

    @JsonValue
    public String jsonName()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
