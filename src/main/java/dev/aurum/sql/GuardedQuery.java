package dev.aurum.sql;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A query the guard accepted, with what the check learned: the analysed Dataset (not run yet) and the Delta version
 * of every table it reads ({@code -1} when a table is not a Delta table).
 */
public record GuardedQuery(GuardVerdict verdict, Dataset<Row> dataset, Map<String, Long> tableVersions)
{
    public GuardedQuery
    {
        requireNonNull(verdict, "verdict is null");
        requireNonNull(dataset, "dataset is null");
        tableVersions = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(tableVersions, "tableVersions is null")));
    }
}
