package dev.aurum.render;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.sql.ResultColumn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A compact text bar chart for small results in the chat: one line per x value with a bar scaled to the largest
 * magnitude, drawn in eighth blocks (or {@code #} in plain ASCII), and the value as the table shows it.
 * <pre>
 * revenue by customer_state
 * UK │████████████████████████ £ 12,345.00
 * FR │████████████▌            £ 6,400.00
 * </pre>
 */
public final class TerminalBarChart
{
    /** More rows than this are better read in a table. */
    public static final int MAX_ROWS = 20;

    private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    private static final int MAX_LABEL_WIDTH = 24;
    private static final int MIN_BAR_WIDTH = 10;

    private final int width;
    private final boolean unicode;
    private final RenderSettings settings;

    /**
     * @param width the terminal columns the chart may use (at least 30)
     * @param unicode block characters when true, {@code #} when the terminal cannot show them
     */
    public TerminalBarChart(int width, boolean unicode, RenderSettings settings)
    {
        if (width < 30) {
            throw new IllegalArgumentException("a terminal chart needs at least 30 columns");
        }
        this.width = width;
        this.unicode = unicode;
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The chart of an answer (its own chart, else the inferred one), or empty when it has none or too many rows. */
    public Optional<String> render(Answer answer)
    {
        if (answer.columns() == null || answer.rows() == null) {
            return Optional.empty();
        }
        return render(answer.columns(), answer.rows(), ChartRenderer.chartFor(answer));
    }

    public Optional<String> render(List<ResultColumn> columns, List<List<Object>> rows, ChartHint chart)
    {
        if (rows.size() > MAX_ROWS) {
            return Optional.empty();
        }
        Optional<ChartData> found = ChartData.from(chart, columns, rows);
        if (found.isEmpty() || found.get().series().size() != 1) {
            return Optional.empty();
        }
        ChartData data = found.get();
        List<String> labels = data.xLabels();
        List<Double> values = data.series().get(0);
        int yIndex = indexOf(columns, data.yTitle());
        ColumnFormat format = Formats.forColumns(List.of(columns.get(yIndex)), rows.stream().map(row -> java.util.Collections.singletonList(cellOrNull(row, yIndex))).toList(),
                settings.columnFormats()).get(0);
        CellText cellText = new CellText(settings.currencySymbol());

        List<String> shownLabels = new ArrayList<>();
        List<String> shownValues = new ArrayList<>();
        int labelWidth = 0;
        int valueWidth = 0;
        double largest = 0;
        for (int index = 0; index < labels.size(); index++) {
            String label = DisplayWidth.truncate(CellText.visible(labels.get(index)), MAX_LABEL_WIDTH);
            Double value = values.get(index);
            String valueText = value == null ? CellText.NULL : cellText.display(exact(rows, index, yIndex, value), format);
            shownLabels.add(label);
            shownValues.add(valueText);
            labelWidth = Math.max(labelWidth, DisplayWidth.of(label));
            valueWidth = Math.max(valueWidth, DisplayWidth.of(valueText));
            if (value != null) {
                largest = Math.max(largest, Math.abs(value));
            }
        }
        int barWidth = Math.max(MIN_BAR_WIDTH, width - labelWidth - valueWidth - 3);

        StringBuilder out = new StringBuilder();
        out.append(data.yTitle()).append(" by ").append(data.xTitle()).append('\n');
        for (int index = 0; index < shownLabels.size(); index++) {
            Double value = values.get(index);
            double fraction = value == null || largest == 0 ? 0 : Math.abs(value) / largest;
            String bar = bar(fraction, barWidth, value != null && value < 0);
            out.append(DisplayWidth.padRight(shownLabels.get(index), labelWidth))
                    .append(unicode ? " │" : " |")
                    .append(DisplayWidth.padRight(bar, barWidth))
                    .append(' ')
                    .append(DisplayWidth.padLeft(shownValues.get(index), valueWidth))
                    .append('\n');
        }
        return Optional.of(out.toString());
    }

    private String bar(double fraction, int barWidth, boolean negative)
    {
        if (!unicode) {
            return (negative ? "-" : "#").repeat((int) Math.round(fraction * barWidth));
        }
        int eighths = (int) Math.round(fraction * barWidth * 8);
        String full = (negative ? "░" : "█").repeat(eighths / 8);
        return negative ? full : full + EIGHTHS[eighths % 8];
    }

    /** The cell itself when it is the plotted value (keeps BigDecimal precision for the label). */
    private static Object exact(List<List<Object>> rows, int position, int yIndex, Double value)
    {
        if (position < rows.size()) {
            Object cell = cellOrNull(rows.get(position), yIndex);
            if (cell instanceof Number number && number.doubleValue() == value) {
                return cell;
            }
        }
        return BigDecimal.valueOf(value);
    }

    private static Object cellOrNull(List<Object> row, int index)
    {
        return index < row.size() ? row.get(index) : null;
    }

    private static int indexOf(List<ResultColumn> columns, String name)
    {
        for (int index = 0; index < columns.size(); index++) {
            if (columns.get(index).name().equalsIgnoreCase(name)) {
                return index;
            }
        }
        throw new IllegalStateException("no column " + name);
    }
}
