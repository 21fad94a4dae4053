package dev.aurum.sql;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/** An accepted query: the statement to run and the allow-listed tables it reads. */
public record GuardVerdict(String sql, Set<String> tablesRead, long guardMillis)
{
    public GuardVerdict
    {
        requireNonNull(sql, "sql is null");
        tablesRead = Set.copyOf(requireNonNull(tablesRead, "tablesRead is null"));
    }
}
