package dev.aurum.web;

import dev.aurum.sql.QueryResult;

/** Runs a tile's SQL; the SQL guard decides (the implementation wraps {@link dev.aurum.sql.QueryExecutor}). */
@FunctionalInterface
public interface TileQueries
{
    /** @throws dev.aurum.AurumException SQL_REJECTED, TIMEOUT, RUN_FAILED as the executor does */
    QueryResult run(String sql);
}
