package dev.aurum.pipeline;

import static java.util.Objects.requireNonNull;

/** A Gold table and the SQL (text, parameters not yet substituted) that builds it. */
public record GoldStep(String table, String sqlFile, String sql)
{
    public GoldStep
    {
        requireNonNull(table, "table is null");
        requireNonNull(sqlFile, "sqlFile is null");
        requireNonNull(sql, "sql is null");
    }
}
