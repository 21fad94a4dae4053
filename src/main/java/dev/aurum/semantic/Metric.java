package dev.aurum.semantic;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A measure: exactly one aggregate expression over its table's columns.
 *
 * @param unit currency (BRL), count, days, percent, ratio, ...
 * @param format how to show it: money, integer, decimal, percent
 */
public record Metric(
        String name,
        String expression,
        String description,
        List<String> synonyms,
        String unit,
        String format)
{
    public Metric
    {
        requireNonNull(name, "name is null");
        requireNonNull(expression, "expression is null");
        description = description == null ? "" : description;
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        unit = unit == null ? "" : unit;
        format = format == null ? "decimal" : format;
    }
}
