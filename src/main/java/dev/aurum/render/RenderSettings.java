package dev.aurum.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How to render for one output: every default is here.
 *
 * @param ansi true only when stdout is a terminal: bold headers, dimmed NULLs and notes; false means plain text
 * @param terminalWidth the columns a table may use; 0 or less means no limit (output to a file or a pipe)
 * @param maxRows rows shown in a box table before "… N more rows"
 * @param maxColumnWidth cells wider than this are cut with an ellipsis in box tables
 * @param showSql whether the table and Markdown formats print the SQL after the result
 * @param columnFormats column name (any case) → money, integer, decimal, percent, ...; columns not named are inferred
 * @param currencySymbol shown before money: the semantic model's currency ({@code £} for GBP); empty for none
 */
public record RenderSettings(
        boolean ansi,
        int terminalWidth,
        int maxRows,
        int maxColumnWidth,
        boolean showSql,
        Map<String, String> columnFormats,
        String currencySymbol)
{
    public static final int DEFAULT_MAX_ROWS = 40;
    public static final int DEFAULT_MAX_COLUMN_WIDTH = 48;

    public RenderSettings
    {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
        if (maxColumnWidth < 3) {
            throw new IllegalArgumentException("maxColumnWidth must be at least 3");
        }
        columnFormats = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(columnFormats, "columnFormats is null")));
        requireNonNull(currencySymbol, "currencySymbol is null");
    }

    /** Plain text, no width limit, 40 rows, money without a currency symbol. */
    public static RenderSettings defaults()
    {
        return new RenderSettings(false, 0, DEFAULT_MAX_ROWS, DEFAULT_MAX_COLUMN_WIDTH, false, Map.of(), "");
    }

    public RenderSettings withAnsi(boolean ansi)
    {
        return new RenderSettings(ansi, terminalWidth, maxRows, maxColumnWidth, showSql, columnFormats, currencySymbol);
    }

    public RenderSettings withTerminalWidth(int terminalWidth)
    {
        return new RenderSettings(ansi, terminalWidth, maxRows, maxColumnWidth, showSql, columnFormats, currencySymbol);
    }

    public RenderSettings withMaxRows(int maxRows)
    {
        return new RenderSettings(ansi, terminalWidth, maxRows, maxColumnWidth, showSql, columnFormats, currencySymbol);
    }

    public RenderSettings withMaxColumnWidth(int maxColumnWidth)
    {
        return new RenderSettings(ansi, terminalWidth, maxRows, maxColumnWidth, showSql, columnFormats, currencySymbol);
    }

    public RenderSettings withShowSql(boolean showSql)
    {
        return new RenderSettings(ansi, terminalWidth, maxRows, maxColumnWidth, showSql, columnFormats, currencySymbol);
    }

    public RenderSettings withColumnFormats(Map<String, String> columnFormats)
    {
        return new RenderSettings(ansi, terminalWidth, maxRows, maxColumnWidth, showSql, columnFormats, currencySymbol);
    }

    public RenderSettings withCurrencySymbol(String currencySymbol)
    {
        return new RenderSettings(ansi, terminalWidth, maxRows, maxColumnWidth, showSql, columnFormats, currencySymbol);
    }
}
