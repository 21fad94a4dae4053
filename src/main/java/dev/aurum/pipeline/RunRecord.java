package dev.aurum.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** One row of {@code _aurum/runs}: a past pipeline run. */
public record RunRecord(
        long runId,
        Instant startedAt,
        Instant finishedAt,
        String outcome,
        boolean fullRefresh,
        Optional<LocalDate> until,
        Map<String, String> parameters,
        long bronzeRows,
        long silverRows,
        long goldRows,
        long quarantined,
        String message)
{
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public RunRecord
    {
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(until, "until is null");
        parameters = Map.copyOf(requireNonNull(parameters, "parameters is null"));
        requireNonNull(message, "message is null");
    }

    public long durationMillis()
    {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
