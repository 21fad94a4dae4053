package dev.aurum.eval;

import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultComparatorTest
{
    private final ResultComparator comparator = new ResultComparator(ComparatorSettings.defaults());

    @Test
    void identicalResultsMatch()
    {
        ResultTable gold = table(columns("state", "string", "revenue", "decimal(12,2)"),
                row("SP", money("100.50")), row("RJ", money("80.00")));
        assertThat(comparator.compare(gold, gold, false).matches()).isTrue();
        assertThat(comparator.compare(gold, gold, true).matches()).isTrue();
    }

    @Test
    void rowsAreMultisetsWhenTheGoldSqlDoesNotOrder()
    {
        ResultTable gold = table(columns("state", "string", "orders", "bigint"), row("SP", 10L), row("RJ", 7L), row("RJ", 7L));
        ResultTable shuffled = table(columns("state", "string", "orders", "bigint"), row("RJ", 7L), row("SP", 10L), row("RJ", 7L));
        assertThat(comparator.compare(gold, shuffled, false).matches()).isTrue();
    }

    @Test
    void duplicateRowsCount()
    {
        ResultTable gold = table(columns("state", "string"), row("RJ"), row("RJ"), row("SP"));
        ResultTable once = table(columns("state", "string"), row("RJ"), row("SP"), row("SP"));
        Comparison comparison = comparator.compare(gold, once, false);
        assertThat(comparison.matches()).isFalse();
    }

    @Test
    void orderCountsWhenTheGoldSqlOrders()
    {
        ResultTable gold = table(columns("category", "string", "revenue", "decimal(12,2)"), row("toys", money("300.00")), row("auto", money("200.00")));
        ResultTable reversed = table(columns("category", "string", "revenue", "decimal(12,2)"), row("auto", money("200.00")), row("toys", money("300.00")));
        assertThat(comparator.compare(gold, reversed, false).matches()).isTrue();
        Comparison ordered = comparator.compare(gold, reversed, true);
        assertThat(ordered.failure()).contains(FailureReason.ROW_ORDER_DIFFERENCE);
    }

    @Test
    void columnsAreMatchedByValuesNotNamesOrPositions()
    {
        ResultTable gold = table(columns("customer_state", "string", "revenue", "decimal(12,2)"), row("SP", money("100.00")), row("RJ", money("50.00")));
        ResultTable renamedAndSwapped = table(columns("total", "decimal(38,2)", "uf", "string"), row(money("50.00"), "RJ"), row(money("100.00"), "SP"));
        assertThat(comparator.compare(gold, renamedAndSwapped, false).matches()).isTrue();
    }

    @Test
    void extraAnswerColumnsAreAllowed()
    {
        ResultTable gold = table(columns("month", "int", "revenue", "decimal(12,2)"), row(1, money("10.00")), row(2, money("20.00")));
        ResultTable withExtras = table(columns("year", "int", "month", "int", "orders", "bigint", "revenue", "decimal(12,2)"),
                row(2017, 1, 3L, money("10.00")), row(2017, 2, 5L, money("20.00")));
        assertThat(comparator.compare(gold, withExtras, false).matches()).isTrue();
    }

    @Test
    void columnsWithTheSameValuesAreDisambiguatedByWholeRows()
    {
        // orders and customers hold the same multiset of values, but only one pairing gives the gold rows
        ResultTable gold = table(columns("state", "string", "orders", "bigint"), row("SP", 2L), row("RJ", 1L));
        ResultTable answer = table(columns("state", "string", "customers", "bigint", "orders", "bigint"), row("SP", 1L, 2L), row("RJ", 2L, 1L));
        assertThat(comparator.compare(gold, answer, false).matches()).isTrue();
    }

    @Test
    void numbersAreEqualWithinTheTolerance()
    {
        ResultTable gold = table(columns("revenue", "decimal(12,2)", "average", "double"), row(money("1000.00"), 3.3333));
        assertThat(comparator.compare(gold, table(columns("r", "decimal(12,2)", "a", "double"), row(money("1000.01"), 3.33)), false).matches())
                .as("0.01 absolute").isTrue();
        assertThat(comparator.compare(gold, table(columns("r", "double", "a", "double"), row(1000.0, 3.3333)), false).matches())
                .as("decimal against double").isTrue();
        assertThat(comparator.compare(gold, table(columns("r", "decimal(12,2)", "a", "double"), row(money("1000.02"), 3.3333)), false).matches())
                .as("0.02 is outside both tolerances at this size").isFalse();

        ResultTable big = table(columns("revenue", "double"), row(5.0e9));
        assertThat(comparator.compare(big, table(columns("r", "double"), row(5.0e9 + 4000)), false).matches()).as("1e-6 relative").isTrue();
        assertThat(comparator.compare(big, table(columns("r", "double"), row(5.0e9 + 6000)), false).matches()).isFalse();
    }

    @Test
    void integerTypesCompareAsNumbers()
    {
        ResultTable gold = table(columns("orders", "bigint"), row(42L));
        assertThat(comparator.compare(gold, table(columns("n", "int"), row(42)), false).matches()).isTrue();
        assertThat(comparator.compare(gold, table(columns("n", "decimal(20,0)"), row(new BigDecimal("42"))), false).matches()).isTrue();
    }

    @Test
    void toleranceIsConfigurable()
    {
        ResultComparator strict = new ResultComparator(new ComparatorSettings(0, 0));
        ResultTable gold = table(columns("revenue", "decimal(12,2)"), row(money("10.00")));
        assertThat(strict.compare(gold, table(columns("r", "decimal(12,2)"), row(money("10.01"))), false).failure())
                .contains(FailureReason.SINGLE_CELL_DIFFERENCE);
        assertThat(strict.compare(gold, table(columns("r", "double"), row(10.0)), false).matches()).isTrue();
    }

    @Test
    void nullEqualsNull()
    {
        ResultTable gold = table(columns("month", "int", "growth", "double"), row(1, null), row(2, 12.5));
        ResultTable answer = table(columns("m", "int", "g", "double"), row(2, 12.5), row(1, null));
        assertThat(comparator.compare(gold, answer, false).matches()).isTrue();
        ResultTable zeroForNull = table(columns("m", "int", "g", "double"), row(2, 12.5), row(1, 0.0));
        assertThat(comparator.compare(gold, zeroForNull, false).failure()).contains(FailureReason.SINGLE_CELL_DIFFERENCE);
    }

    @Test
    void datesAndTimestampsCompareAsInstants()
    {
        ResultTable gold = table(columns("day", "date", "orders", "bigint"), row(LocalDate.parse("2017-03-01"), 4L));
        ResultTable answer = table(columns("day", "timestamp", "orders", "bigint"), row(Instant.parse("2017-03-01T00:00:00Z"), 4L));
        assertThat(comparator.compare(gold, answer, false).matches()).isTrue();
    }

    @Test
    void emptyAnswerIsEmptyResult()
    {
        ResultTable gold = table(columns("revenue", "decimal(12,2)"), row(money("1.00")));
        Comparison comparison = comparator.compare(gold, table(columns("revenue", "decimal(12,2)")), false);
        assertThat(comparison.failure()).contains(FailureReason.EMPTY_RESULT);
        assertThat(comparator.compare(gold, new ResultTable(List.of(), List.of()), false).failure()).contains(FailureReason.EMPTY_RESULT);
    }

    @Test
    void fewerRowsIsMissingRows()
    {
        ResultTable gold = table(columns("category", "string", "revenue", "decimal(12,2)"),
                row("toys", money("5.00")), row("auto", money("4.00")), row("baby", money("3.00")));
        ResultTable answer = table(columns("category", "string", "revenue", "decimal(12,2)"), row("toys", money("5.00")), row("auto", money("4.00")));
        Comparison comparison = comparator.compare(gold, answer, true);
        assertThat(comparison.failure()).contains(FailureReason.RESULT_MISSING_ROWS);
        assertThat(comparison.detail()).contains("'baby'");
    }

    @Test
    void moreRowsIsExtraRows()
    {
        ResultTable gold = table(columns("category", "string", "revenue", "decimal(12,2)"), row("toys", money("5.00")), row("auto", money("4.00")));
        ResultTable answer = table(columns("category", "string", "revenue", "decimal(12,2)"),
                row("toys", money("5.00")), row("auto", money("4.00")), row("unknown", money("1.00")));
        Comparison comparison = comparator.compare(gold, answer, false);
        assertThat(comparison.failure()).contains(FailureReason.RESULT_EXTRA_ROWS);
        assertThat(comparison.detail()).contains("'unknown'");
    }

    @Test
    void aGoldColumnNowhereInTheAnswerIsMissingColumns()
    {
        ResultTable gold = table(columns("state", "string", "revenue", "decimal(12,2)"), row("SP", money("100.00")), row("RJ", money("50.00")));
        ResultTable stateOnly = table(columns("state", "string"), row("SP"), row("RJ"));
        assertThat(comparator.compare(gold, stateOnly, false).failure()).contains(FailureReason.RESULT_MISSING_COLUMNS);
        ResultTable ordersInstead = table(columns("state", "string", "orders", "bigint"), row("SP", 12L), row("RJ", 7L));
        Comparison comparison = comparator.compare(gold, ordersInstead, false);
        assertThat(comparison.failure()).contains(FailureReason.RESULT_MISSING_COLUMNS);
        assertThat(comparison.detail()).contains("revenue");
    }

    @Test
    void oneDifferentCellIsSingleCellDifference()
    {
        ResultTable gold = table(columns("state", "string", "orders", "bigint"), row("SP", 10L), row("RJ", 7L), row("MG", 5L));
        ResultTable answer = table(columns("state", "string", "orders", "bigint"), row("SP", 10L), row("RJ", 8L), row("MG", 5L));
        Comparison comparison = comparator.compare(gold, answer, false);
        assertThat(comparison.failure()).contains(FailureReason.SINGLE_CELL_DIFFERENCE);
        assertThat(comparison.detail()).contains("orders", "8", "7");
    }

    @Test
    void valuesThatMatchOnlyAsTextAreColumnTypeDifference()
    {
        ResultTable gold = table(columns("month", "int", "revenue", "decimal(12,2)"), row(1, money("10.50")), row(2, money("20.00")));
        ResultTable textNumbers = table(columns("month", "string", "revenue", "string"), row("1", "10.50"), row("2", "20.00"));
        Comparison comparison = comparator.compare(gold, textNumbers, false);
        assertThat(comparison.failure()).contains(FailureReason.COLUMN_TYPE_DIFFERENCE);
        assertThat(comparison.detail()).contains("month int vs month string");

        ResultTable dates = table(columns("day", "date", "orders", "bigint"), row(LocalDate.parse("2017-01-02"), 3L));
        ResultTable dateText = table(columns("day", "string", "orders", "bigint"), row("2017-01-02", 3L));
        assertThat(comparator.compare(dates, dateText, false).failure()).contains(FailureReason.COLUMN_TYPE_DIFFERENCE);

        ResultTable flags = table(columns("is_weekend", "boolean", "orders", "bigint"), row(true, 3L), row(false, 9L));
        ResultTable flagNumbers = table(columns("weekend", "int", "orders", "bigint"), row(1, 3L), row(0, 9L));
        assertThat(comparator.compare(flags, flagNumbers, false).failure()).contains(FailureReason.COLUMN_TYPE_DIFFERENCE);
    }

    @Test
    void emptyGoldMatchesOnlyAnEmptyAnswer()
    {
        ResultTable gold = table(columns("revenue", "decimal(12,2)"));
        assertThat(comparator.compare(gold, table(columns("x", "int")), false).matches()).isTrue();
        assertThat(comparator.compare(gold, table(columns("x", "int"), row(1)), false).failure()).contains(FailureReason.RESULT_EXTRA_ROWS);
    }

    @Test
    void valuesWithinToleranceThatSortApartStillPair()
    {
        // 9.999 sorts before 10.00 but 10.004 after; with the 0.01 tolerance they pair up either way
        ResultTable gold = table(columns("a", "double", "b", "string"), row(10.004, "x"), row(9.999, "y"));
        ResultTable answer = table(columns("a", "double", "b", "string"), row(10.0, "y"), row(10.0, "x"));
        assertThat(comparator.compare(gold, answer, false).matches()).isTrue();
    }

    @Test
    void largeResultsCompareQuickly()
    {
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> reversed = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(row("customer-" + i, BigDecimal.valueOf(i, 2)));
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            reversed.add(rows.get(i));
        }
        ResultTable gold = new ResultTable(columns("customer", "string", "spend", "decimal(12,2)"), rows);
        ResultTable answer = new ResultTable(columns("customer", "string", "spend", "decimal(12,2)"), reversed);
        assertThat(comparator.compare(gold, answer, false).matches()).isTrue();
    }

    static List<ResultColumn> columns(String... namesAndTypes)
    {
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(new ResultColumn(namesAndTypes[i], namesAndTypes[i + 1]));
        }
        return columns;
    }

    static List<Object> row(Object... cells)
    {
        return Arrays.asList(cells);
    }

    @SafeVarargs
    static ResultTable table(List<ResultColumn> columns, List<Object>... rows)
    {
        return new ResultTable(columns, Arrays.asList(rows));
    }

    static BigDecimal money(String value)
    {
        return new BigDecimal(value);
    }
}
