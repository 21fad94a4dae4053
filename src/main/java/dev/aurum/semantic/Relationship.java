package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A join the model allows.
 *
 * @param joinType inner or left
 * @param cardinality many_to_one, one_to_one, one_to_many
 */
public record Relationship(
        String name,
        @JsonProperty("left_table") String leftTable,
        @JsonProperty("right_table") String rightTable,
        List<ColumnPair> columns,
        @JsonProperty("join_type") String joinType,
        String cardinality)
{
    public Relationship
    {
        requireNonNull(name, "name is null");
        requireNonNull(leftTable, "left_table is null");
        requireNonNull(rightTable, "right_table is null");
        columns = columns == null ? List.of() : List.copyOf(columns);
        joinType = joinType == null ? "left" : joinType;
        cardinality = cardinality == null ? "many_to_one" : cardinality;
    }

    public record ColumnPair(
            @JsonProperty("left_column") String leftColumn,
            @JsonProperty("right_column") String rightColumn)
    {
        public ColumnPair
        {
            requireNonNull(leftColumn, "left_column is null");
            requireNonNull(rightColumn, "right_column is null");
        }
    }
}
