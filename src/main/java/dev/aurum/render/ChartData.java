package dev.aurum.render;

import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.sql.ResultColumn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The points of a chart, taken from a result: x labels (or instants for a date axis) and one or more series of
 * values. A line chart over periods with a text column besides x and y draws one series per value of that
 * column (at most {@link #MAX_SERIES}).
 */
record ChartData(
        String type,
        String xTitle,
        String yTitle,
        boolean dateAxis,
        List<Object> x,
        List<String> seriesNames,
        List<List<Double>> series)
{
    static final int MAX_SERIES = 10;

    ChartData
    {
        requireNonNull(type, "type is null");
        x = List.copyOf(x);
        seriesNames = List.copyOf(seriesNames);
        series = series.stream().map(values -> java.util.Collections.unmodifiableList(new ArrayList<>(values))).toList();
    }

    /** Empty when the chart type is none, or names columns the result does not have, or nothing is plottable. */
    static Optional<ChartData> from(ChartHint chart, List<ResultColumn> columns, List<List<Object>> rows)
    {
        if (chart == null || chart.type() == null || chart.x() == null || chart.y() == null || rows.isEmpty()) {
            return Optional.empty();
        }
        String type = chart.type().toLowerCase(Locale.ROOT);
        if (!type.equals(ChartInference.LINE) && !type.equals(ChartInference.BAR)) {
            return Optional.empty();
        }
        List<Integer> xIndexes = indexes(columns, chart.x());
        List<Integer> yIndexes = indexes(columns, chart.y());
        if (xIndexes.isEmpty() || yIndexes.isEmpty()) {
            return Optional.empty();
        }
        boolean dateAxis = type.equals(ChartInference.LINE) && xIndexes.size() == 1 && ChartInference.isTemporal(columns.get(xIndexes.get(0)));
        String xTitle = String.join(" ", xIndexes.stream().map(index -> columns.get(index).name()).toList());
        String yTitle = String.join(", ", yIndexes.stream().map(index -> columns.get(index).name()).toList());

        int groupIndex = -1;
        if (type.equals(ChartInference.LINE) && yIndexes.size() == 1) {
            for (int index = 0; index < columns.size(); index++) {
                ResultColumn column = columns.get(index);
                if (!xIndexes.contains(index) && !yIndexes.contains(index) && !column.isNumeric() && !ChartInference.isTemporal(column)) {
                    groupIndex = index;
                    break;
                }
            }
        }

        // x in first-seen order; one value per (series, x)
        Map<Object, Integer> xPositions = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> points = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            Object xValue = xValue(row, xIndexes, columns, dateAxis);
            if (xValue == null) {
                continue;
            }
            for (int yIndex : yIndexes) {
                Double y = number(cell(row, yIndex));
                String name = groupIndex >= 0 ? String.valueOf(cell(row, groupIndex)) : columns.get(yIndex).name();
                if (!points.containsKey(name) && points.size() >= MAX_SERIES) {
                    continue;
                }
                int position = xPositions.computeIfAbsent(xValue, key -> xPositions.size());
                points.computeIfAbsent(name, key -> new LinkedHashMap<>()).put(position, y);
            }
        }
        if (xPositions.isEmpty()) {
            return Optional.empty();
        }
        List<Object> x = new ArrayList<>(xPositions.keySet());
        List<String> names = new ArrayList<>(points.keySet());
        List<List<Double>> series = new ArrayList<>();
        boolean anyValue = false;
        for (String name : names) {
            List<Double> values = new ArrayList<>(x.size());
            for (int position = 0; position < x.size(); position++) {
                Double value = points.get(name).get(position);
                values.add(value);
                anyValue |= value != null;
            }
            series.add(values);
        }
        if (!anyValue) {
            return Optional.empty();
        }
        return Optional.of(new ChartData(type, xTitle, yTitle, dateAxis, x, names, series));
    }

    /** x values as text, for category axes and terminal charts. */
    List<String> xLabels()
    {
        return x.stream().map(value -> value instanceof Date date ? CellText.raw(date.toInstant()).substring(0, 10) : String.valueOf(value)).toList();
    }

    private static List<Integer> indexes(List<ResultColumn> columns, String names)
    {
        List<Integer> indexes = new ArrayList<>();
        for (String name : names.split(",")) {
            String wanted = name.strip();
            int found = -1;
            for (int index = 0; index < columns.size(); index++) {
                if (columns.get(index).name().equalsIgnoreCase(wanted)) {
                    found = index;
                    break;
                }
            }
            if (found < 0) {
                return List.of();
            }
            indexes.add(found);
        }
        return indexes;
    }

    private static Object xValue(List<Object> row, List<Integer> xIndexes, List<ResultColumn> columns, boolean dateAxis)
    {
        if (dateAxis) {
            return date(cell(row, xIndexes.get(0)));
        }
        StringBuilder label = new StringBuilder();
        for (int part = 0; part < xIndexes.size(); part++) {
            int index = xIndexes.get(part);
            Object value = cell(row, index);
            if (part > 0) {
                label.append('-');
            }
            String name = columns.get(index).name().toLowerCase(Locale.ROOT);
            String text = value == null ? CellText.NULL : CellText.raw(value);
            if (part > 0 && value instanceof Number number) {
                text = switch (name) {
                    case "quarter" -> "Q" + number.intValue();
                    case "week", "week_of_year" -> String.format("W%02d", number.intValue());
                    case "month", "day", "day_of_month" -> String.format("%02d", number.intValue());
                    default -> text;
                };
            }
            label.append(text);
        }
        return label.toString();
    }

    private static Object cell(List<Object> row, int index)
    {
        return index < row.size() ? row.get(index) : null;
    }

    private static Date date(Object value)
    {
        if (value instanceof java.sql.Date date) {
            return Date.from(date.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return Date.from(timestamp.toInstant());
        }
        if (value instanceof LocalDate date) {
            return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof LocalDateTime time) {
            return Date.from(time.toInstant(ZoneOffset.UTC));
        }
        if (value instanceof Date date) {
            return date;
        }
        return null;
    }

    static Double number(Object value)
    {
        if (value instanceof Number number) {
            double result = number.doubleValue();
            return Double.isNaN(result) || Double.isInfinite(result) ? null : result;
        }
        return null;
    }
}
