package dev.aurum.semantic;

import static java.util.Objects.requireNonNull;

/**
 * A word or phrase of a question recognised as a value of an enum-like dimension.
 *
 * @param table semantic table name holding the dimension
 * @param dimension dimension name, e.g. {@code customer_state}
 * @param value the stored value, exactly as in Gold ({@code SP}, {@code sao paulo}, {@code credit_card})
 * @param phrase the text of the question that matched
 * @param score 1.0 for an exact match (after normalising case, accents, underscores), lower for plural/typo matches
 */
public record ValueMatch(String table, String dimension, String value, String phrase, double score)
{
    public ValueMatch
    {
        requireNonNull(table, "table is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(value, "value is null");
        requireNonNull(phrase, "phrase is null");
    }
}
