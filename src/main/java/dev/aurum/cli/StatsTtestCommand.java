package dev.aurum.cli;

import dev.aurum.stats.StatisticsService;
import dev.aurum.stats.StatsOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.function.Function;

@Command(name = "ttest", mixinStandardHelpOptions = true,
        description = {"Welch's t test of a value between the two groups of a dimension (use --filter to keep two), with the difference's "
                + "interval and Cohen's d.", ""},
        footer = {"", "Example:", "  ./aurum stats ttest --value NUMERIC_COLUMN --by TWO_VALUED_DIMENSION", "",
                "Exit codes: 0 done, 1 a failure while running, 2 bad input (not exactly two groups, unknown column, no rows)."})
public class StatsTtestCommand
        extends StatsTestCommand
{
    @Option(names = "--value", paramLabel = "COLUMN", required = true, description = "The numeric value to compare.")
    String value;

    @Option(names = "--by", paramLabel = "DIMENSION", required = true, description = "A dimension with exactly two groups (after --filter).")
    String by;

    public StatsTtestCommand()
    {
        this(StatsSession::open);
    }

    StatsTtestCommand(Function<CommonOptions, StatsSession> sessions)
    {
        super(sessions);
    }

    @Override
    StatsOutcome.Answered run(StatisticsService service)
    {
        return service.ttest(service.names().subject(table, value, by, filter), alpha);
    }

    @Override
    void drawChart(StatsOutcome.Answered answered, Path file)
    {
        StatsAnovaCommand.meansChart(answered, file);
    }
}
