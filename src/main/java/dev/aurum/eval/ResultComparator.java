package dev.aurum.eval;

import dev.aurum.sql.ResultColumn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Execution accuracy in the style of the test-suite metric (Zhong et al. 2020) and Spider 2.0: rows are compared as
 * multisets (as sequences only when the gold SQL orders its result), gold columns are found among the answer's
 * columns by their values, never by name or position (extra answer columns are fine), numbers are equal within a
 * tolerance, and NULL equals NULL. When the rows differ, {@link Comparison} says how, as a {@link FailureReason}.
 */
public final class ResultComparator
{
    private static final int MAX_ASSIGNMENTS = 20_000;
    private static final int SHOWN_ROWS = 3;

    private final ComparatorSettings settings;

    public ResultComparator(ComparatorSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * @param ordered true when the gold SQL has a top-level ORDER BY: the answer's rows must then come in the same order
     */
    public Comparison compare(ResultTable gold, ResultTable predicted, boolean ordered)
    {
        requireNonNull(gold, "gold is null");
        requireNonNull(predicted, "predicted is null");
        if (gold.rowCount() == 0) {
            return predicted.rowCount() == 0
                    ? Comparison.match("both results are empty")
                    : Comparison.failure(FailureReason.RESULT_EXTRA_ROWS, "the gold result is empty; the answer has " + predicted.rowCount() + " rows");
        }
        if (predicted.rowCount() == 0) {
            return Comparison.failure(FailureReason.EMPTY_RESULT, "the answer has no rows; the gold result has " + gold.rowCount());
        }
        if (predicted.columnCount() < gold.columnCount()) {
            return Comparison.failure(FailureReason.RESULT_MISSING_COLUMNS,
                    "the answer has " + predicted.columnCount() + " columns " + names(predicted.columns()) + "; the gold result has " + gold.columnCount() + " " + names(gold.columns()));
        }

        Table goldStrict = Table.of(gold, CellValue::strict);
        Table predictedStrict = Table.of(predicted, CellValue::strict);
        Search strict = findMatch(goldStrict, predictedStrict, ordered);
        if (strict.matched != null) {
            return Comparison.match("columns matched as " + describe(gold, predicted, strict.matched));
        }
        if (strict.orderOnly != null) {
            return Comparison.failure(FailureReason.ROW_ORDER_DIFFERENCE,
                    "the same rows in another order; the gold SQL orders its rows (columns matched as " + describe(gold, predicted, strict.orderOnly) + ")");
        }

        Search loose = findMatch(Table.of(gold, CellValue::loose), Table.of(predicted, CellValue::loose), ordered);
        int[] typeMatch = loose.matched != null ? loose.matched : loose.orderOnly;
        if (typeMatch != null) {
            return Comparison.failure(FailureReason.COLUMN_TYPE_DIFFERENCE, typeDifferences(gold, predicted, typeMatch));
        }

        int[] assignment = bestAssignment(goldStrict, predictedStrict);
        List<CellValue[]> projected = project(predictedStrict, assignment);
        Difference difference = difference(goldStrict.rows, projected);

        if (gold.rowCount() == predicted.rowCount() && difference.missing.size() == 1 && difference.extra.size() == 1) {
            CellValue[] expected = difference.missing.get(0);
            CellValue[] actual = difference.extra.get(0);
            List<Integer> differing = new ArrayList<>();
            for (int column = 0; column < expected.length; column++) {
                if (!same(expected[column], actual[column])) {
                    differing.add(column);
                }
            }
            if (differing.size() == 1) {
                int column = differing.get(0);
                return Comparison.failure(FailureReason.SINGLE_CELL_DIFFERENCE, "one cell differs: column " + gold.columns().get(column).name()
                        + " is " + actual[column] + " where the gold value is " + expected[column] + " (row " + render(expected) + ")");
            }
        }

        List<String> absentColumns = new ArrayList<>();
        for (int goldColumn = 0; goldColumn < goldStrict.columnCount; goldColumn++) {
            boolean anywhere = false;
            for (int predictedColumn = 0; predictedColumn < predictedStrict.columnCount && !anywhere; predictedColumn++) {
                anywhere = overlap(goldStrict.column(goldColumn), predictedStrict.column(predictedColumn)) > 0;
            }
            if (!anywhere) {
                absentColumns.add(gold.columns().get(goldColumn).name());
            }
        }
        if (!absentColumns.isEmpty()) {
            return Comparison.failure(FailureReason.RESULT_MISSING_COLUMNS,
                    "no answer column holds the values of gold column(s) " + absentColumns + "; answer columns " + names(predicted.columns()));
        }

        String counts = "gold " + gold.rowCount() + " rows, answer " + predicted.rowCount() + " rows";
        if (difference.missing.isEmpty() && !difference.extra.isEmpty()) {
            return Comparison.failure(FailureReason.RESULT_EXTRA_ROWS,
                    counts + "; " + difference.extra.size() + " extra, e.g. " + renderRows(difference.extra));
        }
        if (!difference.missing.isEmpty() && predicted.rowCount() > gold.rowCount() && difference.missing.size() < difference.extra.size()) {
            return Comparison.failure(FailureReason.RESULT_EXTRA_ROWS, counts + "; " + difference.extra.size() + " answer rows not in the gold result, e.g. "
                    + renderRows(difference.extra) + "; and " + difference.missing.size() + " gold rows missing, e.g. " + renderRows(difference.missing));
        }
        return Comparison.failure(FailureReason.RESULT_MISSING_ROWS, counts + "; " + difference.missing.size() + " gold rows not in the answer, e.g. "
                + renderRows(difference.missing) + (difference.extra.isEmpty() ? "" : "; the answer has instead e.g. " + renderRows(difference.extra)));
    }

    /** Searches an injective map gold column -> answer column under which the rows are equal. */
    private Search findMatch(Table gold, Table predicted, boolean ordered)
    {
        Search search = new Search();
        if (gold.rows.size() != predicted.rows.size()) {
            return search;
        }
        List<List<Integer>> candidates = new ArrayList<>();
        for (int goldColumn = 0; goldColumn < gold.columnCount; goldColumn++) {
            List<Integer> columns = new ArrayList<>();
            List<CellValue> goldValues = gold.column(goldColumn);
            for (int predictedColumn = 0; predictedColumn < predicted.columnCount; predictedColumn++) {
                if (overlap(goldValues, predicted.column(predictedColumn)) == goldValues.size()) {
                    columns.add(predictedColumn);
                }
            }
            if (columns.isEmpty()) {
                return search;
            }
            candidates.add(columns);
        }
        assign(0, new int[gold.columnCount], new boolean[predicted.columnCount], candidates, gold, predicted, ordered, search);
        return search;
    }

    private void assign(int goldColumn, int[] assignment, boolean[] used, List<List<Integer>> candidates, Table gold, Table predicted, boolean ordered, Search search)
    {
        if (search.matched != null || search.tried >= MAX_ASSIGNMENTS) {
            return;
        }
        if (goldColumn == assignment.length) {
            search.tried++;
            List<CellValue[]> projected = project(predicted, assignment);
            if (!difference(gold.rows, projected).isEmpty()) {
                return;
            }
            if (!ordered || sameSequence(gold.rows, projected)) {
                search.matched = assignment.clone();
            }
            else if (search.orderOnly == null) {
                search.orderOnly = assignment.clone();
            }
            return;
        }
        for (int predictedColumn : candidates.get(goldColumn)) {
            if (!used[predictedColumn]) {
                used[predictedColumn] = true;
                assignment[goldColumn] = predictedColumn;
                assign(goldColumn + 1, assignment, used, candidates, gold, predicted, ordered, search);
                used[predictedColumn] = false;
            }
        }
    }

    /** For diagnosis: greedily pairs the gold and answer columns that share the most values. */
    private int[] bestAssignment(Table gold, Table predicted)
    {
        int[][] scores = new int[gold.columnCount][predicted.columnCount];
        for (int goldColumn = 0; goldColumn < gold.columnCount; goldColumn++) {
            for (int predictedColumn = 0; predictedColumn < predicted.columnCount; predictedColumn++) {
                scores[goldColumn][predictedColumn] = overlap(gold.column(goldColumn), predicted.column(predictedColumn));
            }
        }
        int[] assignment = new int[gold.columnCount];
        java.util.Arrays.fill(assignment, -1);
        boolean[] used = new boolean[predicted.columnCount];
        for (int round = 0; round < gold.columnCount; round++) {
            int bestGold = -1;
            int bestPredicted = -1;
            long bestScore = Long.MIN_VALUE;
            for (int goldColumn = 0; goldColumn < gold.columnCount; goldColumn++) {
                if (assignment[goldColumn] >= 0) {
                    continue;
                }
                for (int predictedColumn = 0; predictedColumn < predicted.columnCount; predictedColumn++) {
                    if (used[predictedColumn]) {
                        continue;
                    }
                    // more shared values first; then the same kind of values; then the same position
                    long score = scores[goldColumn][predictedColumn] * 4L
                            + (gold.kind(goldColumn) == predicted.kind(predictedColumn) ? 2 : 0)
                            + (goldColumn == predictedColumn ? 1 : 0);
                    if (score > bestScore) {
                        bestScore = score;
                        bestGold = goldColumn;
                        bestPredicted = predictedColumn;
                    }
                }
            }
            assignment[bestGold] = bestPredicted;
            used[bestPredicted] = true;
        }
        return assignment;
    }

    private static List<CellValue[]> project(Table table, int[] assignment)
    {
        List<CellValue[]> projected = new ArrayList<>(table.rows.size());
        for (CellValue[] row : table.rows) {
            CellValue[] cells = new CellValue[assignment.length];
            for (int column = 0; column < assignment.length; column++) {
                cells[column] = row[assignment[column]];
            }
            projected.add(cells);
        }
        return projected;
    }

    /** How many values two columns share, as multisets, with the numeric tolerance. */
    private int overlap(List<CellValue> left, List<CellValue> right)
    {
        List<CellValue[]> leftRows = left.stream().map(value -> new CellValue[] {value}).toList();
        List<CellValue[]> rightRows = right.stream().map(value -> new CellValue[] {value}).toList();
        return leftRows.size() - difference(leftRows, rightRows).missing.size();
    }

    /**
     * Multiset difference with tolerance: sorts both sides exactly, merges equal rows, then pairs what is left over
     * one by one (values within tolerance can sort apart).
     */
    private Difference difference(List<CellValue[]> gold, List<CellValue[]> predicted)
    {
        Comparator<CellValue[]> order = ResultComparator::compareRows;
        List<CellValue[]> left = new ArrayList<>(gold);
        List<CellValue[]> right = new ArrayList<>(predicted);
        left.sort(order);
        right.sort(order);
        List<CellValue[]> missing = new ArrayList<>();
        List<CellValue[]> extra = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            if (sameRow(left.get(i), right.get(j))) {
                i++;
                j++;
            }
            else if (compareRows(left.get(i), right.get(j)) < 0) {
                missing.add(left.get(i++));
            }
            else {
                extra.add(right.get(j++));
            }
        }
        missing.addAll(left.subList(i, left.size()));
        extra.addAll(right.subList(j, right.size()));
        if (!missing.isEmpty() && !extra.isEmpty() && (long) missing.size() * extra.size() <= 4_000_000L) {
            List<CellValue[]> stillMissing = new ArrayList<>();
            List<CellValue[]> unpaired = new ArrayList<>(extra);
            for (CellValue[] row : missing) {
                int partner = -1;
                for (int k = 0; k < unpaired.size() && partner < 0; k++) {
                    if (sameRow(row, unpaired.get(k))) {
                        partner = k;
                    }
                }
                if (partner >= 0) {
                    unpaired.remove(partner);
                }
                else {
                    stillMissing.add(row);
                }
            }
            missing = stillMissing;
            extra = unpaired;
        }
        return new Difference(missing, extra);
    }

    private boolean sameSequence(List<CellValue[]> gold, List<CellValue[]> predicted)
    {
        for (int row = 0; row < gold.size(); row++) {
            if (!sameRow(gold.get(row), predicted.get(row))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameRow(CellValue[] left, CellValue[] right)
    {
        for (int column = 0; column < left.length; column++) {
            if (!same(left[column], right[column])) {
                return false;
            }
        }
        return true;
    }

    boolean same(CellValue left, CellValue right)
    {
        if (left.kind() != right.kind()) {
            return false;
        }
        if (left.kind() == CellValue.Kind.NUMBER) {
            BigDecimal a = (BigDecimal) left.value();
            BigDecimal b = (BigDecimal) right.value();
            BigDecimal gap = a.subtract(b).abs();
            if (gap.compareTo(BigDecimal.valueOf(settings.absoluteTolerance())) <= 0) {
                return true;
            }
            BigDecimal scale = a.abs().max(b.abs());
            return gap.compareTo(scale.multiply(BigDecimal.valueOf(settings.relativeTolerance()), MathContext.DECIMAL64)) <= 0;
        }
        return left.kind() == CellValue.Kind.NULL || left.value().equals(right.value());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareCells(CellValue left, CellValue right)
    {
        int byKind = left.kind().compareTo(right.kind());
        if (byKind != 0 || left.kind() == CellValue.Kind.NULL) {
            return byKind;
        }
        return ((Comparable) left.value()).compareTo(right.value());
    }

    private static int compareRows(CellValue[] left, CellValue[] right)
    {
        for (int column = 0; column < left.length; column++) {
            int result = compareCells(left[column], right[column]);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    private static String typeDifferences(ResultTable gold, ResultTable predicted, int[] assignment)
    {
        List<String> differences = new ArrayList<>();
        for (int column = 0; column < assignment.length; column++) {
            ResultColumn goldColumn = gold.columns().get(column);
            ResultColumn predictedColumn = predicted.columns().get(assignment[column]);
            Table goldTable = Table.of(gold, CellValue::strict);
            Table predictedTable = Table.of(predicted, CellValue::strict);
            if (goldTable.kind(column) != predictedTable.kind(assignment[column])) {
                differences.add(goldColumn.name() + " " + goldColumn.type() + " vs " + predictedColumn.name() + " " + predictedColumn.type());
            }
        }
        return "the values match only when read as text: " + String.join(", ", differences);
    }

    private static String describe(ResultTable gold, ResultTable predicted, int[] assignment)
    {
        List<String> pairs = new ArrayList<>();
        for (int column = 0; column < assignment.length; column++) {
            pairs.add(gold.columns().get(column).name() + "=" + predicted.columns().get(assignment[column]).name());
        }
        return String.join(", ", pairs);
    }

    private static List<String> names(List<ResultColumn> columns)
    {
        return columns.stream().map(ResultColumn::name).toList();
    }

    private static String render(CellValue[] row)
    {
        List<String> cells = new ArrayList<>();
        for (CellValue cell : row) {
            cells.add(cell.toString());
        }
        return "(" + String.join(", ", cells) + ")";
    }

    private static String renderRows(List<CellValue[]> rows)
    {
        List<String> shown = new ArrayList<>();
        for (int row = 0; row < Math.min(SHOWN_ROWS, rows.size()); row++) {
            shown.add(render(rows.get(row)));
        }
        return String.join(" ", shown) + (rows.size() > SHOWN_ROWS ? " ..." : "");
    }

    private static final class Search
    {
        int[] matched;
        int[] orderOnly;
        int tried;
    }

    private record Difference(List<CellValue[]> missing, List<CellValue[]> extra)
    {
        boolean isEmpty()
        {
            return missing.isEmpty() && extra.isEmpty();
        }
    }

    /** A result with every cell converted, kept by row. */
    private static final class Table
    {
        final List<CellValue[]> rows;
        final int columnCount;

        private Table(List<CellValue[]> rows, int columnCount)
        {
            this.rows = rows;
            this.columnCount = columnCount;
        }

        static Table of(ResultTable table, Function<Object, CellValue> conversion)
        {
            List<CellValue[]> rows = new ArrayList<>(table.rowCount());
            for (List<Object> row : table.rows()) {
                CellValue[] cells = new CellValue[row.size()];
                for (int column = 0; column < cells.length; column++) {
                    cells[column] = conversion.apply(row.get(column));
                }
                rows.add(cells);
            }
            return new Table(rows, table.columnCount());
        }

        List<CellValue> column(int index)
        {
            List<CellValue> values = new ArrayList<>(rows.size());
            for (CellValue[] row : rows) {
                values.add(row[index]);
            }
            return values;
        }

        /** The kind of the column's first non-null value (NULL when all are null). */
        CellValue.Kind kind(int index)
        {
            for (CellValue[] row : rows) {
                if (row[index].kind() != CellValue.Kind.NULL) {
                    return row[index].kind();
                }
            }
            return CellValue.Kind.NULL;
        }
    }
}
