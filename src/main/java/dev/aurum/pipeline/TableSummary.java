package dev.aurum.pipeline;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** What one run did to one table: rows read and written, quarantined per rule, duplicates, orphans, warnings. */
public record TableSummary(String table, long rowsRead, long rowsWritten, Map<String, Long> quarantinedByRule, long duplicates, long orphans, List<String> warnings, long durationMillis)
{
    public TableSummary
    {
        requireNonNull(table, "table is null");
        quarantinedByRule = Map.copyOf(requireNonNull(quarantinedByRule, "quarantinedByRule is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
