package dev.aurum.pipeline;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How a refresh updates one Gold table without rebuilding it (docs/architecture.md, "Incremental Gold"):
 * {@code changedSql} selects the {@code scope} values whose rows must be recomputed (reading {@code silver.*} rows
 * with {@code _batch_id > ${last_gold_batch}}, the current Gold, and the {@code changed_<table>} views of the steps
 * before it); the table's SQL, with {@code ${in_scope}} restricting it to those values, gives their new rows, which
 * are MERGEd on {@code key}; rows of a changed scope the SQL no longer gives are deleted. The scope must be closed
 * under everything a row is computed from (all orders of a customer, when a row uses the customer's first order).
 */
public record GoldRefresh(List<String> key, List<String> scope, String changedFile, String changedSql)
{
    /** Parameter in a Gold step's SQL: TRUE on a full build, membership in the changed scopes on a refresh. */
    public static final String IN_SCOPE = "in_scope";
    /** Parameter in a changed-scopes SQL: the highest Bronze batch the current Gold holds. */
    public static final String LAST_GOLD_BATCH = "last_gold_batch";

    public GoldRefresh
    {
        key = List.copyOf(requireNonNull(key, "key is null"));
        scope = List.copyOf(requireNonNull(scope, "scope is null"));
        requireNonNull(changedFile, "changedFile is null");
        requireNonNull(changedSql, "changedSql is null");
        if (key.isEmpty() || scope.isEmpty()) {
            throw new IllegalArgumentException("key and scope must not be empty");
        }
    }

    /** The view a refresh registers with this step's changed scopes, for later steps' changed SQL. */
    public static String changedView(String table)
    {
        return "changed_" + table;
    }
}
