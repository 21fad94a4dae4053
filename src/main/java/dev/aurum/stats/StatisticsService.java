package dev.aurum.stats;

import dev.aurum.semantic.SemanticModel;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Runs a test on a resolved subject: the summaries come from Spark through the guarded executor, the statistics are
 * computed on the driver from those summaries alone. Bad input (no rows, one group, no variation) throws
 * {@code AurumException} BAD_INPUT with a message that says what to change.
 */
public final class StatisticsService
{
    private final SemanticNames names;
    private final SummaryQueries queries;
    private final String currencySymbol;

    public StatisticsService(SemanticModel model, Function<String, QueryResult> runner)
    {
        this.names = new SemanticNames(requireNonNull(model, "model is null"));
        this.currencySymbol = model.currencySymbol();
        this.queries = new SummaryQueries(runner);
    }

    public SemanticNames names()
    {
        return names;
    }

    /** One-way ANOVA and companions; {@code report} is the full report, for charts. */
    public record AnovaAnswer(StatsOutcome.Answered answered, AnovaReport report) {}

    public AnovaAnswer anova(StatsSubject subject, double alpha)
    {
        SummaryQueries.Summarised summarised = queries.groupSummaries(subject);
        AnovaReport report = new OneWayAnova(alpha, currencySymbol).analyse(summarised.summaries(), subject.valueName(), subject.groupName(), subject.money());
        Map<String, Object> analysis = new LinkedHashMap<>(report.toMap());
        analysis.put("table", subject.table().baseTable());
        analysis.put("filter", describeFilter(subject));
        List<List<Object>> rows = new ArrayList<>();
        for (AnovaReport.GroupResult group : report.groups()) {
            rows.add(java.util.Arrays.asList(group.group(), group.count(), group.mean(), group.standardDeviation(), group.ciLow(), group.ciHigh(), group.median()));
        }
        StatsOutcome.Answered answered = new StatsOutcome.Answered(summarised.result().sql(), groupColumns(subject.groupName()), rows,
                summaryWithFilter(report.conclusion(), subject), analysis, subject.groupName(), "mean", summarised.result().tableVersions(),
                summarised.result().dataDate());
        return new AnovaAnswer(answered, report);
    }

    public StatsOutcome.Answered ttest(StatsSubject subject, double alpha)
    {
        SummaryQueries.Summarised summarised = queries.groupSummaries(subject);
        Map<String, Object> analysis = new LinkedHashMap<>(new WelchTTest(alpha, currencySymbol).test(summarised.summaries(), subject.valueName(), subject.groupName(),
                subject.money()));
        analysis.put("table", subject.table().baseTable());
        analysis.put("filter", describeFilter(subject));
        List<List<Object>> rows = new ArrayList<>();
        for (GroupSummary group : summarised.summaries().groups()) {
            rows.add(java.util.Arrays.asList(group.group(), group.count(), group.mean(), Math.sqrt(group.variance()), null, null, group.median()));
        }
        return new StatsOutcome.Answered(summarised.result().sql(), groupColumns(subject.groupName()), rows,
                summaryWithFilter((String) analysis.get("conclusion"), subject), analysis, subject.groupName(), "mean", summarised.result().tableVersions(),
                summarised.result().dataDate());
    }

    /** {@code first}'s grouping against {@code secondGroupExpression} named {@code secondName}. */
    public StatsOutcome.Answered chisq(StatsSubject first, String secondName, String secondExpression, double alpha)
    {
        SummaryQueries.Counted counted = queries.pairCounts(first, secondExpression);
        Map<String, Object> analysis = new LinkedHashMap<>(new ChiSquareIndependence(alpha).test(counted.cells(), first.groupName(), secondName));
        analysis.put("table", first.table().baseTable());
        analysis.put("filter", describeFilter(first));
        List<List<Object>> rows = new ArrayList<>();
        for (ChiSquareIndependence.Cell cell : counted.cells()) {
            rows.add(List.of(cell.first(), cell.second(), cell.count()));
        }
        List<ResultColumn> columns = List.of(new ResultColumn(first.groupName(), "string"), new ResultColumn(secondName, "string"),
                new ResultColumn("row_count", "bigint"));
        return new StatsOutcome.Answered(counted.result().sql(), columns, rows, summaryWithFilter((String) analysis.get("conclusion"), first), analysis,
                first.groupName(), "row_count", counted.result().tableVersions(), counted.result().dataDate());
    }

    private static List<ResultColumn> groupColumns(String groupName)
    {
        return List.of(new ResultColumn(groupName, "string"), new ResultColumn("n", "bigint"), new ResultColumn("mean", "double"),
                new ResultColumn("standard_deviation", "double"), new ResultColumn("ci_low", "double"), new ResultColumn("ci_high", "double"),
                new ResultColumn("median", "double"));
    }

    private static String describeFilter(StatsSubject subject)
    {
        if (subject.filterExpression() == null) {
            return null;
        }
        return subject.filterName() == null ? subject.filterExpression() : subject.filterName() + " (" + subject.filterExpression() + ")";
    }

    private static String summaryWithFilter(String conclusion, StatsSubject subject)
    {
        if (subject.filterExpression() == null) {
            return conclusion;
        }
        return conclusion + " Rows: " + (subject.filterName() == null ? subject.filterExpression() : Wording.words(subject.filterName())) + ".";
    }
}
