package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A measure, declared by what it is (in the manner of MetricFlow and Cube; see docs/architecture.md, "The semantic
 * model"): code reads these fields and never parses SQL to guess a metric's kind. {@link MetricSql} renders the SQL.
 *
 * <ul>
 * <li>{@code type: simple}: {@code agg} over {@code expr} (a column or row expression; a {@code count} without one
 * counts rows), counting only the rows where the optional boolean {@code filter} holds.</li>
 * <li>{@code type: ratio}: {@code numerator} / {@code denominator}, each a metric of the same table or an inline
 * simple part ({@link MetricPart}); a percent ratio is 0-100.</li>
 * <li>{@code type: derived}: {@code expr} over other metrics of the same table written as {@code {name}}.</li>
 * </ul>
 *
 * @param unit currency code for money (BRL, GBP), otherwise a noun (orders, items, days, percent)
 * @param format how to show it: money, integer, decimal, percent
 * @param nonAdditive dimensions it must not be summed over (its rows repeat the same figure along them)
 * @param excludes other metrics of the table that this one leaves out ("items value" excludes shipping), so that a
 * question saying "without shipping" can be checked against the declaration
 */
public record Metric(
        String name,
        String type,
        String agg,
        String expr,
        String filter,
        MetricPart numerator,
        MetricPart denominator,
        @JsonProperty("non_additive") List<String> nonAdditive,
        List<String> excludes,
        String description,
        List<String> synonyms,
        String unit,
        String format)
{
    public static final Set<String> TYPES = Set.of("simple", "ratio", "derived");
    public static final Set<String> AGGREGATIONS = Set.of("sum", "count", "count_distinct", "avg", "min", "max");

    public Metric
    {
        requireNonNull(name, "name is null");
        type = type == null ? "simple" : type.strip().toLowerCase(Locale.ROOT);
        agg = agg == null ? null : agg.strip().toLowerCase(Locale.ROOT);
        expr = blankToNull(expr);
        filter = blankToNull(filter);
        nonAdditive = nonAdditive == null ? List.of() : List.copyOf(nonAdditive);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        description = description == null ? "" : description;
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        unit = unit == null ? "" : unit;
        format = format == null ? "decimal" : format;
    }

    /** A simple metric: {@code agg} over {@code expr} where {@code filter} holds (either may be null). */
    public static Metric simple(String name, String agg, String expr, String filter, String format, String unit)
    {
        return new Metric(name, "simple", agg, expr, filter, null, null, null, null, null, null, unit, format);
    }

    /** A ratio of two metrics of the same table. */
    public static Metric ratio(String name, String numerator, String denominator, String format, String unit)
    {
        return new Metric(name, "ratio", null, null, null, MetricPart.of(numerator), MetricPart.of(denominator), null, null, null, null, unit, format);
    }

    /** The same declaration with a description and synonyms. */
    public Metric describedAs(String newDescription, List<String> newSynonyms)
    {
        return new Metric(name, type, agg, expr, filter, numerator, denominator, nonAdditive, excludes, newDescription, newSynonyms, unit, format);
    }

    public boolean isSimple()
    {
        return type.equals("simple");
    }

    /** Sums and row counts: adding the figures of parts gives the figure of the whole (when no row repeats). */
    public boolean isAdditive()
    {
        return isSimple() && ("sum".equals(agg) || "count".equals(agg)) && nonAdditive.isEmpty();
    }

    /** A count of rows or distinct values ({@code agg: count | count_distinct}). */
    public boolean isCount()
    {
        return isSimple() && ("count".equals(agg) || "count_distinct".equals(agg));
    }

    /**
     * Counts things: a simple metric whose figures are whole numbers of its unit (a count, or a sum declared
     * {@code format: integer} such as items sold or a pre-aggregated count of orders).
     */
    public boolean countsThings()
    {
        return isCount() || isSimple() && "sum".equals(agg) && format.equals("integer");
    }

    /**
     * Not a total: a figure per something already (an average, a ratio, a rate) or one declared decimal or percent,
     * so "average X" of it asks nothing new.
     */
    public boolean isAverageOrRate()
    {
        return !isSimple() || "avg".equals(agg) || !format.equals("money") && !format.equals("integer");
    }

    private static String blankToNull(String text)
    {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
