package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A column (or expression) to group or filter by.
 *
 * @param expression SQL over the table's columns, usually the column name
 * @param isEnum true when the dimension has a small set of values worth indexing (status, state, category, ...)
 */
public record Dimension(
        String name,
        String expression,
        @JsonProperty("data_type") String dataType,
        String description,
        List<String> synonyms,
        @JsonProperty("sample_values") List<String> sampleValues,
        @JsonProperty("is_enum") boolean isEnum)
{
    public Dimension
    {
        requireNonNull(name, "name is null");
        expression = expression == null ? name : expression;
        dataType = dataType == null ? "string" : dataType;
        description = description == null ? "" : description;
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        sampleValues = sampleValues == null ? List.of() : List.copyOf(sampleValues);
    }
}
