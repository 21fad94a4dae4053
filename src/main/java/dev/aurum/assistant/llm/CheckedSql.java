package dev.aurum.assistant.llm;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * SQL that passed the guard and the analyzer, with the shape the join check needs: for every aggregation, the joins
 * beneath it and the columns it sums. Table names are as the analyzer resolved them ({@code gold.order_facts}).
 *
 * @param sql the statement as the guard accepted it
 */
public record CheckedSql(String sql, List<Aggregation> aggregations, List<JoinKey> joins)
{
    public CheckedSql
    {
        requireNonNull(sql, "sql is null");
        aggregations = List.copyOf(aggregations);
        joins = List.copyOf(joins);
    }

    /** A column of a table read by the query. */
    public record Column(String table, String column)
    {
        public Column
        {
            requireNonNull(table, "table is null");
            requireNonNull(column, "column is null");
        }

        @Override
        public String toString()
        {
            return table + "." + column;
        }
    }

    /**
     * One equality of a join condition.
     *
     * @param leftAggregated the left input is aggregated before the join (at most one row per key), so it cannot repeat
     * rows of the other side
     */
    public record JoinKey(Column left, Column right, boolean leftAggregated, boolean rightAggregated)
    {
        public JoinKey
        {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }
    }

    /** One aggregate node: the joins below it (not below another aggregate) and the columns it sums. */
    public record Aggregation(List<JoinKey> joins, List<Column> summed)
    {
        public Aggregation
        {
            joins = List.copyOf(joins);
            summed = List.copyOf(summed);
        }
    }
}
