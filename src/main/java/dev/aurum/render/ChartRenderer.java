package dev.aurum.render;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.sql.ResultColumn;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Draws a result as a PNG with XChart, without a display ({@code java.awt.headless=true}): a line chart for a time
 * series (a date axis for a date or timestamp x, labelled periods for {@code year,month} and the like), a bar chart
 * for categories, and nothing for a single value. The chart comes from {@link Answer#chart()} or, when that is
 * null, from {@link ChartInference}.
 */
public final class ChartRenderer
{
    /** Bars beyond this many make an unreadable chart; the rest are left out and the title says so. */
    public static final int MAX_BARS = 50;

    private final int width;
    private final int height;

    public ChartRenderer()
    {
        this(1000, 600);
    }

    public ChartRenderer(int width, int height)
    {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("a chart needs at least 100 x 100 pixels");
        }
        this.width = width;
        this.height = height;
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The chart this answer gets: its own when it has one, else the inferred one. */
    public static ChartHint chartFor(Answer answer)
    {
        if (answer.chart() != null && answer.chart().type() != null) {
            return answer.chart();
        }
        return ChartInference.infer(answer.columns(), answer.rows());
    }

    /**
     * Writes the answer's chart to {@code file}.
     *
     * @return the chart drawn, or empty (and no file written) when the answer has nothing to chart
     */
    public Optional<ChartHint> write(Answer answer, Path file)
    {
        requireNonNull(answer, "answer is null");
        if (answer.columns() == null || answer.rows() == null) {
            return Optional.empty();
        }
        ChartHint chart = chartFor(answer);
        return write(answer.columns(), answer.rows(), chart, file) ? Optional.of(chart) : Optional.empty();
    }

    /**
     * Writes {@code chart} of the rows to {@code file} as PNG.
     *
     * @return false, writing nothing, when the chart is {@code none} or cannot be drawn from these columns
     * @throws AurumException BAD_INPUT when the file cannot be written
     */
    public boolean write(List<ResultColumn> columns, List<List<Object>> rows, ChartHint chart, Path file)
    {
        requireNonNull(file, "file is null");
        Optional<byte[]> png = png(columns, rows, chart);
        if (png.isEmpty()) {
            return false;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, png.get());
            return true;
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot write the chart to " + file + ": " + e.getMessage() + "; choose a writable path.", e);
        }
    }

    /** The PNG bytes of the chart, or empty when there is nothing to draw. */
    public Optional<byte[]> png(List<ResultColumn> columns, List<List<Object>> rows, ChartHint chart)
    {
        requireNonNull(columns, "columns is null");
        requireNonNull(rows, "rows is null");
        Optional<ChartData> data = ChartData.from(chart, columns, rows);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        Chart<?, ?> drawn = data.get().dateAxis() ? dateLine(data.get()) : categories(data.get());
        try {
            return Optional.of(BitmapEncoder.getBitmapBytes(drawn, BitmapEncoder.BitmapFormat.PNG));
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.INTERNAL, "Cannot encode the chart as PNG: " + e.getMessage(), e);
        }
    }

    private XYChart dateLine(ChartData data)
    {
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title(data, data.x().size()))
                .xAxisTitle(words(data.xTitle()))
                .yAxisTitle(words(data.yTitle()))
                .build();
        style(chart.getStyler());
        chart.getStyler().setDatePattern("yyyy-MM-dd");
        chart.getStyler().setXAxisLabelRotation(data.x().size() > 12 ? 45 : 0);
        chart.getStyler().setLegendVisible(data.series().size() > 1);
        for (int index = 0; index < data.series().size(); index++) {
            List<Date> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> values = data.series().get(index);
            for (int position = 0; position < values.size(); position++) {
                if (values.get(position) != null) {
                    x.add((Date) data.x().get(position));
                    y.add(values.get(position));
                }
            }
            if (!x.isEmpty()) {
                XYSeries series = chart.addSeries(data.seriesNames().get(index), x, y);
                series.setMarker(x.size() > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            }
        }
        return chart;
    }

    private CategoryChart categories(ChartData data)
    {
        boolean bar = data.type().equals(ChartInference.BAR);
        int shown = bar ? Math.min(MAX_BARS, data.x().size()) : data.x().size();
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height)
                .title(title(data, shown))
                .xAxisTitle(words(data.xTitle()))
                .yAxisTitle(words(data.yTitle()))
                .build();
        CategoryStyler styler = chart.getStyler();
        style(styler);
        styler.setDefaultSeriesRenderStyle(bar ? org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Bar
                : org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
        styler.setLegendVisible(data.series().size() > 1);
        styler.setXAxisLabelRotation(shown > 8 ? 45 : 0);
        styler.setOverlapped(!bar); // lines share their x positions; bars of several series stand side by side
        List<String> labels = data.xLabels().subList(0, shown);
        for (int index = 0; index < data.series().size(); index++) {
            List<Double> values = new ArrayList<>(data.series().get(index).subList(0, shown));
            if (bar) {
                values.replaceAll(value -> value == null ? 0.0 : value);
            }
            chart.addSeries(data.seriesNames().get(index), labels, values);
        }
        return chart;
    }

    private static void style(Styler styler)
    {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setAntiAlias(true);
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            axes.setYAxisDecimalPattern("#,##0.##");
            axes.setPlotGridVerticalLinesVisible(false);
        }
    }

    private static String title(ChartData data, int shown)
    {
        String title = words(data.yTitle()) + " by " + words(data.xTitle());
        if (shown < data.x().size()) {
            title += " (first " + shown + " of " + data.x().size() + ")";
        }
        return title;
    }

    private static String words(String name)
    {
        String text = name.replace('_', ' ').strip();
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
