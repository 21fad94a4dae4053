package dev.aurum.sql;

import java.util.Map;

/** The current Delta version of a lakehouse table, read without running anything on Spark. */
@FunctionalInterface
public interface TableVersions
{
    /** @param table a qualified name, e.g. {@code gold.order_facts}; returns -1 when it is unknown or not a Delta table */
    long current(String table);

    /**
     * True when every table of {@code read} (table → the version a result read) is still at that version. A table of
     * unknown version (-1 or missing) never is; a result that read no table is constant.
     */
    default boolean allCurrent(Map<String, Long> read)
    {
        for (Map.Entry<String, Long> table : read.entrySet()) {
            if (table.getValue() == null || table.getValue() < 0 || current(table.getKey()) != table.getValue()) {
                return false;
            }
        }
        return true;
    }
}
