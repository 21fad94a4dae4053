package dev.aurum.init;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What {@code aurum init} learned about one entity from its CSV drops.
 *
 * @param files the drops, each with its date
 * @param columns every column in first-seen order
 * @param key the proposed key (empty: no column set was unique in every file, so the source is append-only)
 * @param rows data rows read (all files)
 */
public record CsvProfile(String entity, List<Drop> files, List<Column> columns, List<String> key, long rows)
{
    public CsvProfile
    {
        requireNonNull(entity, "entity is null");
        files = List.copyOf(files);
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    public boolean appendOnly()
    {
        return key.isEmpty();
    }

    /** The time column relative time of this entity is read from: the first date or timestamp column that is never empty. */
    public Optional<Column> mainTime()
    {
        return columns.stream().filter(column -> column.type().isTime() && column.nulls() == 0 && column.inEveryFile()).findFirst()
                .or(() -> columns.stream().filter(column -> column.type().isTime()).findFirst());
    }

    public record Drop(java.nio.file.Path path, java.time.LocalDate date) {}

    /**
     * One column.
     *
     * @param spellings the header spellings seen for it ({@code Customer ID}, {@code CustomerID})
     * @param inEveryFile whether every file's header has it (only those are required in the pipeline)
     * @param distinct distinct non-empty values in the sample, up to a cap
     * @param samples the most frequent values, most frequent first
     */
    public record Column(String name, List<String> spellings, ColumnType type, boolean inEveryFile, long nulls, int distinct, List<String> samples)
    {
        public Column
        {
            requireNonNull(name, "name is null");
            spellings = List.copyOf(spellings);
            requireNonNull(type, "type is null");
            samples = List.copyOf(samples);
        }
    }

    /** A column's inferred type, with the Spark type, the parse format and how Silver reads it from text. */
    public record ColumnType(Kind kind, String sparkType, String format)
    {
        public enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP }

        public boolean isTime()
        {
            return kind == Kind.DATE || kind == Kind.TIMESTAMP;
        }

        public boolean isNumber()
        {
            return kind == Kind.INTEGER || kind == Kind.DECIMAL;
        }
    }
}
