package dev.aurum.assistant.offline;

import java.util.List;

/**
 * What the semantic planner understood, in model terms. The planner owns this record and may add components;
 * the router reads only the four lists below (for provenance) and hands the plan back for follow-ups.
 */
public record QueryPlan(
        List<String> metrics,
        List<String> dimensions,
        List<String> filters,
        List<String> joins)
{
    public QueryPlan
    {
        metrics = List.copyOf(metrics);
        dimensions = List.copyOf(dimensions);
        filters = List.copyOf(filters);
        joins = List.copyOf(joins);
    }
}
