package dev.aurum.pipeline;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The outcome of one pipeline run: its record in the history and a summary per table it touched. */
public record RunSummary(RunRecord run, List<TableSummary> tables, boolean changed)
{
    public RunSummary
    {
        requireNonNull(run, "run is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }

    public List<String> warnings()
    {
        return tables.stream().flatMap(table -> table.warnings().stream().map(warning -> table.table() + ": " + warning)).toList();
    }
}
