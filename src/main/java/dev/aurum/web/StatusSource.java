package dev.aurum.web;

import java.util.Map;

/**
 * The data page's pipeline view (table versions, rows, quarantine counts per rule, runs, pending drops), as plain
 * values Jackson writes; {@code aurum serve} reads it from the pipeline's status and history.
 */
@FunctionalInterface
public interface StatusSource
{
    Map<String, Object> pipeline();
}
