package dev.aurum.stats;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Profiles Gold tables with aggregate queries through the guarded executor (only aggregates reach the driver): row
 * count; per column type, null %, distinct count; for numbers min, max, mean, standard deviation, p1/p25/p50/p75/p99,
 * the IQR outlier count and a 20-bin histogram; for text the top values; Pearson correlations between numeric
 * columns; and the model's first money metric by month.
 */
public final class EdaProfiler
{
    private static final int BINS = 20;
    private static final int TOP_VALUES = 5;
    private static final int MAX_CORRELATED_COLUMNS = 12;

    private final SemanticModel model;
    private final Function<String, QueryResult> runner;

    public EdaProfiler(SemanticModel model, Function<String, QueryResult> runner)
    {
        this.model = requireNonNull(model, "model is null");
        this.runner = requireNonNull(runner, "runner is null");
    }

    /** @param tableName one table of the model (name or base table), or null for every table */
    public EdaReport profile(String tableName)
    {
        List<SemanticTable> tables = tableName == null ? model.tables() : List.of(model.table(tableName).orElseThrow(() -> new AurumException(
                ErrorCode.UNKNOWN_COLUMN, "There is no table " + tableName + " in the semantic model; tables: "
                        + String.join(", ", model.tables().stream().map(SemanticTable::name).toList()) + ".")));
        List<EdaReport.TableProfile> profiles = new ArrayList<>();
        for (SemanticTable table : tables) {
            profiles.add(profileTable(table.baseTable()));
        }
        return new EdaReport(profiles, trend(tables));
    }

    private EdaReport.TableProfile profileTable(String table)
    {
        List<ResultColumn> columns = runner.apply("SELECT * FROM " + table + " LIMIT 0").columns();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) AS row_count");
        for (ResultColumn column : columns) {
            String name = quote(column.name());
            sql.append(",\n  COUNT(").append(name).append("), approx_count_distinct(").append(name).append(", 0.01)");
            if (column.isNumeric()) {
                String value = "CAST(" + name + " AS DOUBLE)";
                sql.append(", MIN(").append(value).append("), MAX(").append(value).append("), AVG(").append(value).append("), STDDEV_SAMP(").append(value)
                        .append("), percentile_approx(").append(value).append(", array(0.01, 0.25, 0.5, 0.75, 0.99), 10000)");
            }
        }
        sql.append("\nFROM ").append(table);
        List<Object> row = runner.apply(sql.toString()).rows().get(0);
        long rowCount = ((Number) row.get(0)).longValue();
        int position = 1;
        List<EdaReport.ColumnProfile> profiles = new ArrayList<>();
        List<ResultColumn> numeric = new ArrayList<>();
        List<double[]> fences = new ArrayList<>();
        List<Object[]> pending = new ArrayList<>();
        for (ResultColumn column : columns) {
            long nonNull = ((Number) row.get(position++)).longValue();
            long distinct = ((Number) row.get(position++)).longValue();
            double nullPercent = rowCount == 0 ? 0 : 100.0 * (rowCount - nonNull) / rowCount;
            if (column.isNumeric()) {
                Object min = row.get(position++);
                Object max = row.get(position++);
                Object mean = row.get(position++);
                Object sd = row.get(position++);
                Object percentiles = row.get(position++);
                if (nonNull > 0 && percentiles instanceof List<?> p) {
                    double q1 = ((Number) p.get(1)).doubleValue();
                    double q3 = ((Number) p.get(3)).doubleValue();
                    double iqr = q3 - q1;
                    numeric.add(column);
                    fences.add(new double[] {q1 - 1.5 * iqr, q3 + 1.5 * iqr, ((Number) min).doubleValue(), ((Number) max).doubleValue()});
                    pending.add(new Object[] {column, nullPercent, distinct, min, max, mean, sd, p});
                    profiles.add(null); // filled once the outliers are counted
                    continue;
                }
            }
            List<EdaReport.TopValue> top = !column.isNumeric() && nonNull > 0 && distinct < nonNull * 0.9 ? topValues(table, column) : List.of();
            profiles.add(new EdaReport.ColumnProfile(column.name(), column.type(), nullPercent, distinct, null, top, List.of()));
        }
        List<Long> outliers = outliers(table, numeric, fences);
        int filled = 0;
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i) != null) {
                continue;
            }
            Object[] values = pending.get(filled);
            ResultColumn column = (ResultColumn) values[0];
            List<?> p = (List<?>) values[7];
            double[] fence = fences.get(filled);
            EdaReport.NumberProfile numbers = new EdaReport.NumberProfile(fence[2], fence[3], ((Number) values[5]).doubleValue(),
                    values[6] instanceof Number sd && !Double.isNaN(sd.doubleValue()) ? sd.doubleValue() : null, number(p.get(0)), number(p.get(1)),
                    number(p.get(2)), number(p.get(3)), number(p.get(4)), outliers.get(filled));
            profiles.set(i, new EdaReport.ColumnProfile(column.name(), column.type(), (double) values[1], (long) values[2], numbers, List.of(),
                    histogram(table, column, fence[2], fence[3])));
            filled++;
        }
        return new EdaReport.TableProfile(table, rowCount, profiles, correlations(table, numeric));
    }

    private List<Long> outliers(String table, List<ResultColumn> numeric, List<double[]> fences)
    {
        if (numeric.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < numeric.size(); i++) {
            String value = "CAST(" + quote(numeric.get(i).name()) + " AS DOUBLE)";
            sql.append(i == 0 ? "" : ",\n  ").append("COUNT_IF(").append(value).append(" < ").append(literal(fences.get(i)[0])).append(" OR ").append(value)
                    .append(" > ").append(literal(fences.get(i)[1])).append(")");
        }
        sql.append("\nFROM ").append(table);
        List<Long> counts = new ArrayList<>();
        for (Object value : runner.apply(sql.toString()).rows().get(0)) {
            counts.add(((Number) value).longValue());
        }
        return counts;
    }

    private List<EdaReport.Bin> histogram(String table, ResultColumn column, double min, double max)
    {
        if (!(max > min)) {
            return List.of();
        }
        double width = (max - min) / BINS;
        String value = "CAST(" + quote(column.name()) + " AS DOUBLE)";
        String sql = "SELECT LEAST(CAST(FLOOR((" + value + " - " + literal(min) + ") / " + literal(width) + ") AS INT), " + (BINS - 1) + ") AS bin, COUNT(*) AS row_count FROM "
                + table + " WHERE " + value + " IS NOT NULL GROUP BY 1 ORDER BY 1";
        long[] counts = new long[BINS];
        for (List<Object> row : runner.apply(sql).rows()) {
            int bin = ((Number) row.get(0)).intValue();
            counts[Math.max(0, Math.min(BINS - 1, bin))] += ((Number) row.get(1)).longValue();
        }
        List<EdaReport.Bin> bins = new ArrayList<>();
        for (int bin = 0; bin < BINS; bin++) {
            bins.add(new EdaReport.Bin(min + bin * width, min + (bin + 1) * width, counts[bin]));
        }
        return bins;
    }

    private List<EdaReport.TopValue> topValues(String table, ResultColumn column)
    {
        String name = quote(column.name());
        List<EdaReport.TopValue> top = new ArrayList<>();
        for (List<Object> row : runner.apply("SELECT CAST(" + name + " AS STRING) AS value, COUNT(*) AS row_count FROM " + table + " WHERE " + name
                + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + TOP_VALUES).rows()) {
            top.add(new EdaReport.TopValue(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue()));
        }
        return top;
    }

    private List<EdaReport.Correlation> correlations(String table, List<ResultColumn> numeric)
    {
        List<ResultColumn> columns = numeric.subList(0, Math.min(MAX_CORRELATED_COLUMNS, numeric.size()));
        if (columns.size() < 2) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                sql.append(pairs.isEmpty() ? "" : ",\n  ").append("corr(CAST(").append(quote(columns.get(i).name())).append(" AS DOUBLE), CAST(")
                        .append(quote(columns.get(j).name())).append(" AS DOUBLE))");
                pairs.add(new String[] {columns.get(i).name(), columns.get(j).name()});
            }
        }
        sql.append("\nFROM ").append(table);
        List<Object> row = runner.apply(sql.toString()).rows().get(0);
        List<EdaReport.Correlation> correlations = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (row.get(i) instanceof Number r && Double.isFinite(r.doubleValue())) {
                correlations.add(new EdaReport.Correlation(pairs.get(i)[0], pairs.get(i)[1], r.doubleValue()));
            }
        }
        return correlations;
    }

    /** The first money metric of a profiled table that has a date, by calendar month of that date. */
    private EdaReport.Trend trend(List<SemanticTable> tables)
    {
        for (SemanticTable table : tables) {
            TimeDimension date = table.timeDimensions().stream().filter(time -> time.dataType().equalsIgnoreCase("date")).findFirst().orElse(null);
            Metric money = table.metrics().stream().filter(metric -> metric.format().equalsIgnoreCase("money")).findFirst().orElse(null);
            if (date == null || money == null) {
                continue;
            }
            String sql = "SELECT date_format(" + date.expression() + ", 'yyyy-MM') AS month, " + table.metricSql(money) + " AS " + money.name() + "\nFROM "
                    + table.baseTable() + "\nWHERE " + date.expression() + " IS NOT NULL\nGROUP BY 1\nORDER BY 1";
            List<String> months = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (List<Object> row : runner.apply(sql).rows()) {
                months.add(String.valueOf(row.get(0)));
                values.add(row.get(1) instanceof Number n ? n.doubleValue() : 0.0);
            }
            return new EdaReport.Trend(table.baseTable(), money.name(), months, values);
        }
        return null;
    }

    private static double number(Object value)
    {
        return ((Number) value).doubleValue();
    }

    private static String quote(String column)
    {
        return "`" + column.replace("`", "``") + "`";
    }

    private static String literal(double value)
    {
        return String.format(Locale.ROOT, "CAST(%s AS DOUBLE)", Double.toString(value));
    }
}
