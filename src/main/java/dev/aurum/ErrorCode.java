package dev.aurum;

/**
 * Categories of failure. Each maps to one process exit code (see docs/architecture.md) so the CLI never has to guess.
 */
public enum ErrorCode
{
    /** Unknown flag, unreadable file, malformed argument or input file. */
    BAD_INPUT(2),
    /** The SQL guard refused a statement. */
    SQL_REJECTED(2),
    /** A name (table, column, metric) that does not exist. */
    UNKNOWN_COLUMN(2),
    /** The question is outside what the data can answer. */
    REFUSED(2),
    /** The lakehouse has not been built yet, or a table is missing. */
    NO_LAKEHOUSE(1),
    /** Another pipeline run holds the lakehouse lock. */
    LOCKED(1),
    /** A pipeline run, query or job failed while working. */
    RUN_FAILED(1),
    /** A query ran past its time limit and was cancelled. */
    TIMEOUT(1),
    /** The user cancelled (Ctrl-C). */
    CANCELLED(1),
    /** The configured LLM could not be reached or answered badly. */
    LLM_UNAVAILABLE(1),
    /** The feature is not built yet. */
    NOT_BUILT(1),
    /** A quality gate (lint, eval) was missed. */
    GATE_FAILED(1),
    /** A bug: something that should never happen. */
    INTERNAL(1);

    private final int exitCode;

    ErrorCode(int exitCode)
    {
        this.exitCode = exitCode;
    }

    public int exitCode()
    {
        return exitCode;
    }
}
