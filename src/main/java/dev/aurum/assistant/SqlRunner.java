package dev.aurum.assistant;

import dev.aurum.AurumException;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.QueryResult;

import static java.util.Objects.requireNonNull;

/** Runs checked SQL for the router; the production runner is the guarded {@link QueryExecutor}. */
public interface SqlRunner
{
    /**
     * Guards and runs one query.
     *
     * @throws AurumException SQL_REJECTED, TIMEOUT, CANCELLED or RUN_FAILED, with a message for the user
     */
    QueryResult run(String sql);

    /** Cancels the query running now, if any (safe to call from another thread, e.g. on Ctrl-C). */
    void cancel();

    static SqlRunner of(QueryExecutor executor)
    {
        requireNonNull(executor, "executor is null");
        return new SqlRunner()
        {
            @Override
            public QueryResult run(String sql)
            {
                return executor.execute(sql);
            }

            @Override
            public void cancel()
            {
                executor.cancel();
            }
        };
    }
}
