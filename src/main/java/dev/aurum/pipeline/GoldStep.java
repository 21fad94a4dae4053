package dev.aurum.pipeline;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A Gold table and the SQL (text, parameters not yet substituted) that builds it; with {@code refresh}, a refresh
 * recomputes only the rows of changed scopes and MERGEs them, instead of overwriting the table.
 */
public record GoldStep(String table, String sqlFile, String sql, Optional<GoldRefresh> refresh)
{
    public GoldStep
    {
        requireNonNull(table, "table is null");
        requireNonNull(sqlFile, "sqlFile is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(refresh, "refresh is null");
    }

    public GoldStep(String table, String sqlFile, String sql)
    {
        this(table, sqlFile, sql, Optional.empty());
    }
}
