package dev.aurum.sql;

/** The current Delta version of a lakehouse table, read without running anything on Spark. */
@FunctionalInterface
public interface TableVersions
{
    /** @param table a qualified name, e.g. {@code gold.order_facts}; returns -1 when it is unknown or not a Delta table */
    long current(String table);
}
