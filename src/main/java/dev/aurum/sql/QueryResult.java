package dev.aurum.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The result of one executed query. Cell values are plain Java values: {@code String}, {@code Long},
 * {@code Integer}, {@code Double}, {@code BigDecimal}, {@code Boolean}, {@code LocalDate}, {@code Instant}, or null.
 *
 * @param rowCount rows returned (at most the row cap)
 * @param truncated true when the row cap cut the result
 * @param dataDate the latest value of the model's data-date column when the query ran (null when Gold is empty)
 * @param tableVersions the Delta version of every lakehouse table the query read
 */
public record QueryResult(
        String sql,
        List<ResultColumn> columns,
        List<List<Object>> rows,
        long rowCount,
        boolean truncated,
        long guardMillis,
        long executeMillis,
        LocalDate dataDate,
        Map<String, Long> tableVersions)
{
    public QueryResult
    {
        requireNonNull(sql, "sql is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        List<List<Object>> copy = new ArrayList<>(requireNonNull(rows, "rows is null").size());
        for (List<Object> row : rows) {
            // rows may hold nulls, which List.copyOf refuses
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
        tableVersions = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(tableVersions, "tableVersions is null")));
    }
}
