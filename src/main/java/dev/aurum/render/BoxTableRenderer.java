package dev.aurum.render;

import dev.aurum.sql.ResultColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A box table like DuckDB's CLI: numbers right-aligned with thousands separators, money with its currency, NULL as
 * {@code NULL}, widths measured in terminal cells (CJK and emoji count two). Too many rows end in a line
 * "… N more rows"; too many columns for the terminal are hidden from the middle (shown as a {@code …} column and
 * named in a note); a cell wider than the column limit is cut with an ellipsis.
 */
public final class BoxTableRenderer
{
    private static final String HIDDEN_MARK = "…";
    private static final int MIN_COLUMN_WIDTH = 3;

    private final RenderSettings settings;
    private final CellText cellText;
    private final Ansi ansi;

    public BoxTableRenderer(RenderSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.cellText = new CellText(settings.currencySymbol());
        this.ansi = new Ansi(settings.ansi());
    }

    /**
     * @param capped true when the executor's row cap cut the result (said in a note under the table)
     * @return the table and its notes, every line ending in a newline; empty when there are no columns
     */
    public String render(List<ResultColumn> columns, List<List<Object>> rows, boolean capped)
    {
        requireNonNull(columns, "columns is null");
        requireNonNull(rows, "rows is null");
        if (columns.isEmpty()) {
            return "";
        }
        List<List<Object>> shown = rows.subList(0, Math.min(rows.size(), settings.maxRows()));
        List<ColumnFormat> formats = Formats.forColumns(columns, shown, settings.columnFormats());
        int columnCount = columns.size();

        List<String> headers = new ArrayList<>(columnCount);
        int[] widths = new int[columnCount];
        for (int column = 0; column < columnCount; column++) {
            String header = CellText.visible(columns.get(column).name());
            headers.add(header);
            widths[column] = DisplayWidth.of(header);
        }
        List<List<String>> cells = new ArrayList<>(shown.size());
        for (List<Object> row : shown) {
            List<String> line = new ArrayList<>(columnCount);
            for (int column = 0; column < columnCount; column++) {
                Object value = column < row.size() ? row.get(column) : null;
                String text = cellText.display(value, formats.get(column));
                line.add(value == null ? null : text); // null marks a NULL, dimmed when styled
                widths[column] = Math.max(widths[column], DisplayWidth.of(text));
            }
            cells.add(line);
        }
        for (int column = 0; column < columnCount; column++) {
            if (!formats.get(column).rightAligned()) {
                // a cut number would mislead: only text is cut at the column limit
                widths[column] = Math.min(widths[column], settings.maxColumnWidth());
            }
        }

        Layout layout = fit(widths, formats);
        StringBuilder out = new StringBuilder();
        out.append(border(layout, '┌', '┬', '┐')).append('\n');
        out.append(line(layout, headers, formats, true)).append('\n');
        out.append(border(layout, '├', '┼', '┤')).append('\n');
        for (List<String> line : cells) {
            out.append(line(layout, line, formats, false)).append('\n');
        }
        out.append(border(layout, '└', '┴', '┘')).append('\n');

        if (rows.isEmpty()) {
            out.append(ansi.dim("(no rows)")).append('\n');
        }
        if (rows.size() > shown.size()) {
            int more = rows.size() - shown.size();
            out.append(ansi.dim("… " + CellText.group(Integer.toString(more)) + (more == 1 ? " more row" : " more rows")
                    + " (showing the first " + shown.size() + "; use --format csv or json for all)")).append('\n');
        }
        if (layout.hiddenCount() > 0) {
            List<String> hiddenNames = new ArrayList<>();
            for (int column = layout.left(); column < columnCount - layout.right(); column++) {
                hiddenNames.add(headers.get(column));
            }
            String note = "… " + layout.hiddenCount() + (layout.hiddenCount() == 1 ? " column" : " columns")
                    + " hidden to fit the terminal: " + hiddenNames.stream().collect(Collectors.joining(", "));
            if (settings.terminalWidth() > 0) {
                note = DisplayWidth.truncate(note, settings.terminalWidth());
            }
            out.append(ansi.dim(note)).append('\n');
        }
        if (capped) {
            out.append(ansi.dim("(the result was cut at the row cap of " + CellText.group(Integer.toString(rows.size()))
                    + " rows; add filters or aggregate to see everything)")).append('\n');
        }
        return out.toString();
    }

    /** Which columns stay (the first {@code left} and the last {@code right}) and how wide each is. */
    private record Layout(int[] widths, int left, int right)
    {
        int hiddenCount()
        {
            return widths.length - left - right;
        }

        /** Visible column indexes, with -1 for the hidden-columns mark. */
        List<Integer> slots()
        {
            List<Integer> slots = new ArrayList<>();
            for (int column = 0; column < left; column++) {
                slots.add(column);
            }
            if (hiddenCount() > 0) {
                slots.add(-1);
            }
            for (int column = widths.length - right; column < widths.length; column++) {
                slots.add(column);
            }
            return slots;
        }

        int width(int slot)
        {
            return slot < 0 ? DisplayWidth.of(HIDDEN_MARK) : widths[slot];
        }

        int total()
        {
            int total = 1;
            for (int slot : slots()) {
                total += width(slot) + 3;
            }
            return total;
        }
    }

    private Layout fit(int[] natural, List<ColumnFormat> formats)
    {
        int[] widths = natural.clone();
        int columnCount = widths.length;
        int limit = settings.terminalWidth();
        int left = columnCount;
        int right = 0;
        if (limit <= 0) {
            return new Layout(widths, left, right);
        }
        Layout layout = new Layout(widths, left, right);
        if (layout.total() > limit && columnCount > 1) {
            // keep the outer columns, drop from the middle
            left = (columnCount + 1) / 2;
            right = columnCount - left;
            layout = new Layout(widths, left, right);
            while (layout.total() > limit && left + right > 1) {
                if (left > right) {
                    left--;
                }
                else {
                    right--;
                }
                layout = new Layout(widths, left, right);
            }
            if (left + right == columnCount) {
                layout = new Layout(widths, columnCount, 0);
            }
        }
        // still too wide: narrow the widest visible text column, one cell at a time; numbers only as a last resort
        while (layout.total() > limit) {
            int widest = widest(layout, widths, formats, false);
            if (widest < 0) {
                widest = widest(layout, widths, formats, true);
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
        }
        return layout;
    }

    private static int widest(Layout layout, int[] widths, List<ColumnFormat> formats, boolean numbers)
    {
        int widest = -1;
        for (int slot : layout.slots()) {
            if (slot >= 0 && formats.get(slot).rightAligned() == numbers && widths[slot] > MIN_COLUMN_WIDTH
                    && (widest < 0 || widths[slot] > widths[widest])) {
                widest = slot;
            }
        }
        return widest;
    }

    private String border(Layout layout, char left, char middle, char right)
    {
        StringBuilder line = new StringBuilder().append(left);
        List<Integer> slots = layout.slots();
        for (int index = 0; index < slots.size(); index++) {
            if (index > 0) {
                line.append(middle);
            }
            line.append("─".repeat(layout.width(slots.get(index)) + 2));
        }
        return line.append(right).toString();
    }

    private String line(Layout layout, List<String> texts, List<ColumnFormat> formats, boolean header)
    {
        StringBuilder line = new StringBuilder("│");
        for (int slot : layout.slots()) {
            line.append(' ');
            if (slot < 0) {
                line.append(HIDDEN_MARK);
            }
            else {
                int width = layout.width(slot);
                boolean isNull = texts.get(slot) == null;
                String text = DisplayWidth.truncate(isNull ? CellText.NULL : texts.get(slot), width);
                String padded = formats.get(slot).rightAligned() ? DisplayWidth.padLeft(text, width) : DisplayWidth.padRight(text, width);
                if (header) {
                    line.append(ansi.bold(padded));
                }
                else if (isNull) {
                    line.append(ansi.dim(padded));
                }
                else {
                    line.append(padded);
                }
            }
            line.append(" │");
        }
        return line.toString();
    }
}
