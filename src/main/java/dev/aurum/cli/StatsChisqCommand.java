package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.render.StatsChartRenderer;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.stats.StatisticsService;
import dev.aurum.stats.StatsOutcome;
import dev.aurum.stats.StatsSubject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

@Command(name = "chisq", mixinStandardHelpOptions = true,
        description = {"Chi-square test of independence of two dimensions, with Cramér's V.", ""},
        footer = {"", "Example:", "  ./aurum stats chisq --by DIMENSION --by OTHER_DIMENSION", "",
                "Exit codes: 0 done, 1 a failure while running, 2 bad input (not two dimensions, unknown column, no rows)."})
public class StatsChisqCommand
        extends StatsTestCommand
{
    @Option(names = "--by", paramLabel = "DIMENSION", required = true, description = "A dimension; give --by twice.")
    List<String> by;

    public StatsChisqCommand()
    {
        this(StatsSession::open);
    }

    StatsChisqCommand(Function<CommonOptions, StatsSession> sessions)
    {
        super(sessions);
    }

    @Override
    StatsOutcome.Answered run(StatisticsService service)
    {
        if (by.size() != 2) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Give exactly two dimensions: --by A --by B (got " + by.size() + ").");
        }
        List<SemanticTable> tables = table == null ? service.names().model().tables()
                : List.of(service.names().model().table(table).orElseThrow(() -> new AurumException(ErrorCode.UNKNOWN_COLUMN,
                "There is no table " + table + " in the semantic model.")));
        for (SemanticTable candidate : tables) {
            var first = service.names().exact(candidate, by.get(0));
            var second = service.names().exact(candidate, by.get(1));
            if (first.isPresent() && second.isPresent()) {
                Dimension a = first.get();
                StatsSubject subject = service.names().subject(candidate, a, a, filter == null ? "none" : filter);
                return service.chisq(subject, second.get().name(), second.get().expression(), alpha);
            }
        }
        throw new AurumException(ErrorCode.UNKNOWN_COLUMN, "No table of the semantic model has both " + by.get(0) + " and " + by.get(1) + ".");
    }

    @Override
    void drawChart(StatsOutcome.Answered answered, Path file)
    {
        // rows per value of the first dimension
        java.util.Map<String, Double> totals = new java.util.LinkedHashMap<>();
        for (List<Object> row : answered.rows()) {
            totals.merge(String.valueOf(row.get(0)), ((Number) row.get(2)).doubleValue(), Double::sum);
        }
        List<StatsChartRenderer.Bar> bars = new ArrayList<>();
        totals.forEach((label, count) -> bars.add(new StatsChartRenderer.Bar(label, count, 0)));
        new StatsChartRenderer().writeMeans("Rows by " + answered.chartX().replace('_', ' '), answered.chartX(), "rows", bars, file);
    }
}
