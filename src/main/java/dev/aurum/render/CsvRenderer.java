package dev.aurum.render;

import dev.aurum.sql.ResultColumn;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * RFC 4180 CSV: a header row of column names, then every row; lines end in CRLF; a field is quoted when it holds a
 * comma, a quote, CR or LF, or leading/trailing blanks, with inner quotes doubled. Values are raw (no separators,
 * no currency): numbers in plain notation, dates ISO, timestamps ISO-8601 UTC. NULL is an empty field; an empty
 * string is {@code ""}, so the two stay apart.
 */
public final class CsvRenderer
{
    private static final String LINE_END = "\r\n";

    public String render(List<ResultColumn> columns, List<List<Object>> rows)
    {
        requireNonNull(columns, "columns is null");
        requireNonNull(rows, "rows is null");
        if (columns.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int column = 0; column < columns.size(); column++) {
            if (column > 0) {
                out.append(',');
            }
            out.append(field(columns.get(column).name()));
        }
        out.append(LINE_END);
        for (List<Object> row : rows) {
            for (int column = 0; column < columns.size(); column++) {
                if (column > 0) {
                    out.append(',');
                }
                Object value = column < row.size() ? row.get(column) : null;
                if (value != null) {
                    out.append(field(CellText.raw(value)));
                }
            }
            out.append(LINE_END);
        }
        return out.toString();
    }

    static String field(String text)
    {
        boolean quote = text.isEmpty()
                || text.indexOf(',') >= 0
                || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0
                || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
