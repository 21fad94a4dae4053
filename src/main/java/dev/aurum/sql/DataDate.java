package dev.aurum.sql;

import dev.aurum.semantic.DataDateColumn;
import dev.aurum.semantic.SemanticModel;
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
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The data date (the latest value of the column the semantic model declares as {@code data_date}, the anchor of
 * relative time: docs/architecture.md, "Answer conventions") and the current Delta version of lakehouse tables. The
 * data date is read again only when its table's version changes.
 */
public final class DataDate
{
    private final SparkSession session;
    private final Optional<DataDateColumn> column;
    private long cachedVersion = Long.MIN_VALUE;
    private LocalDate cachedDate;

    /** Table versions only: {@link #current()} is always null. */
    public DataDate(SparkSession session)
    {
        this(session, Optional.empty());
    }

    public DataDate(SparkSession session, Optional<DataDateColumn> column)
    {
        this.session = requireNonNull(session, "session is null");
        this.column = requireNonNull(column, "column is null");
    }

    /** The data date of the model's declared column. */
    public static DataDate of(SparkSession session, SemanticModel model)
    {
        return new DataDate(session, model.dataDateColumn());
    }

    /** The latest date of the declared column, or null when none is declared or its table is missing or empty. */
    public synchronized LocalDate current()
    {
        if (column.isEmpty()) {
            return null;
        }
        String table = column.get().baseTable();
        long version = version(table);
        if (version < 0) {
            return null;
        }
        if (version != cachedVersion) {
            Row row = session.sql("SELECT CAST(MAX(" + column.get().expression() + ") AS DATE) FROM " + table).first();
            Object value = row.get(0);
            cachedDate = value == null ? null : value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
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

    /** The current Delta version of one table, e.g. {@code gold.invoices}; {@code -1} when missing or not Delta. */
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
