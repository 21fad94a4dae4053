package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The indexed values of one enum dimension of one table.
 *
 * @param valueSynonyms other words for stored values (state names for state codes, ...), from the semantic model
 */
public record ValueIndexEntry(
        String table,
        String dimension,
        List<String> values,
        @JsonProperty("value_synonyms") Map<String, List<String>> valueSynonyms)
{
    public ValueIndexEntry
    {
        requireNonNull(table, "table is null");
        requireNonNull(dimension, "dimension is null");
        values = values == null ? List.of() : List.copyOf(values);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (valueSynonyms != null) {
            valueSynonyms.forEach((value, words) -> copy.put(value, words == null ? List.of() : List.copyOf(words)));
        }
        valueSynonyms = Collections.unmodifiableMap(copy);
    }
}
