package dev.aurum.sql;

import dev.aurum.semantic.DataDateColumn;
import dev.aurum.semantic.SemanticModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.delta.DeltaLog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 *
 * <p>With a memo file ({@link #withMemo}), the date read at a table version is kept on disk with that version, so a
 * new process whose table is still at that version takes it from the file after one listing of the table's Delta log:
 * no snapshot and no Spark job before the first question (docs/architecture.md, "Answers sooner").
 */
public final class DataDate
{
    private final SparkSession session;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<DataDateColumn> column;
    private final Optional<Path> memo;
    private long cachedVersion = Long.MIN_VALUE;
    private LocalDate cachedDate;

    /** Table versions only: {@link #current()} is always null. */
    public DataDate(SparkSession session)
    {
        this(session, Optional.empty());
    }

    public DataDate(SparkSession session, Optional<DataDateColumn> column)
    {
        this(session, column, Optional.empty());
    }

    private DataDate(SparkSession session, Optional<DataDateColumn> column, Optional<Path> memo)
    {
        this.session = requireNonNull(session, "session is null");
        this.column = requireNonNull(column, "column is null");
        this.memo = requireNonNull(memo, "memo is null");
    }

    /** The same data date, kept in {@code file} with the table version it was read at (see the class comment). */
    public DataDate withMemo(Path file)
    {
        return new DataDate(session, column, Optional.of(requireNonNull(file, "file is null")));
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
        if (memo.isPresent()) {
            long listed = listedVersion(table);
            if (listed >= 0) {
                return currentThroughMemo(table, listed);
            }
        }
        long version = version(table);
        if (version < 0) {
            return null;
        }
        if (version != cachedVersion) {
            cachedDate = query(table);
            cachedVersion = version;
        }
        return cachedDate;
    }

    private LocalDate currentThroughMemo(String table, long listed)
    {
        if (listed == cachedVersion) {
            return cachedDate;
        }
        String expression = column.get().expression();
        Optional<Optional<LocalDate>> stored = readMemo(table, expression, listed);
        if (stored.isPresent()) {
            cachedDate = stored.get().orElse(null);
            cachedVersion = listed;
            return cachedDate;
        }
        LocalDate date = query(table);
        // kept only when the table did not move while it was read: a date must never be filed under an older version
        if (listedVersion(table) == listed) {
            writeMemo(table, expression, listed, date);
            cachedDate = date;
            cachedVersion = listed;
        }
        return date;
    }

    private LocalDate query(String table)
    {
        Row row = session.sql("SELECT CAST(MAX(" + column.get().expression() + ") AS DATE) FROM " + table).first();
        Object value = row.get(0);
        return value == null ? null : value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** The date filed for this table, expression and version; empty when the file holds another (or nothing). */
    private Optional<Optional<LocalDate>> readMemo(String table, String expression, long version)
    {
        try {
            if (!Files.isRegularFile(memo.get())) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(memo.get().toFile());
            if (!table.equals(node.path("table").asText()) || !expression.equals(node.path("expression").asText())
                    || node.path("version").asLong(-1) != version) {
                return Optional.empty();
            }
            JsonNode date = node.path("date");
            return Optional.of(date.isTextual() ? Optional.of(LocalDate.parse(date.asText())) : Optional.empty());
        }
        catch (IOException | RuntimeException e) {
            // a memo is an optimisation: an unreadable one is read again from the table
            return Optional.empty();
        }
    }

    private void writeMemo(String table, String expression, long version, LocalDate date)
    {
        Path file = memo.get();
        try {
            ObjectNode node = JSON.createObjectNode().put("table", table).put("expression", expression).put("version", version)
                    .put("date", date == null ? null : date.toString());
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException | RuntimeException e) {
            // a memo is an optimisation: the next process reads the date from the table again
        }
    }

    /** The table's version from a listing of its Delta log folder (no snapshot), or -1. */
    private long listedVersion(String qualifiedName)
    {
        try {
            TableIdentifier identifier = identifier(qualifiedName);
            if (!session.sessionState().catalog().tableExists(identifier)) {
                return -1;
            }
            java.net.URI location = session.sessionState().catalog().getTableMetadata(identifier).location();
            return new DeltaLogVersions(name -> Optional.of(Path.of(location))).current(qualifiedName);
        }
        catch (org.apache.spark.sql.catalyst.analysis.NoSuchDatabaseException | org.apache.spark.sql.catalyst.analysis.NoSuchTableException | RuntimeException e) {
            return -1;
        }
    }

    private static TableIdentifier identifier(String qualifiedName)
    {
        String name = qualifiedName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? new TableIdentifier(name) : new TableIdentifier(name.substring(dot + 1), scala.Option.apply(name.substring(0, dot)));
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
        TableIdentifier identifier = identifier(name);
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
