package dev.aurum.eval;

/**
 * Why a question was not scored right, in the vocabulary of Databricks Genie's benchmarks. Comparison reasons
 * (the first group) apply to answered questions whose rows differ from the gold SQL's; the others say what the
 * assistant did instead of the expected behaviour.
 */
public enum FailureReason
{
    /** The answer has no rows; the gold SQL has some. */
    EMPTY_RESULT,
    /** Rows of the gold result are not in the answer. */
    RESULT_MISSING_ROWS,
    /** The answer has every gold row plus rows the gold result does not have. */
    RESULT_EXTRA_ROWS,
    /** A gold column's values appear in no column of the answer. */
    RESULT_MISSING_COLUMNS,
    /** Everything matches except one cell. */
    SINGLE_CELL_DIFFERENCE,
    /** The values match only when compared as text: a column has another type (a number as a string, ...). */
    COLUMN_TYPE_DIFFERENCE,
    /** The same rows, in another order, where the gold SQL orders its result (top-level ORDER BY). */
    ROW_ORDER_DIFFERENCE,
    /** The assistant's SQL failed to run. */
    SQL_ERROR,
    /** The SQL guard refused the assistant's SQL. */
    GUARD_REJECTED,
    /** The assistant asked back where an answer (or a refusal) was expected. */
    CLARIFIED_INSTEAD,
    /** The assistant refused where an answer (or a clarification) was expected. */
    REFUSED_INSTEAD,
    /** The assistant answered where a clarification or a refusal was expected. */
    ANSWERED_INSTEAD,
    /** No answer within the time limit. */
    TIMEOUT
}
