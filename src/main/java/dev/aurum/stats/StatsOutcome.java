package dev.aurum.stats;

import dev.aurum.sql.ResultColumn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** What the statistics route made of a question: a report, a question back, or a failure with its reason. */
public sealed interface StatsOutcome
{
    /**
     * A test that ran.
     *
     * @param sql the query that computed the group summaries (the only data that reached the driver)
     * @param rows the per-group table (or, for chi-square, the count of each pair of values)
     * @param summary the plain-English conclusion with the key numbers
     * @param analysis the whole report with explicit snake_case names ({@code f_statistic}, {@code p_value}, ...)
     * @param chartX the column of {@code rows} to chart along x; {@code chartY} the one up y
     * @param dataDate the data date when the query ran (null when Gold is empty)
     */
    record Answered(String sql, List<ResultColumn> columns, List<List<Object>> rows, String summary, Map<String, Object> analysis, String chartX,
            String chartY, Map<String, Long> tableVersions, LocalDate dataDate)
            implements StatsOutcome
    {
        public Answered
        {
            requireNonNull(sql, "sql is null");
            columns = List.copyOf(columns);
            List<List<Object>> copy = new ArrayList<>();
            for (List<Object> row : rows) {
                copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
            }
            rows = Collections.unmodifiableList(copy);
            requireNonNull(summary, "summary is null");
            analysis = Collections.unmodifiableMap(new LinkedHashMap<>(analysis));
            requireNonNull(chartX, "chartX is null");
            requireNonNull(chartY, "chartY is null");
            tableVersions = Collections.unmodifiableMap(new LinkedHashMap<>(tableVersions));
        }
    }

    /** The question could not be mapped to a value and a grouping: {@code choices} are complete questions that can. */
    record Clarify(String message, List<String> choices)
            implements StatsOutcome
    {
        public Clarify
        {
            requireNonNull(message, "message is null");
            choices = List.copyOf(choices);
        }
    }

    /** The test could not run; {@code message} says why and what to do. */
    record Failed(String message)
            implements StatsOutcome
    {
        public Failed
        {
            requireNonNull(message, "message is null");
        }
    }
}
