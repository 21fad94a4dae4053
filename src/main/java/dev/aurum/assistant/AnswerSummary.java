package dev.aurum.assistant;

import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an answer's one-line summary locally from its rows (no row ever leaves the machine for this):
 * "Revenue was £ 1,234.50 (year = 2018)" or "12 rows; highest revenue: UK (£ 5,000.00); lowest: France (£ 12.00)",
 * money with the semantic model's currency.
 */
public final class AnswerSummary
{
    /** Calendar parts of a time bucket: never the measure, and they make a share one per period. */
    private static final List<String> CALENDAR = List.of("year", "quarter", "month", "week_of_year", "day_of_week_num", "hour");
    /** Shares adding up to this (after rounding to 2 decimals) cover every group. */
    private static final BigDecimal WHOLE = new BigDecimal("99.99");

    private AnswerSummary() {}

    /**
     * @param formats column name to money, integer, decimal or percent; a numeric column without one is shown as a
     * decimal (integer types as integers)
     * @param scope the filters the answer applied, in words (may be empty)
     * @param currencySymbol what goes before money, the semantic model's currency ({@code SemanticModel.currencySymbol})
     */
    public static String summarize(QueryResult result, Map<String, String> formats, List<String> scope, String currencySymbol)
    {
        String suffix = scope.isEmpty() ? "" : " (" + String.join(", ", scope) + ")";
        if (result.rows().isEmpty()) {
            return "No rows matched" + suffix + ".";
        }
        List<ResultColumn> columns = result.columns();
        Optional<Integer> measure = measureColumn(columns);
        if (result.rows().size() == 1) {
            List<Object> row = result.rows().get(0);
            List<String> parts = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).isNumeric()) {
                    parts.add(label(columns.get(i).name()) + " was " + format(row.get(i), columns.get(i), formats, currencySymbol));
                }
                else {
                    labels.add(text(row.get(i)));
                }
            }
            if (parts.isEmpty()) {
                return "One row: " + String.join(", ", labels) + suffix + ".";
            }
            String lead = labels.isEmpty() ? "" : String.join(", ", labels) + ": ";
            String sentence = lead + String.join("; ", parts);
            return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + suffix + ".";
        }
        String count = result.rowCount() + " rows" + (result.truncated() ? " (cut at the row limit)" : "");
        if (measure.isEmpty()) {
            return count + suffix + ".";
        }
        int column = measure.get();
        List<Object> highest = null;
        List<Object> lowest = null;
        for (List<Object> row : result.rows()) {
            BigDecimal value = number(row.get(column));
            if (value == null) {
                continue;
            }
            if (highest == null || value.compareTo(number(highest.get(column))) > 0) {
                highest = row;
            }
            if (lowest == null || value.compareTo(number(lowest.get(column))) < 0) {
                lowest = row;
            }
        }
        if (highest == null) {
            return count + suffix + ".";
        }
        ResultColumn measured = columns.get(column);
        return count + suffix + "; highest " + label(measured.name()).toLowerCase(Locale.ROOT) + ": " + rowLabel(highest, columns, column)
                + " (" + format(highest.get(column), measured, formats, currencySymbol) + "); lowest: " + rowLabel(lowest, columns, column)
                + " (" + format(lowest.get(column), measured, formats, currencySymbol) + ")" + together(result, column, formats, currencySymbol) + ".";
    }

    /**
     * "; together 45.67% of the total" when the rows are some of the groups a share was taken over (the top 5
     * categories' shares of all revenue): their sum is the share the question often asks for. Only for one share
     * per group (no calendar column, whose shares are per period) and whole results; nothing when the rows are all
     * the groups (100%).
     */
    private static String together(QueryResult result, int column, Map<String, String> formats, String currencySymbol)
    {
        ResultColumn measured = result.columns().get(column);
        boolean perPeriod = result.columns().stream().anyMatch(other -> CALENDAR.contains(other.name()) || other.name().equals("date"));
        if (!measured.name().endsWith("_share_pct") || !"percent".equals(formats.get(measured.name())) || perPeriod || result.truncated()) {
            return "";
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (List<Object> row : result.rows()) {
            BigDecimal value = number(row.get(column));
            if (value == null) {
                return "";
            }
            sum = sum.add(value);
        }
        if (sum.compareTo(WHOLE) >= 0) {
            return "";
        }
        return "; together " + format(sum, measured, formats, currencySymbol) + " of the total";
    }

    /** The last numeric column that is not a calendar part: the measure people read first. */
    private static Optional<Integer> measureColumn(List<ResultColumn> columns)
    {
        for (int i = columns.size() - 1; i >= 0; i--) {
            ResultColumn column = columns.get(i);
            if (column.isNumeric() && !CALENDAR.contains(column.name())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The row's non-measure text columns and its period: "SP", "2018-03", "2017 Q4", "month 11", "week 5". */
    private static String rowLabel(List<Object> row, List<ResultColumn> columns, int measure)
    {
        List<String> parts = new ArrayList<>();
        Object year = null;
        Object month = null;
        Object quarter = null;
        Object week = null;
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            switch (name) {
                case "year" -> year = row.get(i);
                case "month" -> month = row.get(i);
                case "quarter" -> quarter = row.get(i);
                case "week_of_year" -> week = row.get(i);
                default -> {
                    if (i != measure && !columns.get(i).isNumeric()) {
                        parts.add(text(row.get(i)));
                    }
                }
            }
        }
        String period;
        if (month != null) {
            String monthText = month instanceof Number number ? String.format(Locale.ROOT, "%02d", number.intValue()) : text(month);
            period = year != null ? year + "-" + monthText : "month " + text(month);
        }
        else if (quarter != null) {
            period = (year != null ? year + " " : "") + "Q" + quarter;
        }
        else if (week != null) {
            period = (year != null ? year + " " : "") + "week " + week;
        }
        else {
            period = year == null ? null : text(year);
        }
        if (period != null) {
            parts.add(0, period);
        }
        return parts.isEmpty() ? "row" : String.join(" ", parts);
    }

    static String label(String column)
    {
        String words = column.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String text(Object value)
    {
        return value == null ? "(none)" : value.toString();
    }

    private static BigDecimal number(Object value)
    {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? BigDecimal.valueOf(number) : null;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        return null;
    }

    /** Money "£ 1,234.50" (the given symbol), percent "12.34%" (values are 0–100), integers "1,234", decimals "1,234.57". */
    public static String format(Object value, ResultColumn column, Map<String, String> formats, String currencySymbol)
    {
        BigDecimal number = number(value);
        if (number == null) {
            return text(value);
        }
        String format = formats.getOrDefault(column.name(), defaultFormat(column));
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
        return switch (format) {
            case "money" -> (currencySymbol.isEmpty() ? "" : currencySymbol + " ") + new DecimalFormat("#,##0.00", symbols).format(number.setScale(2, RoundingMode.HALF_UP));
            case "percent" -> new DecimalFormat("#,##0.00", symbols).format(number.setScale(2, RoundingMode.HALF_UP)) + "%";
            case "integer" -> new DecimalFormat("#,##0", symbols).format(number.setScale(0, RoundingMode.HALF_UP));
            default -> new DecimalFormat("#,##0.00", symbols).format(number.setScale(2, RoundingMode.HALF_UP));
        };
    }

    private static String defaultFormat(ResultColumn column)
    {
        String type = column.type().toLowerCase(Locale.ROOT);
        return type.equals("bigint") || type.equals("int") || type.equals("integer") || type.equals("smallint") || type.equals("tinyint")
                ? "integer"
                : "decimal";
    }
}
