package dev.aurum.sql;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** Limits of the executor: rows returned at most (applied to the plan) and time before the job is cancelled. */
public record ExecutorSettings(int rowCap, Duration timeout)
{
    public static final int DEFAULT_ROW_CAP = 10_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public ExecutorSettings
    {
        requireNonNull(timeout, "timeout is null");
        if (rowCap < 1) {
            throw new IllegalArgumentException("rowCap must be positive");
        }
    }

    public static ExecutorSettings defaults()
    {
        return new ExecutorSettings(DEFAULT_ROW_CAP, DEFAULT_TIMEOUT);
    }
}
