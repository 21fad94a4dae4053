package dev.aurum.eval;

import dev.aurum.assistant.Answer;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Columns and rows to compare: a gold SQL result or the rows of an answer. Cells may be null. */
public record ResultTable(List<ResultColumn> columns, List<List<Object>> rows)
{
    public ResultTable
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rows, "rows is null");
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public static ResultTable of(QueryResult result)
    {
        return new ResultTable(result.columns(), result.rows());
    }

    /** The rows of an answer; an answer without columns or rows is an empty table. */
    public static ResultTable of(Answer answer)
    {
        if (answer.columns() == null || answer.rows() == null) {
            return new ResultTable(List.of(), List.of());
        }
        return new ResultTable(answer.columns(), answer.rows());
    }

    public int rowCount()
    {
        return rows.size();
    }

    public int columnCount()
    {
        return columns.size();
    }
}
