package dev.aurum.assistant;

import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerSummaryTest
{
    private static final Map<String, String> FORMATS = Map.of("revenue", "money", "revenue_share_pct", "percent");

    @Test
    void sharesOfSomeGroupsAreAddedUp()
    {
        QueryResult top3 = result(List.of(new ResultColumn("product_category", "string"), new ResultColumn("revenue", "decimal(12,2)"),
                        new ResultColumn("revenue_share_pct", "decimal(12,2)")),
                List.of(List.of("bed_bath_table", new BigDecimal("900.00"), new BigDecimal("30.00")),
                        List.of("health_beauty", new BigDecimal("600.00"), new BigDecimal("20.00")),
                        List.of("toys", new BigDecimal("375.15"), new BigDecimal("12.51"))));
        assertThat(AnswerSummary.summarize(top3, FORMATS, List.of(), "R$"))
                .isEqualTo("3 rows; highest revenue share pct: bed_bath_table (30.00%); lowest: toys (12.51%); together 62.51% of the total.");
    }

    @Test
    void sharesOfEveryGroupOrPerPeriodAreNotAddedUp()
    {
        QueryResult all = result(List.of(new ResultColumn("payment_type", "string"), new ResultColumn("revenue_share_pct", "decimal(12,2)")),
                List.of(List.of("credit_card", new BigDecimal("75.00")), List.of("boleto", new BigDecimal("25.00"))));
        assertThat(AnswerSummary.summarize(all, FORMATS, List.of(), "R$")).doesNotContain("together");

        QueryResult perMonth = result(List.of(new ResultColumn("year", "int"), new ResultColumn("month", "int"), new ResultColumn("customer_state", "string"),
                        new ResultColumn("revenue_share_pct", "decimal(12,2)")),
                List.of(List.of(2018, 1, "SP", new BigDecimal("40.00")), List.of(2018, 2, "SP", new BigDecimal("41.00"))));
        assertThat(AnswerSummary.summarize(perMonth, FORMATS, List.of(), "R$")).doesNotContain("together");

        QueryResult plain = result(List.of(new ResultColumn("customer_state", "string"), new ResultColumn("revenue", "decimal(12,2)")),
                List.of(List.of("SP", new BigDecimal("10.00")), List.of("RJ", new BigDecimal("5.00"))));
        assertThat(AnswerSummary.summarize(plain, FORMATS, List.of(), "R$")).isEqualTo("2 rows; highest revenue: SP (R$ 10.00); lowest: RJ (R$ 5.00).");
    }

    @Test
    void periodsAreNamedAsPeriods()
    {
        ResultColumn revenue = new ResultColumn("revenue", "decimal(12,2)");
        QueryResult byMonth = result(List.of(new ResultColumn("year", "int"), new ResultColumn("month", "int"), revenue),
                List.of(List.of(2018, 3, new BigDecimal("10.00")), List.of(2018, 11, new BigDecimal("4.00"))));
        assertThat(AnswerSummary.summarize(byMonth, FORMATS, List.of(), "R$")).isEqualTo("2 rows; highest revenue: 2018-03 (R$ 10.00); lowest: 2018-11 (R$ 4.00).");

        QueryResult monthsOfOneYear = result(List.of(new ResultColumn("month", "int"), revenue),
                List.of(List.of(11, new BigDecimal("10.00")), List.of(1, new BigDecimal("4.00"))));
        assertThat(AnswerSummary.summarize(monthsOfOneYear, FORMATS, List.of("year = 2017"), "R$"))
                .isEqualTo("2 rows (year = 2017); highest revenue: month 11 (R$ 10.00); lowest: month 1 (R$ 4.00).");

        QueryResult quartersByState = result(List.of(new ResultColumn("year", "int"), new ResultColumn("quarter", "int"), new ResultColumn("customer_state", "string"), revenue),
                List.of(List.of(2017, 4, "SP", new BigDecimal("10.00")), List.of(2018, 1, "RJ", new BigDecimal("4.00"))));
        assertThat(AnswerSummary.summarize(quartersByState, FORMATS, List.of(), "R$")).isEqualTo("2 rows; highest revenue: 2017 Q4 SP (R$ 10.00); lowest: 2018 Q1 RJ (R$ 4.00).");
    }

    private static QueryResult result(List<ResultColumn> columns, List<List<Object>> rows)
    {
        return new QueryResult("SELECT 1", columns, rows, rows.size(), false, 1, 1, null, Map.of());
    }
}
