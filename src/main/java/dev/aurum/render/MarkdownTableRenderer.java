package dev.aurum.render;

import dev.aurum.sql.ResultColumn;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A GitHub-flavoured Markdown table of every row, formatted as in the box table (separators, currency, NULL),
 * numeric columns right-aligned; {@code |} is escaped and line breaks become {@code <br>}.
 */
public final class MarkdownTableRenderer
{
    private final RenderSettings settings;
    private final CellText cellText;

    public MarkdownTableRenderer(RenderSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.cellText = new CellText(settings.currencySymbol());
    }

    /** @return the table, every line ending in a newline; empty when there are no columns */
    public String render(List<ResultColumn> columns, List<List<Object>> rows)
    {
        requireNonNull(columns, "columns is null");
        requireNonNull(rows, "rows is null");
        if (columns.isEmpty()) {
            return "";
        }
        List<ColumnFormat> formats = Formats.forColumns(columns, rows, settings.columnFormats());
        StringBuilder out = new StringBuilder("|");
        for (ResultColumn column : columns) {
            out.append(' ').append(escape(column.name())).append(" |");
        }
        out.append("\n|");
        for (ColumnFormat format : formats) {
            out.append(format.rightAligned() ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (List<Object> row : rows) {
            out.append('|');
            for (int column = 0; column < columns.size(); column++) {
                Object value = column < row.size() ? row.get(column) : null;
                out.append(' ').append(escape(display(value, formats.get(column)))).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String display(Object value, ColumnFormat format)
    {
        if (value instanceof String text) {
            // keep real line breaks so they can become <br>
            return text;
        }
        return cellText.display(value, format);
    }

    static String escape(String text)
    {
        return text.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("\r\n", "<br>")
                .replace("\n", "<br>")
                .replace("\r", "<br>")
                .replace("\t", " ");
    }
}
