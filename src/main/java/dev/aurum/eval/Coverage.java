package dev.aurum.eval;

import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Which metrics, dimensions (time dimensions included) and named filters of the semantic model no answer of the
 * run used, read from the answers' provenance. A provenance entry names an item plainly ({@code revenue}), qualified
 * ({@code order_facts.revenue}) or inside a condition ({@code customer_state = SP}); a plain name counts for every
 * table that has an item of that name.
 */
public record Coverage(
        int metrics,
        int dimensions,
        int filters,
        List<String> unusedMetrics,
        List<String> unusedDimensions,
        List<String> unusedFilters)
{
    public Coverage
    {
        unusedMetrics = List.copyOf(requireNonNull(unusedMetrics, "unusedMetrics is null"));
        unusedDimensions = List.copyOf(requireNonNull(unusedDimensions, "unusedDimensions is null"));
        unusedFilters = List.copyOf(requireNonNull(unusedFilters, "unusedFilters is null"));
    }

    public static Coverage of(SemanticModel model, List<QuestionOutcome> outcomes)
    {
        Set<String> metricEntries = new HashSet<>();
        Set<String> dimensionEntries = new HashSet<>();
        Set<String> filterEntries = new HashSet<>();
        for (QuestionOutcome outcome : outcomes) {
            outcome.usage().metrics().forEach(entry -> metricEntries.add(normalise(entry)));
            outcome.usage().dimensions().forEach(entry -> dimensionEntries.add(normalise(entry)));
            outcome.usage().filters().forEach(entry -> filterEntries.add(normalise(entry)));
        }
        Set<String> dimensionOrFilter = new HashSet<>(dimensionEntries);
        dimensionOrFilter.addAll(filterEntries);

        List<String> unusedMetrics = new ArrayList<>();
        List<String> unusedDimensions = new ArrayList<>();
        List<String> unusedFilters = new ArrayList<>();
        int metrics = 0;
        int dimensions = 0;
        int filters = 0;
        for (SemanticTable table : model.tables()) {
            for (Metric metric : table.metrics()) {
                metrics++;
                if (!mentioned(table.name(), metric.name(), null, metricEntries)) {
                    unusedMetrics.add(table.name() + "." + metric.name());
                }
            }
            List<String> dimensionNames = new ArrayList<>(table.dimensions().stream().map(Dimension::name).toList());
            dimensionNames.addAll(table.timeDimensions().stream().map(TimeDimension::name).toList());
            for (String name : dimensionNames) {
                dimensions++;
                if (!mentioned(table.name(), name, null, dimensionOrFilter)) {
                    unusedDimensions.add(table.name() + "." + name);
                }
            }
            for (NamedFilter filter : table.filters()) {
                filters++;
                if (!mentioned(table.name(), filter.name(), normalise(filter.expression()), filterEntries)) {
                    unusedFilters.add(table.name() + "." + filter.name());
                }
            }
        }
        return new Coverage(metrics, dimensions, filters, unusedMetrics, unusedDimensions, unusedFilters);
    }

    private static boolean mentioned(String table, String name, String expression, Set<String> entries)
    {
        Pattern word = Pattern.compile("(^|[^a-z0-9_])(" + Pattern.quote(table.toLowerCase(Locale.ROOT)) + "\\.)?"
                + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "($|[^a-z0-9_])");
        for (String entry : entries) {
            if (expression != null && entry.equals(expression)) {
                return true;
            }
            // a qualified entry counts only for its own table
            if (word.matcher(entry).find() && !qualifiedForAnotherTable(entry, table, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean qualifiedForAnotherTable(String entry, String table, String name)
    {
        Pattern qualified = Pattern.compile("([a-z0-9_]+)\\." + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "($|[^a-z0-9_])");
        var matcher = qualified.matcher(entry);
        while (matcher.find()) {
            String qualifier = matcher.group(1);
            if (!qualifier.equals(table.toLowerCase(Locale.ROOT)) && !qualifier.equals("gold")) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String text)
    {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
