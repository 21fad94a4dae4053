package dev.aurum.render;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Route;
import dev.aurum.sql.ResultColumn;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small results of every awkward shape, shared by the rendering tests. */
final class Results
{
    private Results() {}

    static List<Object> row(Object... values)
    {
        return new ArrayList<>(Arrays.asList(values));
    }

    static ResultColumn column(String name, String type)
    {
        return new ResultColumn(name, type);
    }

    /** Revenue by state: text, bigint, decimal(12,2). */
    static final List<ResultColumn> STATE_COLUMNS = List.of(
            column("customer_state", "string"), column("orders", "bigint"), column("revenue", "decimal(12,2)"));

    static final List<List<Object>> STATE_ROWS = List.of(
            row("SP", 41_746L, new BigDecimal("5202955.05")),
            row("RJ", 12_852L, new BigDecimal("1824092.67")),
            row("MG", 11_635L, new BigDecimal("1585308.03")));

    /** 30 columns of which each is 10 cells wide: far wider than any terminal. */
    static List<ResultColumn> wideColumns()
    {
        List<ResultColumn> columns = new ArrayList<>();
        for (int index = 0; index < 30; index++) {
            columns.add(column("column_" + (char) ('a' + index % 26) + index, index % 2 == 0 ? "string" : "bigint"));
        }
        return columns;
    }

    static List<List<Object>> wideRows()
    {
        List<List<Object>> rows = new ArrayList<>();
        for (int line = 0; line < 3; line++) {
            List<Object> row = new ArrayList<>();
            for (int index = 0; index < 30; index++) {
                row.add(index % 2 == 0 ? "value " + line + "-" + index : (long) line * 1_000_000 + index);
            }
            rows.add(row);
        }
        return rows;
    }

    static final List<ResultColumn> DAILY_COLUMNS = List.of(
            column("date", "date"), column("orders", "bigint"), column("revenue", "decimal(12,2)"));

    /** {@code count} days of sales from 2017-01-01. */
    static List<List<Object>> dailyRows(int count)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (int day = 0; day < count; day++) {
            rows.add(row(LocalDate.of(2017, 1, 1).plusDays(day), (long) (100 + day), new BigDecimal(1000 + day * 10).add(new BigDecimal("0.5"))));
        }
        return rows;
    }

    static final List<ResultColumn> NULL_COLUMNS = List.of(
            column("order_id", "string"), column("delivered_ts", "timestamp"), column("delivery_days", "int"),
            column("is_late", "boolean"), column("avg_order_value", "decimal(12,2)"));

    static final List<List<Object>> NULL_ROWS = List.of(
            row("o1", Instant.parse("2017-03-01T14:05:00Z"), 7, false, new BigDecimal("120.50")),
            row("o2", null, null, null, null));

    static final List<ResultColumn> UNICODE_COLUMNS = List.of(column("city", "string"), column("orders", "bigint"));

    static final List<List<Object>> UNICODE_ROWS = List.of(
            row("são paulo", 10L),
            row("東京都", 2_000L),
            row("🍕 pizza", 30L),
            row("sa\u0303o jose\u0301", 4L), // combining tilde and acute
            row("👨‍👩‍👧 family", 5L),
            row("한국", 6L));

    static final List<ResultColumn> PRECISION_COLUMNS = List.of(
            column("big", "decimal(38,2)"), column("tiny", "decimal(38,18)"), column("ratio", "double"), column("count", "bigint"));

    static final List<List<Object>> PRECISION_ROWS = List.of(
            row(new BigDecimal("123456789012345678901234567890123456.78"), new BigDecimal("0.000000000000000001"), 0.1 + 0.2, Long.MAX_VALUE),
            row(new BigDecimal("-0.01"), new BigDecimal("1.500000000000000000"), 1.0 / 3, Long.MIN_VALUE));

    static Answer answer(List<ResultColumn> columns, List<List<Object>> rows)
    {
        return new Answer("a-1", null, AnswerStatus.ANSWERED, Route.SQL, "SELECT 1", columns, rows, (long) rows.size(), false,
                null, null, null, null, null,
                new Answer.Provenance(null, null, null, null, null, null, null, LocalDate.of(2018, 8, 29), Map.of("gold.order_facts", 12L)),
                new Answer.Timings(120L, 4L, 110L, null, null, null));
    }
}
