package dev.aurum.pipeline;

import static java.util.Objects.requireNonNull;

/** A counter computed after Gold is built, e.g. {@code orphan_order_items}: a SQL query returning one number. */
public record CheckSpec(String name, String entity, String sql)
{
    public CheckSpec
    {
        requireNonNull(name, "name is null");
        requireNonNull(entity, "entity is null");
        requireNonNull(sql, "sql is null");
    }
}
