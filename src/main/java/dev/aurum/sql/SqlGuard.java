package dev.aurum.sql;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import org.apache.spark.sql.SparkSession;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Accepts one read-only query over allow-listed tables and nothing else, deciding on Spark's parsed and analysed
 * plan (never on regular expressions over the text).
 */
public final class SqlGuard
{
    private final SparkSession querySession;
    private final Set<String> allowedTables;

    /**
     * @param querySession the session queries will run in (from {@code SparkSessions.querySession})
     * @param allowedTables qualified lower-case names, e.g. {@code gold.order_facts}
     */
    public SqlGuard(SparkSession querySession, Set<String> allowedTables)
    {
        this.querySession = requireNonNull(querySession, "querySession is null");
        this.allowedTables = Set.copyOf(requireNonNull(allowedTables, "allowedTables is null"));
    }

    /**
     * Checks one statement.
     *
     * @return the verdict for an accepted query: its text without a trailing {@code ;} and the tables it reads
     * @throws AurumException with {@link ErrorCode#SQL_REJECTED} and a one-line reason when the statement is refused
     */
    public GuardVerdict check(String sql)
    {
        throw new AurumException(ErrorCode.NOT_BUILT, "the SQL guard is not built yet");
    }
}
