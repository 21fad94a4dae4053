package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A date or timestamp to slice time by.
 *
 * @param grains the grains it can be truncated to: day, week, month, quarter, year
 */
public record TimeDimension(
        String name,
        String expression,
        @JsonProperty("data_type") String dataType,
        String description,
        List<String> synonyms,
        List<String> grains)
{
    public TimeDimension
    {
        requireNonNull(name, "name is null");
        expression = expression == null ? name : expression;
        dataType = dataType == null ? "date" : dataType;
        description = description == null ? "" : description;
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        grains = grains == null ? List.of() : List.copyOf(grains);
    }
}
