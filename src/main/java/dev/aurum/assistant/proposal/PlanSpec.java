package dev.aurum.assistant.proposal;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a question asks for, in model terms and before any table is chosen. Kept in the {@link QueryPlan} so a
 * follow-up ("now by state", "only 2018") can refine it.
 *
 * @param grain the time bucket to group by, or null
 * @param timeDimension a time dimension the question named ("delivered date"), or null for the table's default
 * @param limit top/bottom N, or null for every row
 * @param ascending bottom N / lowest first
 * @param share each group's share of the total (percent)
 * @param growth change against the previous period
 * @param growthGrain the period of a growth comparison (MoM: month), or null
 * @param compare the two ranges are two periods set against each other ("2018 vs 2017")
 * @param chart a chart was asked for
 */
public record PlanSpec(
        List<Measure> measures,
        List<String> dimensions,
        TimeGrain grain,
        String timeDimension,
        List<DateRange> ranges,
        List<ValueFilter> valueFilters,
        List<FilterUse> namedFilters,
        Integer limit,
        boolean ascending,
        boolean share,
        boolean growth,
        TimeGrain growthGrain,
        boolean compare,
        boolean chart)
{
    public PlanSpec
    {
        measures = List.copyOf(measures);
        dimensions = List.copyOf(dimensions);
        ranges = List.copyOf(ranges);
        valueFilters = List.copyOf(valueFilters);
        namedFilters = List.copyOf(namedFilters);
    }

    /**
     * One output number: a model metric, a ratio of two metrics ("revenue per order"), or a distinct count of a
     * dimension ("how many sellers").
     *
     * @param metric the metric name, or null for a distinct count
     * @param per the denominator metric of a ratio, or null
     * @param distinctDimension the dimension counted, or null
     */
    public record Measure(String metric, String per, String distinctDimension)
    {
        public Measure
        {
            if (metric == null && distinctDimension == null) {
                throw new IllegalArgumentException("a measure needs a metric or a dimension to count");
            }
        }

        public static Measure of(String metric)
        {
            return new Measure(requireNonNull(metric, "metric is null"), null, null);
        }
    }

    /** {@code dimension IN (values)}, or NOT IN when negated. */
    public record ValueFilter(String dimension, List<String> values, boolean negated)
    {
        public ValueFilter
        {
            requireNonNull(dimension, "dimension is null");
            values = List.copyOf(values);
        }
    }

    /** A named filter of the model, or its negation. */
    public record FilterUse(String name, boolean negated)
    {
        public FilterUse
        {
            requireNonNull(name, "name is null");
        }
    }
}
