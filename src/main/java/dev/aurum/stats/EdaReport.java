package dev.aurum.stats;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The exploratory profile of Gold tables (see {@link EdaProfiler}). */
public record EdaReport(List<TableProfile> tables, Trend trend)
{
    public EdaReport
    {
        tables = List.copyOf(tables);
    }

    public record TableProfile(String table, long rowCount, List<ColumnProfile> columns, List<Correlation> correlations)
    {
        public TableProfile
        {
            requireNonNull(table, "table is null");
            columns = List.copyOf(columns);
            correlations = List.copyOf(correlations);
        }
    }

    /**
     * One column. {@code distinct} is approximate (HyperLogLog, about 1% relative error) so the profile scales;
     * {@code numbers} only for numeric columns, {@code topValues} only for text.
     */
    public record ColumnProfile(String name, String type, double nullPercent, long distinct, NumberProfile numbers, List<TopValue> topValues,
            List<Bin> histogram)
    {
        public ColumnProfile
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            topValues = List.copyOf(topValues);
            histogram = List.copyOf(histogram);
        }
    }

    /** Percentiles are Spark's {@code percentile_approx} (accuracy 10,000); outliers lie beyond 1.5 IQR of the quartiles. */
    public record NumberProfile(double min, double max, double mean, Double standardDeviation, double p1, double p25, double p50, double p75, double p99,
            long outliers) {}

    public record TopValue(String value, long count) {}

    public record Bin(double from, double to, long count) {}

    public record Correlation(String first, String second, double pearson) {}

    /** A money metric by month; null when the model has none. */
    public record Trend(String table, String metric, List<String> months, List<Double> values)
    {
        public Trend
        {
            months = List.copyOf(months);
            values = List.copyOf(values);
        }
    }
}
