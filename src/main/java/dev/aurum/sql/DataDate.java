package dev.aurum.sql;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.delta.DeltaLog;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The data date (the latest purchase date in {@code gold.order_facts}, the anchor of relative time) and the current
 * Delta version of lakehouse tables. The data date is read again only when the fact table's version changes.
 */
public final class DataDate
{
    public static final String FACT_TABLE = "gold.order_facts";

    private final SparkSession session;
    private long cachedVersion = Long.MIN_VALUE;
    private LocalDate cachedDate;

    public DataDate(SparkSession session)
    {
        this.session = requireNonNull(session, "session is null");
    }

    /** The latest purchase date in Gold, or null when {@code gold.order_facts} is missing or empty. */
    public synchronized LocalDate current()
    {
        long version = version(FACT_TABLE);
        if (version < 0) {
            return null;
        }
        if (version != cachedVersion) {
            Row row = session.sql("SELECT MAX(purchase_date) FROM " + FACT_TABLE).first();
            Object value = row.get(0);
            cachedDate = value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
            cachedVersion = version;
        }
        return cachedDate;
    }

    /** The current Delta version of each table ({@code -1} for a missing or non-Delta table). */
    public Map<String, Long> versions(Collection<String> tables)
    {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String table : tables) {
            versions.put(table, version(table));
        }
        return versions;
    }

    /** The current Delta version of one table, e.g. {@code gold.order_facts}; {@code -1} when missing or not Delta. */
    public long version(String qualifiedName)
    {
        String name = qualifiedName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        TableIdentifier identifier = dot < 0
                ? new TableIdentifier(name)
                : new TableIdentifier(name.substring(dot + 1), scala.Option.apply(name.substring(0, dot)));
        try {
            if (!session.catalog().tableExists(name)) {
                return -1;
            }
            DeltaLog log = DeltaLog.forTable(session, identifier);
            if (!log.tableExists()) {
                return -1;
            }
            return log.update(log.update$default$1(), log.update$default$2(), log.update$default$3()).version();
        }
        catch (RuntimeException e) {
            return -1;
        }
    }
}
