package dev.aurum.render;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Charts of the statistics reports (docs/reference.md, "Statistics"), drawn with XChart without a display: group means with
 * their 95% confidence intervals as error bars, and histograms of a column's distribution.
 */
public final class StatsChartRenderer
{
    /** One bar: a label, its height, and the half-width of its error bar (0 for none). */
    public record Bar(String label, double value, double error)
    {
        public Bar
        {
            requireNonNull(label, "label is null");
        }
    }

    private final int width;
    private final int height;

    public StatsChartRenderer()
    {
        this(1000, 600);
    }

    public StatsChartRenderer(int width, int height)
    {
        this.width = width;
        this.height = height;
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Means with their confidence intervals, one bar per group. */
    public void writeMeans(String title, String groupTitle, String valueTitle, List<Bar> bars, Path file)
    {
        write(chart(title, groupTitle, valueTitle, bars, true, false), file);
    }

    /** A histogram: one bar per bin, labelled by its lower edge. */
    public void writeHistogram(String title, String valueTitle, List<Bar> bins, Path file)
    {
        write(chart(title, valueTitle, "rows", bins, false, true), file);
    }

    /** A line over labelled periods (a monthly trend). */
    public void writeTrend(String title, String periodTitle, String valueTitle, List<Bar> points, Path file)
    {
        CategoryChart chart = chart(title, periodTitle, valueTitle, points, false, false);
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        write(chart, file);
    }

    private CategoryChart chart(String title, String xTitle, String yTitle, List<Bar> bars, boolean errorBars, boolean touching)
    {
        if (bars.isEmpty()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "nothing to chart for " + title);
        }
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(words(xTitle)).yAxisTitle(words(yTitle)).build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setAntiAlias(true);
        styler.setYAxisDecimalPattern("#,##0.##");
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setXAxisLabelRotation(bars.size() > 8 ? 45 : 0);
        if (touching) {
            styler.setAvailableSpaceFill(1.0);
        }
        if (errorBars) {
            styler.setErrorBarsColor(Color.DARK_GRAY);
            styler.setErrorBarsColorSeriesColor(false);
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (Bar bar : bars) {
            labels.add(bar.label());
            values.add(bar.value());
            errors.add(bar.error());
        }
        if (errorBars) {
            chart.addSeries(yTitle, labels, values, errors);
        }
        else {
            chart.addSeries(yTitle, labels, values);
        }
        return chart;
    }

    private static void write(CategoryChart chart, Path file)
    {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot write the chart to " + file + ": " + e.getMessage() + "; choose a writable path.", e);
        }
    }

    private static String words(String name)
    {
        String text = name.replace('_', ' ').strip();
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
