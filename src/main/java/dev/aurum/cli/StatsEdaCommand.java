package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.render.StatsChartRenderer;
import dev.aurum.stats.EdaMarkdown;
import dev.aurum.stats.EdaProfiler;
import dev.aurum.stats.EdaReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

@Command(name = "eda", mixinStandardHelpOptions = true,
        description = {"Exploratory data analysis of the Gold tables: row counts; per column type, null %%, distinct count; for numbers min, max, mean, "
                + "sd, percentiles and IQR outliers; for text the top values; correlations; the monthly revenue trend.", ""},
        footer = {"", "Examples:", "  ./aurum stats eda --out eda/report.md      # Markdown plus PNG histograms and the trend beside it",
                "  ./aurum stats eda --table TABLE             # one table of the model; Markdown on stdout, no charts"})
public class StatsEdaCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", paramLabel = "T", description = "Profile one table of the semantic model (default: every table).")
    String table;

    @Option(names = "--out", paramLabel = "FILE.md", description = "Write the Markdown here and the PNG charts beside it (default: Markdown on stdout, no charts).")
    Path out;

    private final Function<CommonOptions, StatsSession> sessions;

    public StatsEdaCommand()
    {
        this(StatsSession::open);
    }

    StatsEdaCommand(Function<CommonOptions, StatsSession> sessions)
    {
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    @Override
    public Integer call()
    {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (StatsSession session = sessions.apply(common)) {
            EdaReport report = new EdaProfiler(session.model(), session::execute).profile(table);
            if (out == null) {
                stdout.print(EdaMarkdown.render(report, null));
                stdout.flush();
                return 0;
            }
            String stem = stem(out);
            List<Path> charts = new ArrayList<>();
            StatsChartRenderer renderer = new StatsChartRenderer(900, 500);
            if (report.trend() != null && !report.trend().months().isEmpty()) {
                List<StatsChartRenderer.Bar> points = new ArrayList<>();
                for (int i = 0; i < report.trend().months().size(); i++) {
                    points.add(new StatsChartRenderer.Bar(report.trend().months().get(i), report.trend().values().get(i), 0));
                }
                Path file = out.resolveSibling(chartName(stem, null, "trend"));
                renderer.writeTrend("Monthly " + report.trend().metric().replace('_', ' '), "month", report.trend().metric(), points, file);
                charts.add(file);
            }
            for (EdaReport.TableProfile profile : report.tables()) {
                for (EdaReport.ColumnProfile column : profile.columns()) {
                    if (column.histogram().isEmpty()) {
                        continue;
                    }
                    List<StatsChartRenderer.Bar> bins = new ArrayList<>();
                    for (EdaReport.Bin bin : column.histogram()) {
                        bins.add(new StatsChartRenderer.Bar(String.format(Locale.ROOT, "%.4g", bin.from()), bin.count(), 0));
                    }
                    Path file = out.resolveSibling(chartName(stem, profile.table(), column.name()));
                    renderer.writeHistogram(profile.table() + "." + column.name(), column.name(), bins, file);
                    charts.add(file);
                }
            }
            write(out, EdaMarkdown.render(report, (tableName, column) -> chartName(stem, tableName, column)));
            err.println("EDA of " + report.tables().size() + " table(s) written to " + out + " with " + charts.size() + " chart(s) beside it");
            err.flush();
            return 0;
        }
    }

    static String chartName(String stem, String table, String column)
    {
        return (stem + "-" + (table == null ? "" : table.replace('.', '-') + "-") + column + ".png").toLowerCase(Locale.ROOT);
    }

    private static String stem(Path file)
    {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void write(Path file, String text)
    {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot write " + file + ": " + e.getMessage() + "; choose a writable path.", e);
        }
    }
}
