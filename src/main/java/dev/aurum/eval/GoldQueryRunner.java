package dev.aurum.eval;

import dev.aurum.sql.QueryExecutor;

import static java.util.Objects.requireNonNull;

/** Runs a gold SQL query; in production the guarded {@link QueryExecutor} over the eval lakehouse. */
@FunctionalInterface
public interface GoldQueryRunner
{
    /** @throws dev.aurum.AurumException when the query is rejected or fails */
    ResultTable run(String sql);

    static GoldQueryRunner of(QueryExecutor executor)
    {
        requireNonNull(executor, "executor is null");
        return sql -> ResultTable.of(executor.execute(sql));
    }
}
