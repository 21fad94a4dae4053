package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One logical table of the model over one Gold base table.
 *
 * @param baseTable qualified Spark name, e.g. {@code gold.order_facts}
 * @param grain what one row is, in words ("one row per order")
 */
public record SemanticTable(
        String name,
        String description,
        @JsonProperty("base_table") String baseTable,
        String grain,
        @JsonProperty("primary_key") List<String> primaryKey,
        List<String> synonyms,
        List<Dimension> dimensions,
        @JsonProperty("time_dimensions") List<TimeDimension> timeDimensions,
        List<Metric> metrics,
        List<NamedFilter> filters)
{
    public SemanticTable
    {
        requireNonNull(name, "name is null");
        requireNonNull(baseTable, "base_table is null");
        description = description == null ? "" : description;
        grain = grain == null ? "" : grain;
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        timeDimensions = timeDimensions == null ? List.of() : List.copyOf(timeDimensions);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public Optional<Metric> metric(String metricName)
    {
        return metrics.stream().filter(metric -> metric.name().equals(metricName)).findFirst();
    }

    /** The metric's SQL, rendered from its declaration (see {@link MetricSql}). */
    public String metricSql(Metric metric)
    {
        return new MetricSql(this).render(metric);
    }
}
