package dev.aurum.cli;

import dev.aurum.render.StatsChartRenderer;
import dev.aurum.stats.StatisticsService;
import dev.aurum.stats.StatsOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

@Command(name = "anova", mixinStandardHelpOptions = true,
        description = {"One-way ANOVA of a value across the groups of a dimension, with Levene (median), Welch's ANOVA, Kruskal–Wallis, "
                + "effect sizes, Tukey HSD or Games–Howell pairs, and a plain-English conclusion.", ""},
        footer = {"", "Examples:", "  ./aurum stats anova --value NUMERIC_COLUMN --by DIMENSION", "  ./aurum stats anova --value NUMERIC_COLUMN --by DIMENSION --format json",
                "", "Exit codes: 0 done, 1 a failure while running, 2 bad input (unknown column, no rows, one group, no variation)."})
public class StatsAnovaCommand
        extends StatsTestCommand
{
    @Option(names = "--value", paramLabel = "COLUMN", required = true, description = "The numeric value to compare (a column or a name of the semantic model).")
    String value;

    @Option(names = "--by", paramLabel = "DIMENSION", required = true, description = "The dimension whose groups are compared.")
    String by;

    public StatsAnovaCommand()
    {
        this(StatsSession::open);
    }

    StatsAnovaCommand(Function<CommonOptions, StatsSession> sessions)
    {
        super(sessions);
    }

    @Override
    StatsOutcome.Answered run(StatisticsService service)
    {
        return service.anova(service.names().subject(table, value, by, filter), alpha).answered();
    }

    @Override
    void drawChart(StatsOutcome.Answered answered, Path file)
    {
        meansChart(answered, file);
    }

    /** Group means with their 95% intervals (rows: group, n, mean, sd, ci_low, ci_high, median). */
    static void meansChart(StatsOutcome.Answered answered, Path file)
    {
        List<StatsChartRenderer.Bar> bars = new ArrayList<>();
        for (List<Object> row : answered.rows()) {
            double mean = ((Number) row.get(2)).doubleValue();
            double error = row.get(5) instanceof Number high ? high.doubleValue() - mean : 0;
            bars.add(new StatsChartRenderer.Bar(String.valueOf(row.get(0)), mean, error));
        }
        String value = String.valueOf(answered.analysis().get("value"));
        new StatsChartRenderer().writeMeans("Mean " + value.replace('_', ' ') + " by " + answered.chartX().replace('_', ' ') + " (95% CI)", answered.chartX(),
                value, bars, file);
    }
}
