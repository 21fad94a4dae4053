package dev.aurum.semantic;

import static java.util.Objects.requireNonNull;

/**
 * Where the data date comes from: the latest value of one time dimension (the model's {@code data_date}).
 *
 * @param baseTable qualified Gold table, e.g. {@code gold.invoices}
 * @param name the time dimension's name
 * @param expression its SQL over the base table (the column itself unless the model says otherwise)
 */
public record DataDateColumn(String baseTable, String name, String expression)
{
    public DataDateColumn
    {
        requireNonNull(baseTable, "baseTable is null");
        requireNonNull(name, "name is null");
        requireNonNull(expression, "expression is null");
    }
}
