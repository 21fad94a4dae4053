package dev.aurum.render;

import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.sql.ResultColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a chart from a result's columns when nobody chose one: a line when the x axis is a date or a period
 * ({@code purchase_date}; {@code year} with {@code month} or {@code quarter}; ...), a bar over a text column
 * (categories), and none for a single value, a single row, or a result without a measure.
 */
public final class ChartInference
{
    public static final String LINE = "line";
    public static final String BAR = "bar";
    public static final String NONE = "none";

    private static final Set<String> PERIOD_NAMES = Set.of(
            "year", "quarter", "month", "week", "week_of_year", "day", "day_of_month", "day_of_week_num", "hour",
            "period", "year_month", "year_quarter", "month_start", "week_start");
    private static final List<String> SUB_YEAR_PERIODS = List.of("quarter", "month", "week_of_year", "week");

    private ChartInference() {}

    public static ChartHint infer(List<ResultColumn> columns, List<List<Object>> rows)
    {
        if (columns == null || rows == null || columns.isEmpty() || rows.size() < 2) {
            return none();
        }
        List<ResultColumn> measures = columns.stream().filter(ChartInference::isMeasure).toList();
        if (measures.isEmpty()) {
            return none();
        }
        String y = measures.get(0).name();
        Optional<ResultColumn> time = columns.stream().filter(ChartInference::isTemporal).findFirst();
        if (time.isPresent()) {
            return new ChartHint(LINE, time.get().name(), y);
        }
        List<ResultColumn> periods = columns.stream().filter(ChartInference::isPeriod).toList();
        if (!periods.isEmpty()) {
            Optional<ResultColumn> year = periods.stream().filter(column -> lower(column).equals("year")).findFirst();
            if (year.isPresent()) {
                for (String part : SUB_YEAR_PERIODS) {
                    Optional<ResultColumn> within = periods.stream().filter(column -> lower(column).equals(part)).findFirst();
                    if (within.isPresent()) {
                        return new ChartHint(LINE, year.get().name() + "," + within.get().name(), y);
                    }
                }
            }
            return new ChartHint(LINE, periods.get(0).name(), y);
        }
        Optional<ResultColumn> category = columns.stream().filter(column -> !column.isNumeric() && !isTemporal(column)).findFirst();
        if (category.isPresent()) {
            return new ChartHint(BAR, category.get().name(), y);
        }
        List<ResultColumn> others = new ArrayList<>(columns);
        others.removeAll(measures);
        if (!others.isEmpty()) {
            // a numeric key that is not a measure, such as a zip code or an id
            return new ChartHint(BAR, others.get(0).name(), y);
        }
        return none();
    }

    public static ChartHint none()
    {
        return new ChartHint(NONE, null, null);
    }

    /** A number worth plotting: numeric, not a period (year, month, ...) and not an identifier. */
    static boolean isMeasure(ResultColumn column)
    {
        return column.isNumeric() && !isPeriod(column) && ColumnFormat.infer(column).kind() != ColumnFormat.Kind.PLAIN_NUMBER;
    }

    static boolean isTemporal(ResultColumn column)
    {
        String type = column.type().toLowerCase(Locale.ROOT);
        return type.equals("date") || type.startsWith("timestamp");
    }

    static boolean isPeriod(ResultColumn column)
    {
        String name = lower(column);
        return PERIOD_NAMES.contains(name) && !column.type().toLowerCase(Locale.ROOT).startsWith("decimal")
                && !column.type().equalsIgnoreCase("double");
    }

    private static String lower(ResultColumn column)
    {
        return column.name().toLowerCase(Locale.ROOT);
    }
}
