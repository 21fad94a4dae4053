package dev.aurum.pipeline.generator;

import java.time.LocalDate;

/** Told about each day the generator writes, so a command can show progress. */
public interface ProgressListener
{
    /** Called after {@code day} was written; {@code dayIndex} counts from 0 up to {@code totalDays - 1}. */
    void day(LocalDate day, int dayIndex, int totalDays);

    static ProgressListener none()
    {
        return (day, dayIndex, totalDays) -> {};
    }
}
