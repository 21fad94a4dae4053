package dev.aurum.stats;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.sql.QueryResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The SQL that reduces a table to group summaries where the data is, run through the guarded executor so only one
 * row per group (or per pair of values) comes back. One statement computes everything the one-way tests need:
 * <ol>
 *   <li>{@code counts}: how many rows hold each (group, value) — the only pass over the table;</li>
 *   <li>{@code ranked}: over the counts in value order, the average rank of each value over all groups (the running
 *       count through it minus half its ties) and its tie count t;</li>
 *   <li>{@code placed}: per group n, mean and the running count through each value, as window aggregates so no join
 *       is needed;</li>
 *   <li>per group the exact median (the value at the middle positions), Σ (x − mean)², Σ |x − median| (upper half
 *       minus lower half), Σ (x − median)² and the rank sum, and Σ c (t² − 1) over every (group, value) row, which is
 *       Σ (t³ − t) over the distinct values, for the tie correction.</li>
 * </ol>
 */
public final class SummaryQueries
{
    private final Function<String, QueryResult> runner;

    /** @param runner guards and runs one statement (the {@code QueryExecutor}) */
    public SummaryQueries(Function<String, QueryResult> runner)
    {
        this.runner = requireNonNull(runner, "runner is null");
    }

    /** Group summaries and the query result they came from. */
    public record Summarised(GroupSummaries summaries, QueryResult result) {}

    public Summarised groupSummaries(StatsSubject subject)
    {
        String sql = groupSummarySql(subject);
        QueryResult result = runner.apply(sql);
        if (result.truncated()) {
            throw new AurumException(ErrorCode.BAD_INPUT, subject.groupName() + " has more than " + result.rowCount()
                    + " groups; choose a dimension with fewer values.");
        }
        List<GroupSummary> groups = new ArrayList<>();
        double tieSum = 0;
        for (List<Object> row : result.rows()) {
            groups.add(new GroupSummary(String.valueOf(row.get(0)), number(row.get(1)).longValue(), number(row.get(2)).doubleValue(),
                    number(row.get(3)).doubleValue(), number(row.get(4)).doubleValue(), number(row.get(5)).doubleValue(),
                    number(row.get(6)).doubleValue(), number(row.get(7)).doubleValue()));
            tieSum = number(row.get(8)).doubleValue();
        }
        return new Summarised(new GroupSummaries(groups, tieSum), result);
    }

    /** The count of each pair of values of two dimensions (the contingency table). */
    public record Counted(List<ChiSquareIndependence.Cell> cells, QueryResult result) {}

    public Counted pairCounts(StatsSubject first, String secondExpression)
    {
        String sql = "SELECT CAST(" + first.groupExpression() + " AS STRING) AS first_value, CAST(" + secondExpression + " AS STRING) AS second_value, "
                + "COUNT(*) AS row_count\nFROM " + first.table().baseTable() + "\nWHERE " + where(first.filterExpression(), first.groupExpression(), secondExpression)
                + "\nGROUP BY 1, 2\nORDER BY 1, 2";
        QueryResult result = runner.apply(sql);
        if (result.truncated()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "The two dimensions have more than " + result.rowCount()
                    + " combinations; choose dimensions with fewer values.");
        }
        List<ChiSquareIndependence.Cell> cells = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            cells.add(new ChiSquareIndependence.Cell(String.valueOf(row.get(0)), String.valueOf(row.get(1)), number(row.get(2)).longValue()));
        }
        return new Counted(cells, result);
    }

    static String groupSummarySql(StatsSubject subject)
    {
        // Two shuffles: the (group, value) counts, then everything else in one task over those counts (one row per
        // distinct pair, not per row: 166,842 at SF10). Two sorts there: by value for the running count and the ties
        // (the same window order with a peers-only frame), and by group and value for each group's running count,
        // which places every row among the group's ordered observations. The median is then the value at the middle
        // positions and Σ |x − median| the sum of the upper half minus the sum of the lower half (the median cancels,
        // and so does the mean, subtracted for precision), so no percentile and no second pass over the rows is
        // needed; Σ (x − median)² = Σ (x − mean)² + n (mean − median)².
        // A range-partitioned ranking was measured slower at SF10, and this form faster than a percentile window per
        // group; see docs/benchmarks.md.
        return """
                WITH counts AS (
                  SELECT CAST(%2$s AS STRING) AS stats_group, CAST(%1$s AS DOUBLE) AS stats_value, COUNT(*) AS stats_count
                  FROM %3$s
                  WHERE %4$s
                  GROUP BY 1, 2
                ),
                ranked AS (
                  SELECT stats_group, stats_value, stats_count,
                         CAST(SUM(stats_count) OVER (ORDER BY stats_value) AS DOUBLE) AS through_value,
                         CAST(SUM(stats_count) OVER (ORDER BY stats_value RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS DOUBLE) AS ties
                  FROM counts
                ),
                placed AS (
                  SELECT stats_group, stats_value, stats_count, through_value - (ties - 1) / 2 AS value_rank, ties,
                         SUM(stats_count) OVER (PARTITION BY stats_group ORDER BY stats_value ROWS UNBOUNDED PRECEDING) AS through_group,
                         SUM(stats_count) OVER (PARTITION BY stats_group) AS n,
                         SUM(stats_count * stats_value) OVER (PARTITION BY stats_group) / SUM(stats_count) OVER (PARTITION BY stats_group) AS mean
                  FROM ranked
                ),
                halves AS (
                  SELECT stats_group, stats_value, stats_count, value_rank, ties, n, mean, through_group,
                         through_group - stats_count AS before_group, n DIV 2 AS half
                  FROM placed
                ),
                summed AS (
                  SELECT stats_group,
                         MAX(n) AS n,
                         MAX(mean) AS mean,
                         SUM(stats_count * (stats_value - mean) * (stats_value - mean)) AS squared_deviation_sum,
                         (MAX(IF(before_group < n - half AND n - half <= through_group, stats_value, NULL))
                           + MAX(IF(before_group < half + 1 AND half + 1 <= through_group, stats_value, NULL))) / 2 AS median,
                         SUM((stats_value - mean) * (GREATEST(0, through_group - GREATEST(before_group, n - half))
                           - GREATEST(0, LEAST(through_group, half) - before_group))) AS absolute_median_deviation_sum,
                         SUM(stats_count * value_rank) AS rank_sum,
                         SUM(stats_count * (ties * ties - 1)) AS tie_part
                  FROM halves
                  GROUP BY stats_group
                )
                SELECT stats_group AS group_value, n, mean, squared_deviation_sum, median, absolute_median_deviation_sum,
                       squared_deviation_sum + n * (mean - median) * (mean - median) AS squared_median_deviation_sum,
                       rank_sum, SUM(tie_part) OVER () AS tie_sum
                FROM summed""".formatted(subject.valueExpression(), subject.groupExpression(), subject.table().baseTable(),
                where(subject.filterExpression(), subject.valueExpression(), subject.groupExpression()));
    }

    private static String where(String filter, String first, String second)
    {
        return (filter == null ? "" : "(" + filter + ") AND ") + "(" + first + ") IS NOT NULL AND (" + second + ") IS NOT NULL";
    }

    private static Number number(Object value)
    {
        if (value instanceof Number number) {
            return number;
        }
        throw new AurumException(ErrorCode.INTERNAL, "the summary query returned " + value + " where a number belongs");
    }
}
