package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A column (or expression) to group or filter by.
 *
 * @param expression SQL over the table's columns, usually the column name
 * @param isEnum true when the dimension has a small set of values worth indexing (status, state, category, ...)
 * @param valueSynonyms other words people use for stored values, e.g. {@code SP: [sao paulo state]}; the value index
 * matches them too
 */
public record Dimension(
        String name,
        String expression,
        @JsonProperty("data_type") String dataType,
        String description,
        List<String> synonyms,
        @JsonProperty("sample_values") List<String> sampleValues,
        @JsonProperty("is_enum") boolean isEnum,
        @JsonProperty("value_synonyms") Map<String, List<String>> valueSynonyms)
{
    @JsonCreator
    public Dimension
    {
        requireNonNull(name, "name is null");
        expression = expression == null ? name : expression;
        dataType = dataType == null ? "string" : dataType;
        description = description == null ? "" : description;
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        sampleValues = sampleValues == null ? List.of() : List.copyOf(sampleValues);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (valueSynonyms != null) {
            valueSynonyms.forEach((value, words) -> copy.put(requireNonNull(value, "value is null"), words == null ? List.of() : List.copyOf(words)));
        }
        valueSynonyms = Collections.unmodifiableMap(copy);
    }

    public Dimension(String name, String expression, String dataType, String description, List<String> synonyms, List<String> sampleValues, boolean isEnum)
    {
        this(name, expression, dataType, description, synonyms, sampleValues, isEnum, Map.of());
    }
}
