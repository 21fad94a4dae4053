package dev.aurum.semantic;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A reusable boolean condition with a business name ("revenue orders", "late deliveries"). */
public record NamedFilter(
        String name,
        String expression,
        String description,
        List<String> synonyms)
{
    public NamedFilter
    {
        requireNonNull(name, "name is null");
        requireNonNull(expression, "expression is null");
        description = description == null ? "" : description;
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }
}
