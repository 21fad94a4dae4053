package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.DateRange;
import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.assistant.proposal.TimeGrain;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.Relationship;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Binds a {@link PlanSpec} to the semantic model: which Gold table answers it, which declared joins reach its
 * dimensions and filters, which time axis it cuts, or why no table can (docs/architecture.md, "The planner's rules").
 * It writes no SQL: the planner asks it whether a reading is possible, and {@link SqlWriter} prints only what it bound.
 * Every table that holds the metrics, dimensions, filters and time cut asked for can answer (the model defines a metric
 * on a table only where it is exact at any grouping that table allows); the smallest pre-aggregated one wins, else the
 * first order-level table in model order. Joins follow only the model's declared many-to-one relationships.
 */
final class Binder
{
    private static final Set<String> TIME_PARTS = Set.of("date", "day", "week", "year", "quarter", "month");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Reaching rows of a child table counts like this many joins: only when nothing else can answer. */
    private static final int CHILD_PENALTY = 100;

    private final SemanticModel model;

    Binder(SemanticModel model)
    {
        this.model = requireNonNull(model, "model is null");
    }

    /** A spec bound to the one table that answers it, or why no table can. */
    sealed interface Binding
            permits Bound, Unbound {}

    /**
     * A spec bound to its table: the time axis it cuts (null when it asks no time), where each dimension it names comes
     * from (the table itself or a many-to-one neighbour), the child tables its groupings reach, the named filters
     * it takes from a parent table, and the measures it would add up across a dimension they are declared
     * {@code non_additive} over. Everything {@link SqlWriter} needs to print the SQL, and no SQL text.
     *
     * @param summedAcross measures whose rows repeat one figure along a dimension the spec neither groups by nor fixes
     *        to one value: answering would add them up across it, so the planner asks back instead
     */
    record Bound(SemanticTable table, PlanSpec spec, TimeAxis axis, Map<String, Reach> reaches, Map<String, ChildReach> children,
            Map<String, ParentFilter> parentFilters, List<SummedAcross> summedAcross)
            implements Binding
    {
        Bound
        {
            requireNonNull(table, "table is null");
            requireNonNull(spec, "spec is null");
            reaches = Map.copyOf(reaches);
            children = Map.copyOf(children);
            parentFilters = Map.copyOf(parentFilters);
            summedAcross = List.copyOf(summedAcross);
        }

        /** The spec can be answered without adding a non-additive metric across its dimension. */
        boolean additive()
        {
            return summedAcross.isEmpty();
        }

        Optional<Reach> reach(String dimension)
        {
            return Optional.ofNullable(reaches.get(dimension));
        }

        Optional<ChildReach> child(String dimension)
        {
            return Optional.ofNullable(children.get(dimension));
        }

        Optional<ParentFilter> parentFilter(String filter)
        {
            return Optional.ofNullable(parentFilters.get(filter));
        }
    }

    /** A metric of the spec, declared {@code non_additive} over a dimension the spec would add it up across. */
    record SummedAcross(String metric, String dimension)
    {
        SummedAcross
        {
            requireNonNull(metric, "metric is null");
            requireNonNull(dimension, "dimension is null");
        }
    }

    record Unbound(String reason)
            implements Binding
    {
        Unbound
        {
            requireNonNull(reason, "reason is null");
        }
    }

    /** A time axis of a table: a date-valued SQL expression and the finest grain it can be cut to. */
    record TimeAxis(String name, String dateExpression, TimeGrain finest) {}

    /** Whether the spec can be answered, and from which table with which joins; never writes SQL. */
    Binding bind(PlanSpec spec)
    {
        List<String> reasons = new ArrayList<>();
        List<SemanticTable> candidates = new ArrayList<>();
        for (SemanticTable table : model.tables()) {
            Optional<String> problem = unusable(table, spec);
            if (problem.isEmpty()) {
                candidates.add(table);
            }
            else {
                reasons.add(problem.get());
            }
        }
        if (candidates.isEmpty()) {
            return new Unbound("no table of the model holds " + describe(spec) + " together");
        }
        int fewestJoins = candidates.stream().mapToInt(table -> joinsNeeded(table, spec)).min().orElseThrow();
        List<SemanticTable> direct = candidates.stream().filter(table -> joinsNeeded(table, spec) == fewestJoins).toList();
        SemanticTable chosen = direct.stream()
                .filter(table -> isAggregate(table))
                .min((left, right) -> Integer.compare(width(left), width(right)))
                .orElse(direct.get(0));
        return bound(chosen, spec);
    }

    /** The chosen table with where each named dimension and filter comes from, as {@link #unusable} found them. */
    private Bound bound(SemanticTable table, PlanSpec spec)
    {
        boolean needsTime = spec.grain() != null || !spec.ranges().isEmpty() || spec.growth() || spec.timeDimension() != null;
        TimeAxis axis = needsTime ? axis(table, spec.timeDimension()).orElseThrow() : null;
        List<String> names = new ArrayList<>(spec.dimensions());
        spec.valueFilters().forEach(filter -> names.add(filter.dimension()));
        spec.measures().stream().map(PlanSpec.Measure::distinctDimension).filter(name -> name != null).forEach(names::add);
        Map<String, Reach> reaches = new HashMap<>();
        Map<String, ChildReach> children = new HashMap<>();
        for (String name : names) {
            Optional<Reach> reach = reachableDimension(table, name);
            if (reach.isPresent()) {
                reaches.put(name, reach.get());
            }
            else {
                childDimension(table, name).ifPresent(child -> children.put(name, child));
            }
        }
        Map<String, ParentFilter> parentFilters = new HashMap<>();
        for (PlanSpec.FilterUse filter : spec.namedFilters()) {
            if (namedFilter(table, filter.name()).isEmpty()) {
                parentFilter(table, filter.name()).ifPresent(parent -> parentFilters.put(filter.name(), parent));
            }
        }
        return new Bound(table, spec, axis, reaches, children, parentFilters, summedAcross(table, spec, axis));
    }

    /**
     * The measures of the spec declared {@code non_additive} over a dimension (docs/architecture.md, "The semantic
     * model") that the spec neither groups by nor fixes: a dimension is fixed by a filter to one value, a time dimension
     * by grouping at its finest grain or by a range of exactly one such period.
     */
    private static List<SummedAcross> summedAcross(SemanticTable table, PlanSpec spec, TimeAxis axis)
    {
        List<SummedAcross> found = new ArrayList<>();
        for (PlanSpec.Measure measure : spec.measures()) {
            for (String name : Arrays.asList(measure.metric(), measure.per())) {
                if (name == null) {
                    continue;
                }
                metric(table, name).ifPresent(metric -> metric.nonAdditive().stream()
                        .filter(dimension -> !fixed(table, spec, axis, dimension))
                        .map(dimension -> new SummedAcross(name, dimension))
                        .filter(across -> !found.contains(across))
                        .forEach(found::add));
            }
        }
        return found;
    }

    private static boolean fixed(SemanticTable table, PlanSpec spec, TimeAxis axis, String dimension)
    {
        if (spec.dimensions().contains(dimension)) {
            return true;
        }
        if (spec.valueFilters().stream().anyMatch(filter -> filter.dimension().equals(dimension) && !filter.negated() && filter.values().size() == 1)) {
            return true;
        }
        boolean timeDimension = table.timeDimensions().stream().anyMatch(time -> time.name().equals(dimension));
        if (!timeDimension || axis == null || !axis.name().equals(dimension)) {
            return false;
        }
        return spec.grain() == axis.finest()
                || spec.ranges().size() == 1 && spec.ranges().get(0).exactGrain().equals(Optional.of(axis.finest()));
    }

    private static String describe(PlanSpec spec)
    {
        List<String> parts = new ArrayList<>();
        spec.measures().forEach(measure -> parts.add(SqlWriter.columnName(measure)));
        parts.addAll(spec.dimensions());
        spec.valueFilters().forEach(filter -> parts.add(filter.dimension()));
        spec.namedFilters().forEach(filter -> parts.add(filter.name()));
        if (spec.grain() != null || !spec.ranges().isEmpty()) {
            parts.add("time");
        }
        return String.join(", ", parts);
    }

    /** How many neighbour tables must be joined for the dimensions the spec needs. */
    private int joinsNeeded(SemanticTable table, PlanSpec spec)
    {
        Set<String> neighbours = new java.util.HashSet<>();
        int childPenalty = 0;
        List<String> names = new ArrayList<>(spec.dimensions());
        spec.valueFilters().forEach(filter -> names.add(filter.dimension()));
        spec.measures().stream().map(PlanSpec.Measure::distinctDimension).filter(name -> name != null).forEach(names::add);
        for (String name : names) {
            Optional<Reach> reach = reachableDimension(table, name);
            if (reach.isPresent()) {
                reach.filter(found -> found.via() != null).ifPresent(found -> neighbours.add(found.from().name()));
            }
            else {
                // a last resort: any table that holds the dimension itself is preferred
                childDimension(table, name).ifPresent(child -> neighbours.add("child " + child.child().name()));
                childPenalty = CHILD_PENALTY;
            }
        }
        for (PlanSpec.FilterUse filter : spec.namedFilters()) {
            if (namedFilter(table, filter.name()).isEmpty()) {
                parentFilter(table, filter.name()).ifPresent(parent -> neighbours.add(parent.parent().name()));
            }
        }
        return neighbours.size() + childPenalty;
    }

    private static int width(SemanticTable table)
    {
        return table.dimensions().size() + table.metrics().size() + table.timeDimensions().size();
    }

    /** Why the table cannot answer, or empty when it can. */
    private Optional<String> unusable(SemanticTable table, PlanSpec spec)
    {
        for (PlanSpec.Measure measure : spec.measures()) {
            List<String> needed = new ArrayList<>();
            if (measure.metric() != null) {
                needed.add(measure.metric());
            }
            if (measure.per() != null) {
                needed.add(measure.per());
            }
            for (String metric : needed) {
                if (metric(table, metric).isEmpty()) {
                    return Optional.of(table.name() + " has no metric " + metric);
                }
            }
            if (measure.distinctDimension() != null) {
                if (reachableDimension(table, measure.distinctDimension()).isEmpty()) {
                    return Optional.of(table.name() + " cannot count distinct " + measure.distinctDimension());
                }
            }
        }
        for (String dimension : spec.dimensions()) {
            if (reachableDimension(table, dimension).isEmpty() && childDimension(table, dimension).isEmpty()) {
                return Optional.of(table.name() + " has no dimension " + dimension);
            }
        }
        for (PlanSpec.ValueFilter filter : spec.valueFilters()) {
            if (reachableDimension(table, filter.dimension()).isEmpty() && childDimension(table, filter.dimension()).isEmpty()) {
                return Optional.of(table.name() + " has no dimension " + filter.dimension());
            }
        }
        for (PlanSpec.FilterUse filter : spec.namedFilters()) {
            if (namedFilter(table, filter.name()).isEmpty() && parentFilter(table, filter.name()).isEmpty()) {
                return Optional.of(table.name() + " has no filter " + filter.name());
            }
        }
        boolean childGrouping = spec.dimensions().stream().anyMatch(dimension -> reachableDimension(table, dimension).isEmpty());
        if (childGrouping) {
            for (PlanSpec.Measure measure : spec.measures()) {
                if (measure.metric() != null && measure.per() == null && metric(table, measure.metric()).orElseThrow().isAdditive()) {
                    // a sum per category over whole orders would count an order once in every category it holds
                    return Optional.of(table.name() + " cannot add up " + measure.metric() + " per " + String.join(", ", spec.dimensions()) + " of its items");
                }
            }
        }
        if (spec.growth() || spec.compare()) {
            // growth and comparisons write their own sub-queries over the base table; keep them to plain joins
            for (String dimension : spec.dimensions()) {
                if (reachableDimension(table, dimension).isEmpty()) {
                    return Optional.of(table.name() + " cannot compare periods by " + dimension);
                }
            }
        }
        boolean needsTime = spec.grain() != null || !spec.ranges().isEmpty() || spec.growth() || spec.timeDimension() != null;
        if (needsTime) {
            Optional<TimeAxis> axis = axis(table, spec.timeDimension());
            if (axis.isEmpty()) {
                return Optional.of(table.name() + " has no usable time dimension");
            }
            TimeGrain finest = axis.get().finest();
            List<TimeGrain> grains = new ArrayList<>();
            if (spec.grain() != null) {
                grains.add(spec.grain());
            }
            if (spec.growthGrain() != null) {
                grains.add(spec.growthGrain());
            }
            for (TimeGrain grain : grains) {
                if (grain.ordinal() < finest.ordinal() || (grain == TimeGrain.WEEK && finest != TimeGrain.DAY)) {
                    return Optional.of(table.name() + " cannot be cut by " + grain.modelName());
                }
            }
            for (DateRange range : allRanges(spec)) {
                if (!finest.periodStart(range.start()).equals(range.start()) || !finest.periodStart(range.endExclusive()).equals(range.endExclusive())) {
                    return Optional.of(table.name() + " is stored by " + finest.modelName() + " and cannot cut out " + range.label());
                }
            }
        }
        return Optional.empty();
    }

    /** The spec's ranges plus the previous periods a growth question compares against. */
    private static List<DateRange> allRanges(PlanSpec spec)
    {
        List<DateRange> ranges = new ArrayList<>(spec.ranges());
        if (spec.growth() && spec.ranges().size() == 1 && spec.grain() == null) {
            previousPeriod(spec, spec.ranges().get(0)).ifPresent(ranges::add);
        }
        return ranges;
    }

    static Optional<DateRange> previousPeriod(PlanSpec spec, DateRange range)
    {
        TimeGrain grain = spec.growthGrain() != null ? spec.growthGrain() : range.exactGrain().orElse(null);
        if (grain != null) {
            return Optional.of(range.shift(grain, -1));
        }
        long days = range.endExclusive().toEpochDay() - range.start().toEpochDay();
        LocalDate start = range.start().minusDays(days);
        return Optional.of(new DateRange(start, range.start(), "the " + days + " days before " + range.start()));
    }

    /** A table pre-aggregated over time: its declared primary key holds a time dimension or a calendar part. */
    private boolean isAggregate(SemanticTable table)
    {
        Set<String> timeNames = table.timeDimensions().stream().map(time -> time.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return table.primaryKey().stream().map(column -> column.toLowerCase(Locale.ROOT))
                .anyMatch(column -> TIME_PARTS.contains(column) || timeNames.contains(column));
    }

    static Optional<Metric> metric(SemanticTable table, String name)
    {
        return table.metrics().stream().filter(metric -> metric.name().equals(name)).findFirst();
    }

    static Optional<NamedFilter> namedFilter(SemanticTable table, String name)
    {
        return table.filters().stream().filter(filter -> filter.name().equals(name)).findFirst();
    }

    static Optional<Dimension> dimension(SemanticTable table, String name)
    {
        return table.dimensions().stream().filter(dimension -> dimension.name().equals(name)).findFirst();
    }

    /** A dimension of the table itself, or of a table one declared many-to-one hop away (with that hop). */
    record Reach(Dimension dimension, SemanticTable from, Relationship via) {}

    private Optional<Reach> reachableDimension(SemanticTable table, String name)
    {
        Optional<Dimension> own = dimension(table, name);
        if (own.isPresent()) {
            return Optional.of(new Reach(own.get(), table, null));
        }
        for (Relationship relationship : model.relationships()) {
            Optional<SemanticTable> other = manyToOneTarget(table, relationship);
            if (other.isPresent()) {
                Optional<Dimension> far = dimension(other.get(), name);
                if (far.isPresent() && IDENTIFIER.matcher(far.get().expression()).matches()) {
                    return Optional.of(new Reach(far.get(), other.get(), relationship));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A dimension of a table whose rows belong to this one (declared many-to-one towards it, joined on this table's
     * whole primary key): "orders holding a toy", "lead time per department" (each order once per
     * category it contains, as docs/gold-schema.md counts orders per category). Not for pre-aggregated tables.
     */
    record ChildReach(Dimension dimension, SemanticTable child, Relationship via, List<String> ownColumns, List<String> childColumns) {}

    private Optional<ChildReach> childDimension(SemanticTable table, String name)
    {
        if (isAggregate(table) || table.primaryKey().isEmpty()) {
            return Optional.empty();
        }
        for (Relationship relationship : model.relationships()) {
            for (SemanticTable child : model.tables()) {
                if (child.name().equals(table.name()) || !manyToOneTarget(child, relationship).map(SemanticTable::name).equals(Optional.of(table.name()))) {
                    continue;
                }
                boolean childIsLeft = model.table(relationship.leftTable()).map(SemanticTable::name).equals(Optional.of(child.name()));
                List<String> own = relationship.columns().stream().map(pair -> childIsLeft ? pair.rightColumn() : pair.leftColumn()).toList();
                List<String> far = relationship.columns().stream().map(pair -> childIsLeft ? pair.leftColumn() : pair.rightColumn()).toList();
                if (!Set.copyOf(own.stream().map(column -> column.toLowerCase(Locale.ROOT)).toList())
                        .equals(Set.copyOf(table.primaryKey().stream().map(column -> column.toLowerCase(Locale.ROOT)).toList()))) {
                    continue;
                }
                Optional<Dimension> dimension = dimension(child, name);
                if (dimension.isPresent() && IDENTIFIER.matcher(dimension.get().expression()).matches()) {
                    return Optional.of(new ChildReach(dimension.get(), child, relationship, own, far));
                }
            }
        }
        return Optional.empty();
    }

    /** A named filter of a table this one points to many-to-one ("revenue from repeat customers"). */
    record ParentFilter(NamedFilter filter, SemanticTable parent, Relationship via) {}

    private Optional<ParentFilter> parentFilter(SemanticTable table, String name)
    {
        for (Relationship relationship : model.relationships()) {
            Optional<SemanticTable> parent = manyToOneTarget(table, relationship);
            if (parent.isPresent() && !isAggregate(parent.get())) {
                Optional<NamedFilter> filter = namedFilter(parent.get(), name);
                if (filter.isPresent()) {
                    return Optional.of(new ParentFilter(filter.get(), parent.get(), relationship));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<SemanticTable> manyToOneTarget(SemanticTable table, Relationship relationship)
    {
        Optional<SemanticTable> left = model.table(relationship.leftTable());
        Optional<SemanticTable> right = model.table(relationship.rightTable());
        if (left.isEmpty() || right.isEmpty()) {
            return Optional.empty();
        }
        String cardinality = relationship.cardinality().toLowerCase(Locale.ROOT);
        if (left.get().name().equals(table.name()) && (cardinality.equals("many_to_one") || cardinality.equals("one_to_one"))) {
            return right;
        }
        if (right.get().name().equals(table.name()) && (cardinality.equals("one_to_many") || cardinality.equals("one_to_one"))) {
            return left;
        }
        return Optional.empty();
    }

    /** The table's time axis: the named time dimension, else its first one, else one made of year/quarter/month columns. */
    private Optional<TimeAxis> axis(SemanticTable table, String wanted)
    {
        for (TimeDimension time : table.timeDimensions()) {
            if (wanted == null || time.name().equals(wanted)) {
                String type = time.dataType().toLowerCase(Locale.ROOT);
                String expression = type.startsWith("timestamp") ? "CAST(" + time.expression() + " AS DATE)" : time.expression();
                TimeGrain finest = time.grains().stream()
                        .map(TimeExpressions::grainOf)
                        .min(Enum::compareTo)
                        .orElse(TimeGrain.DAY);
                return Optional.of(new TimeAxis(time.name(), expression, finest));
            }
        }
        if (wanted != null) {
            return Optional.empty();
        }
        Optional<Dimension> date = dimension(table, "date");
        if (date.isPresent()) {
            return Optional.of(new TimeAxis("date", date.get().expression(), TimeGrain.DAY));
        }
        Optional<Dimension> year = dimension(table, "year");
        Optional<Dimension> month = dimension(table, "month");
        Optional<Dimension> quarter = dimension(table, "quarter");
        if (year.isPresent() && month.isPresent()) {
            return Optional.of(new TimeAxis("month", "make_date(" + year.get().expression() + ", " + month.get().expression() + ", 1)", TimeGrain.MONTH));
        }
        if (year.isPresent() && quarter.isPresent()) {
            return Optional.of(new TimeAxis("quarter", "make_date(" + year.get().expression() + ", (" + quarter.get().expression() + " - 1) * 3 + 1, 1)", TimeGrain.QUARTER));
        }
        if (year.isPresent()) {
            return Optional.of(new TimeAxis("year", "make_date(" + year.get().expression() + ", 1, 1)", TimeGrain.YEAR));
        }
        return Optional.empty();
    }
}
