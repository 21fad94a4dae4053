package dev.aurum.render;

import dev.aurum.sql.ResultColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Chooses each column's {@link ColumnFormat}: the caller's named format when given, else the inferred one. */
final class Formats
{
    private Formats() {}

    static List<ColumnFormat> forColumns(List<ResultColumn> columns, List<List<Object>> rows, Map<String, String> named)
    {
        List<ColumnFormat> formats = new ArrayList<>(columns.size());
        for (int index = 0; index < columns.size(); index++) {
            ResultColumn column = columns.get(index);
            String name = lookup(named, column.name());
            ColumnFormat format = name == null ? ColumnFormat.infer(column) : ColumnFormat.named(name, column);
            formats.add(CellText.resolve(format, columnValues(rows, index)));
        }
        return formats;
    }

    static List<Object> columnValues(List<List<Object>> rows, int index)
    {
        List<Object> values = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            values.add(index < row.size() ? row.get(index) : null);
        }
        return values;
    }

    private static String lookup(Map<String, String> named, String column)
    {
        String exact = named.get(column);
        if (exact != null) {
            return exact;
        }
        String lower = column.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> entry : named.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(lower)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
