package dev.aurum.semantic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Renders a metric's declaration ({@link Metric}) as Spark SQL over its table, and says what is wrong with a
 * declaration. The rules (docs/architecture.md, "The semantic model"):
 * <ul>
 * <li>simple: {@code AGG(CASE WHEN filter THEN expr END)} (a count without expr counts rows: {@code COUNT(*)}, or
 * {@code COUNT(CASE WHEN filter THEN 1 END)}); a sum is 0 over no rows ({@code COALESCE(.., 0)}); every figure that
 * is not {@code format: integer} is rounded to two decimals, except counts;</li>
 * <li>ratio: {@code ROUND(numerator / NULLIF(denominator, 0), 2)} over the unrounded aggregates, times 100 when the
 * format is percent (0-100);</li>
 * <li>derived: its {@code expr} with every {@code {metric}} replaced by that metric's unrounded aggregate, rounded to
 * two decimals unless integer.</li>
 * </ul>
 */
public final class MetricSql
{
    private static final Pattern REFERENCE = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

    private final SemanticTable table;

    public MetricSql(SemanticTable table)
    {
        this.table = requireNonNull(table, "table is null");
    }

    /** The metric's SQL as it goes into a SELECT list: aggregated, rounded, 0 for a sum over nothing. */
    public String render(Metric metric)
    {
        String aggregate = aggregate(metric, new LinkedHashSet<>());
        return switch (metric.type()) {
            case "simple" -> finishSimple(metric.agg(), metric.format(), aggregate);
            case "ratio", "derived" -> metric.format().equals("integer") ? aggregate : "ROUND(" + aggregate + ", 2)";
            default -> throw new IllegalArgumentException("metric '" + table.name() + "." + metric.name() + "' has unknown type '" + metric.type() + "'");
        };
    }

    /**
     * The same metric without references to other metrics of the table, so that it renders alike in a table that
     * holds only some of the metrics (the LLM's slice of the model): a ratio's sides that name simple metrics become
     * inline aggregates. A derived metric (or a ratio of ratios) cannot be written without its references and stays
     * as it is.
     */
    public Metric selfContained(Metric metric)
    {
        if (!metric.type().equals("ratio")) {
            return metric;
        }
        MetricPart numerator = inline(metric.numerator());
        MetricPart denominator = inline(metric.denominator());
        if (numerator == metric.numerator() && denominator == metric.denominator()) {
            return metric;
        }
        return new Metric(metric.name(), metric.type(), metric.agg(), metric.expr(), metric.filter(), numerator, denominator, metric.nonAdditive(),
                metric.excludes(), metric.description(), metric.synonyms(), metric.unit(), metric.format());
    }

    private MetricPart inline(MetricPart part)
    {
        if (part == null || part.metric() == null) {
            return part;
        }
        Optional<Metric> base = find(part.metric()).filter(Metric::isSimple);
        if (base.isEmpty()) {
            return part;
        }
        String filter = base.get().filter() == null ? part.filter()
                : part.filter() == null ? base.get().filter() : "(" + base.get().filter() + ") AND (" + part.filter() + ")";
        return new MetricPart(null, base.get().agg(), base.get().expr(), filter);
    }

    /** The metric's aggregate before rounding and before 0 for nothing: what ratios and derived metrics combine. */
    public String aggregate(Metric metric)
    {
        return aggregate(metric, new LinkedHashSet<>());
    }

    private static String finishSimple(String agg, String format, String aggregate)
    {
        boolean whole = format.equals("integer");
        return switch (agg) {
            case "sum" -> whole ? "COALESCE(" + aggregate + ", 0)" : "ROUND(COALESCE(" + aggregate + ", 0), 2)";
            case "count", "count_distinct" -> aggregate;
            default -> whole ? aggregate : "ROUND(" + aggregate + ", 2)";
        };
    }

    private String aggregate(Metric metric, Set<String> visiting)
    {
        if (!visiting.add(metric.name())) {
            throw new IllegalArgumentException("metric '" + table.name() + "." + metric.name() + "' refers to itself through " + String.join(" -> ", visiting));
        }
        try {
            return switch (metric.type()) {
                case "simple" -> simple(metric.agg(), metric.expr(), metric.filter());
                case "ratio" -> (metric.format().equals("percent") ? "100 * " : "") + part(metric.numerator(), visiting)
                        + " / NULLIF(" + part(metric.denominator(), visiting) + ", 0)";
                case "derived" -> derived(metric, visiting);
                default -> throw new IllegalArgumentException("metric '" + table.name() + "." + metric.name() + "' has unknown type '" + metric.type() + "'");
            };
        }
        finally {
            visiting.remove(metric.name());
        }
    }

    private String derived(Metric metric, Set<String> visiting)
    {
        Matcher matcher = REFERENCE.matcher(metric.expr());
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            Metric referenced = referenced(metric, matcher.group(1));
            String aggregate = aggregate(referenced, visiting);
            matcher.appendReplacement(sql, Matcher.quoteReplacement(referenced.isSimple() ? aggregate : "(" + aggregate + ")"));
        }
        matcher.appendTail(sql);
        return sql.toString();
    }

    private String part(MetricPart part, Set<String> visiting)
    {
        if (part.metric() == null) {
            return simple(part.agg(), part.expr(), part.filter());
        }
        Metric base = table.metrics().stream().filter(metric -> metric.name().equals(part.metric())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table '" + table.name() + "' has no metric '" + part.metric() + "'"));
        if (part.filter() == null) {
            String aggregate = aggregate(base, visiting);
            return base.isSimple() ? aggregate : "(" + aggregate + ")";
        }
        if (!base.isSimple()) {
            throw new IllegalArgumentException("'" + part.describe() + "': only a simple metric takes an extra filter");
        }
        String filter = base.filter() == null ? part.filter() : "(" + base.filter() + ") AND (" + part.filter() + ")";
        return simple(base.agg(), base.expr(), filter);
    }

    private Metric referenced(Metric metric, String name)
    {
        return table.metrics().stream().filter(other -> other.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("metric '" + table.name() + "." + metric.name() + "' refers to {" + name
                        + "}, which is not a metric of table '" + table.name() + "'"));
    }

    private static String simple(String agg, String expr, String filter)
    {
        String value = expr == null ? (filter == null ? "*" : "1") : expr;
        String input = filter == null ? value : "CASE WHEN " + filter + " THEN " + value + " END";
        return switch (agg) {
            case "sum" -> "SUM(" + input + ")";
            case "count" -> "COUNT(" + input + ")";
            case "count_distinct" -> "COUNT(DISTINCT " + input + ")";
            case "avg" -> "AVG(" + input + ")";
            case "min" -> "MIN(" + input + ")";
            case "max" -> "MAX(" + input + ")";
            default -> throw new IllegalArgumentException("unknown agg '" + agg + "'");
        };
    }

    /**
     * The row conditions the metric aggregates under, one per aggregate it combines (a ratio has two), each as its
     * top-level AND-ed conditions, lower case with single spaces: what a planner asks to know whether a named filter
     * is already part of the metric.
     */
    public List<Set<String>> rowConditions(Metric metric)
    {
        List<Set<String>> conditions = new ArrayList<>();
        collectConditions(metric, conditions, new LinkedHashSet<>());
        return conditions;
    }

    private void collectConditions(Metric metric, List<Set<String>> conditions, Set<String> visiting)
    {
        if (!visiting.add(metric.name())) {
            return;
        }
        switch (metric.type()) {
            case "simple" -> conditions.add(conjuncts(metric.filter()));
            case "ratio" -> {
                for (MetricPart part : List.of(metric.numerator(), metric.denominator())) {
                    Optional<Metric> base = part.metric() == null ? Optional.empty() : find(part.metric());
                    if (base.isEmpty()) {
                        conditions.add(conjuncts(part.filter()));
                    }
                    else if (part.filter() == null) {
                        collectConditions(base.get(), conditions, visiting);
                    }
                    else {
                        Set<String> both = new LinkedHashSet<>(conjuncts(base.get().filter()));
                        both.addAll(conjuncts(part.filter()));
                        conditions.add(both);
                    }
                }
            }
            case "derived" -> {
                Matcher matcher = REFERENCE.matcher(metric.expr());
                while (matcher.find()) {
                    find(matcher.group(1)).ifPresent(referenced -> collectConditions(referenced, conditions, visiting));
                }
            }
            default -> {
            }
        }
    }

    /** A condition's top-level AND-ed parts, normalised; empty for none. */
    public static Set<String> conjuncts(String condition)
    {
        Set<String> parts = new LinkedHashSet<>();
        if (condition == null) {
            return parts;
        }
        String text = condition.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && text.startsWith(" and ", i)) {
                parts.add(text.substring(start, i).strip());
                start = i + " and ".length();
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** What is wrong with the declaration, each problem a sentence naming the table and metric; empty when fine. */
    public List<String> problems(Metric metric)
    {
        String name = "metric '" + table.name() + "." + metric.name() + "'";
        List<String> problems = new ArrayList<>();
        switch (metric.type()) {
            case "simple" -> {
                simpleProblems(problems, name, metric.agg(), metric.expr());
                if (metric.numerator() != null || metric.denominator() != null) {
                    problems.add(name + " is simple but has a numerator or denominator; declare 'type: ratio' or remove them.");
                }
            }
            case "ratio" -> {
                if (metric.agg() != null || metric.expr() != null || metric.filter() != null) {
                    problems.add(name + " is a ratio: it takes numerator and denominator, not agg, expr or filter; move them into an inline numerator or denominator.");
                }
                partProblems(problems, name, "numerator", metric.numerator());
                partProblems(problems, name, "denominator", metric.denominator());
            }
            case "derived" -> {
                if (metric.expr() == null) {
                    problems.add(name + " is derived but has no expr; write one over other metrics as {name}, e.g. \"100.0 * {late_orders} / NULLIF({orders}, 0)\".");
                }
                else {
                    Matcher matcher = REFERENCE.matcher(metric.expr());
                    boolean any = false;
                    while (matcher.find()) {
                        any = true;
                        if (find(matcher.group(1)).isEmpty()) {
                            problems.add(name + " refers to {" + matcher.group(1) + "}, which is not a metric of table '" + table.name() + "'; use one of " + metricNames() + ".");
                        }
                    }
                    if (!any) {
                        problems.add(name + " is derived but its expr names no metric; write other metrics as {name}, or declare it 'type: simple'.");
                    }
                }
                if (metric.agg() != null || metric.filter() != null || metric.numerator() != null || metric.denominator() != null) {
                    problems.add(name + " is derived: it takes only expr over other metrics; remove agg, filter, numerator and denominator.");
                }
            }
            default -> problems.add(name + " has type '" + metric.type() + "'; use one of " + sorted(Metric.TYPES) + ".");
        }
        if (metric.format().equals("money") && metric.unit().isBlank()) {
            problems.add(name + " is money but has no unit; add its ISO currency code, e.g. 'unit: EUR'.");
        }
        for (String dimension : metric.nonAdditive()) {
            boolean known = table.dimensions().stream().anyMatch(d -> d.name().equals(dimension))
                    || table.timeDimensions().stream().anyMatch(t -> t.name().equals(dimension));
            if (!known) {
                problems.add(name + " is non_additive over '" + dimension + "', which is not a dimension of table '" + table.name() + "'.");
            }
        }
        for (String excluded : metric.excludes()) {
            if (find(excluded).isEmpty() || excluded.equals(metric.name())) {
                problems.add(name + " excludes '" + excluded + "', which is not another metric of table '" + table.name() + "'; use one of " + metricNames() + ".");
            }
        }
        if (problems.isEmpty()) {
            try {
                render(metric);
            }
            catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage() + ".");
            }
        }
        return problems;
    }

    private void partProblems(List<String> problems, String name, String side, MetricPart part)
    {
        if (part == null) {
            problems.add(name + " is a ratio without a " + side + "; add '" + side + ": <metric of " + table.name() + ">'.");
            return;
        }
        if (part.metric() != null) {
            if (part.agg() != null || part.expr() != null) {
                problems.add(name + ": its " + side + " names metric '" + part.metric() + "' and an agg or expr; give one or the other.");
            }
            Optional<Metric> base = find(part.metric());
            if (base.isEmpty()) {
                problems.add(name + ": its " + side + " '" + part.metric() + "' is not a metric of table '" + table.name() + "'; use one of " + metricNames() + ".");
            }
            else if (part.filter() != null && !base.get().isSimple()) {
                problems.add(name + ": its " + side + " adds a filter to '" + part.metric() + "', which is not a simple metric.");
            }
            return;
        }
        simpleProblems(problems, name + "'s " + side, part.agg(), part.expr());
    }

    private static void simpleProblems(List<String> problems, String name, String agg, String expr)
    {
        if (agg == null) {
            problems.add(name + " has no agg; use one of " + sorted(Metric.AGGREGATIONS) + ".");
        }
        else if (!Metric.AGGREGATIONS.contains(agg)) {
            problems.add(name + " has agg '" + agg + "'; use one of " + sorted(Metric.AGGREGATIONS) + ".");
        }
        else if (expr == null && !agg.equals("count")) {
            problems.add(name + " aggregates with " + agg + " but has no expr; name the column or row expression it aggregates.");
        }
    }

    private Optional<Metric> find(String name)
    {
        return table.metrics().stream().filter(metric -> metric.name().equals(name)).findFirst();
    }

    private List<String> metricNames()
    {
        return table.metrics().stream().map(Metric::name).toList();
    }

    private static String sorted(Set<String> values)
    {
        return String.join(", ", new java.util.TreeSet<>(values));
    }
}
