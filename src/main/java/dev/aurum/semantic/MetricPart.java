package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/**
 * One side of a ratio metric: either the name of another metric of the same table ({@code numerator: revenue}), or
 * an inline simple aggregate ({@code numerator: {agg: count, filter: "order_status = 'canceled'"}}), or another
 * metric with an extra row condition ({@code {metric: orders, filter: "..."}}), as MetricFlow's ratio inputs.
 */
public record MetricPart(String metric, String agg, String expr, String filter)
{
    @JsonCreator
    public MetricPart(
            @JsonProperty("metric") String metric,
            @JsonProperty("agg") String agg,
            @JsonProperty("expr") String expr,
            @JsonProperty("filter") String filter)
    {
        this.metric = metric == null || metric.isBlank() ? null : metric.strip();
        this.agg = agg == null || agg.isBlank() ? null : agg.strip().toLowerCase(Locale.ROOT);
        this.expr = expr == null || expr.isBlank() ? null : expr.strip();
        this.filter = filter == null || filter.isBlank() ? null : filter.strip();
    }

    /** {@code numerator: revenue}: another metric by name. */
    @JsonCreator
    public static MetricPart of(String metric)
    {
        return new MetricPart(metric, null, null, null);
    }

    /** What the part names, for messages. */
    public String describe()
    {
        if (metric != null) {
            return filter == null ? metric : metric + " where " + filter;
        }
        return (agg == null ? "?" : agg) + "(" + (expr == null ? "*" : expr) + ")" + (filter == null ? "" : " where " + filter);
    }
}
