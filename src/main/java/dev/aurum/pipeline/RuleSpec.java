package dev.aurum.pipeline;

import static java.util.Objects.requireNonNull;

/** A quarantine rule of a source: rows for which the SQL condition {@code when} holds go to quarantine as {@code name}. */
public record RuleSpec(String name, String when)
{
    public RuleSpec
    {
        requireNonNull(name, "name is null");
        requireNonNull(when, "when is null");
    }
}
