package dev.aurum.pipeline;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** How to run the pipeline: rebuild Silver and Gold from Bronze, ingest drops up to a date, parameter overrides. */
public record RunOptions(boolean fullRefresh, Optional<LocalDate> until, Map<String, String> parameters)
{
    public RunOptions
    {
        requireNonNull(until, "until is null");
        parameters = Map.copyOf(requireNonNull(parameters, "parameters is null"));
    }

    public static RunOptions defaults()
    {
        return new RunOptions(false, Optional.empty(), Map.of());
    }
}
