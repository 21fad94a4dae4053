package dev.aurum.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The EDA report as Markdown. Charts are referenced by the file names {@code chartName} gives (the command writes
 * them beside the report); with a null {@code chartName} no chart is referenced.
 */
public final class EdaMarkdown
{
    private EdaMarkdown() {}

    /** @param chartName (table, column) → file name of its histogram; (null, "trend") → the trend chart */
    public static String render(EdaReport report, BiFunction<String, String, String> chartName)
    {
        StringBuilder out = new StringBuilder("# Exploratory data analysis\n\n");
        out.append("Distinct counts are approximate (HyperLogLog, ~1%); percentiles are Spark's percentile_approx; outliers lie more than 1.5 IQR "
                + "outside the quartiles.\n\n");
        if (report.trend() != null) {
            EdaReport.Trend trend = report.trend();
            out.append("## Monthly ").append(trend.metric().replace('_', ' ')).append(" (").append(trend.table()).append(")\n\n");
            if (chartName != null && !trend.months().isEmpty()) {
                out.append("![monthly ").append(trend.metric()).append("](").append(chartName.apply(null, "trend")).append(")\n\n");
            }
            out.append("| month | ").append(trend.metric()).append(" |\n| --- | ---: |\n");
            for (int i = 0; i < trend.months().size(); i++) {
                out.append("| ").append(trend.months().get(i)).append(" | ").append(format(trend.values().get(i))).append(" |\n");
            }
            out.append('\n');
        }
        for (EdaReport.TableProfile table : report.tables()) {
            out.append("## ").append(table.table()).append("\n\n").append(String.format(Locale.ROOT, "%,d", table.rowCount())).append(" rows.\n\n");
            out.append("| column | type | null % | distinct | min | max | mean | sd | p1 | p25 | p50 | p75 | p99 | outliers | top values |\n");
            out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            for (EdaReport.ColumnProfile column : table.columns()) {
                out.append("| ").append(column.name()).append(" | ").append(column.type()).append(" | ").append(String.format(Locale.ROOT, "%.2f", column.nullPercent()))
                        .append(" | ").append(column.distinct()).append(" | ");
                EdaReport.NumberProfile n = column.numbers();
                if (n != null) {
                    for (Double value : List.of(n.min(), n.max(), n.mean())) {
                        out.append(format(value)).append(" | ");
                    }
                    out.append(n.standardDeviation() == null ? "" : format(n.standardDeviation())).append(" | ");
                    for (Double value : List.of(n.p1(), n.p25(), n.p50(), n.p75(), n.p99())) {
                        out.append(format(value)).append(" | ");
                    }
                    out.append(n.outliers()).append(" | |\n");
                }
                else {
                    out.append("| | | | | | | | | | ");
                    out.append(String.join(", ", column.topValues().stream().map(top -> top.value().replace("|", "\\|") + " (" + top.count() + ")").toList()))
                            .append(" |\n");
                }
            }
            out.append('\n');
            if (!table.correlations().isEmpty()) {
                out.append("Strongest correlations (Pearson):\n\n| column | column | r |\n| --- | --- | ---: |\n");
                table.correlations().stream().sorted(Comparator.comparingDouble(c -> -Math.abs(c.pearson()))).limit(10)
                        .forEach(c -> out.append("| ").append(c.first()).append(" | ").append(c.second()).append(" | ")
                                .append(String.format(Locale.ROOT, "%.3f", c.pearson())).append(" |\n"));
                out.append('\n');
            }
            if (chartName != null) {
                for (EdaReport.ColumnProfile column : table.columns()) {
                    if (!column.histogram().isEmpty()) {
                        out.append("![").append(column.name()).append("](").append(chartName.apply(table.table(), column.name())).append(") ");
                    }
                }
                out.append("\n\n");
            }
        }
        return out.toString();
    }

    private static String format(double value)
    {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
