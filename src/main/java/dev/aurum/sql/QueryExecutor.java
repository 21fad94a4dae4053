package dev.aurum.sql;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import org.apache.spark.sql.SparkSession;

import static java.util.Objects.requireNonNull;

/**
 * Runs guarded SQL within limits: a row cap applied to the plan, a timeout that cancels the Spark job group, and
 * {@link #cancel()} for Ctrl-C. Every result records the data date and the Delta versions of the tables it read.
 */
public final class QueryExecutor
{
    private final SparkSession querySession;
    private final SqlGuard guard;
    private final ExecutorSettings settings;

    public QueryExecutor(SparkSession querySession, SqlGuard guard, ExecutorSettings settings)
    {
        this.querySession = requireNonNull(querySession, "querySession is null");
        this.guard = requireNonNull(guard, "guard is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * Guards and runs one query.
     *
     * @throws AurumException SQL_REJECTED (guard), TIMEOUT, CANCELLED, RUN_FAILED (Spark error, message says why)
     */
    public QueryResult execute(String sql)
    {
        throw new AurumException(ErrorCode.NOT_BUILT, "the query executor is not built yet");
    }

    /** Cancels the query running now, if any (safe to call from another thread). */
    public void cancel() {}
}
