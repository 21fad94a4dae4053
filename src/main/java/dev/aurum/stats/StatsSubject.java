package dev.aurum.stats;

import dev.aurum.semantic.SemanticTable;

import static java.util.Objects.requireNonNull;

/**
 * What a test runs over, resolved against the semantic model.
 *
 * @param valueName the value as the report names it (a dimension name of the model, or a column)
 * @param valueExpression SQL of the value over the table's columns
 * @param filterExpression SQL of the rows to keep, or null for all rows
 * @param filterName the named filter applied, or null (an expression, or none)
 * @param money whether the value is an amount of money
 */
public record StatsSubject(
        SemanticTable table,
        String valueName,
        String valueExpression,
        String groupName,
        String groupExpression,
        String filterName,
        String filterExpression,
        boolean money)
{
    public StatsSubject
    {
        requireNonNull(table, "table is null");
        requireNonNull(valueName, "valueName is null");
        requireNonNull(valueExpression, "valueExpression is null");
        requireNonNull(groupName, "groupName is null");
        requireNonNull(groupExpression, "groupExpression is null");
    }
}
