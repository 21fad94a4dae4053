package dev.aurum.assistant.proposal;

import java.util.List;

/**
 * What the semantic planner understood, in model terms. The planner owns this record and may add components;
 * the router reads only the four lists below (for provenance) and hands the plan back for follow-ups.
 *
 * @param table the semantic table the SQL reads first (null when no table was chosen)
 * @param spec the structured request a follow-up refines (null for a plan built elsewhere)
 */
public record QueryPlan(
        List<String> metrics,
        List<String> dimensions,
        List<String> filters,
        List<String> joins,
        String table,
        PlanSpec spec)
{
    public QueryPlan
    {
        metrics = List.copyOf(metrics);
        dimensions = List.copyOf(dimensions);
        filters = List.copyOf(filters);
        joins = List.copyOf(joins);
    }

    /** A plan with provenance only (no table, nothing to refine). */
    public QueryPlan(List<String> metrics, List<String> dimensions, List<String> filters, List<String> joins)
    {
        this(metrics, dimensions, filters, joins, null, null);
    }
}
