package dev.aurum.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** One table in {@code pipeline status}: Delta version, rows, last batch and its time, problem counts, warnings. */
public record TableStatus(String table, long version, long rows, Optional<Long> lastBatch, Optional<Instant> lastIngestedAt, Map<String, Long> counts, List<String> warnings)
{
    public TableStatus
    {
        requireNonNull(table, "table is null");
        requireNonNull(lastBatch, "lastBatch is null");
        requireNonNull(lastIngestedAt, "lastIngestedAt is null");
        counts = Map.copyOf(requireNonNull(counts, "counts is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
