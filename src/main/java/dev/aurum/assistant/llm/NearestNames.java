package dev.aurum.assistant.llm;

import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * For an analyzer error about a name that does not resolve, the semantic model's valid names nearest to it (by edit
 * distance), so the repair request says what the model should have written.
 */
public final class NearestNames
{
    private static final Pattern UNRESOLVED = Pattern.compile("`([^`]+)`[^`]*(cannot be resolved|cannot be found|is not available|not found)"
            + "|(?:no table|is not available:?)\\s+([a-z_][a-z0-9_.]*)", Pattern.CASE_INSENSITIVE);
    private static final int SUGGESTIONS = 3;

    private final Set<String> columns = new LinkedHashSet<>();
    private final Set<String> tables = new LinkedHashSet<>();

    public NearestNames(SemanticModel model)
    {
        requireNonNull(model, "model is null");
        for (SemanticTable table : model.tables()) {
            tables.add(table.baseTable().toLowerCase(Locale.ROOT));
            table.dimensions().stream().map(Dimension::expression).filter(NearestNames::isName).forEach(columns::add);
            table.timeDimensions().stream().map(TimeDimension::expression).filter(NearestNames::isName).forEach(columns::add);
            table.metrics().stream().map(Metric::name).forEach(columns::add);
        }
    }

    private static boolean isName(String expression)
    {
        return expression.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** " Nearest valid names: a, b, c." for the unresolved name of an error message; empty when there is none. */
    public String suggest(String error)
    {
        if (error == null) {
            return "";
        }
        Matcher matcher = UNRESOLVED.matcher(error);
        if (!matcher.find()) {
            return "";
        }
        String wrong = (matcher.group(1) != null ? matcher.group(1) : matcher.group(3)).toLowerCase(Locale.ROOT);
        String last = wrong.substring(wrong.lastIndexOf('.') + 1);
        boolean table = matcher.group(3) != null || error.toLowerCase(Locale.ROOT).contains("table");
        List<String> candidates = new ArrayList<>(table ? tables : columns);
        String target = table ? wrong : last;
        candidates.sort(Comparator.comparingInt((String name) -> distance(target, name)).thenComparing(name -> name));
        List<String> nearest = candidates.stream().limit(SUGGESTIONS).toList();
        return nearest.isEmpty() ? "" : ". Nearest valid " + (table ? "tables" : "columns") + " of the semantic model: " + String.join(", ", nearest);
    }

    static int distance(String left, String right)
    {
        int[] previous = new int[right.length() + 1];
        int[] current = new int[right.length() + 1];
        for (int j = 0; j <= right.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= right.length(); j++) {
                int cost = left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length()];
    }
}
