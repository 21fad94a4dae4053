package dev.aurum.render;

import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.aurum.render.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

class BoxTableRendererTest
{
    private static BoxTableRenderer renderer(RenderSettings settings)
    {
        return new BoxTableRenderer(settings);
    }

    @Test
    void drawsABoxWithRightAlignedGroupedNumbers()
    {
        String table = renderer(RenderSettings.defaults().withCurrencySymbol("R$")).render(Results.STATE_COLUMNS, Results.STATE_ROWS, false);
        assertThat(table).isEqualTo("""
                ┌────────────────┬────────┬──────────────┐
                │ customer_state │ orders │      revenue │
                ├────────────────┼────────┼──────────────┤
                │ SP             │ 41,746 │ 5,202,955.05 │
                │ RJ             │ 12,852 │ 1,824,092.67 │
                │ MG             │ 11,635 │ 1,585,308.03 │
                └────────────────┴────────┴──────────────┘
                """);
    }

    @Test
    void moneyColumnsNamedByTheCallerShowTheCurrency()
    {
        RenderSettings settings = RenderSettings.defaults().withCurrencySymbol("R$").withColumnFormats(Map.of("REVENUE", "money"));
        String table = renderer(settings).render(Results.STATE_COLUMNS, Results.STATE_ROWS, false);
        assertThat(table).contains("│ R$ 5,202,955.05 │").contains("│ R$ 1,585,308.03 │").contains("│         revenue │");
    }

    @Test
    void wideResultsHideMiddleColumnsToFitTheTerminal()
    {
        int width = 80;
        String table = renderer(RenderSettings.defaults().withCurrencySymbol("R$").withTerminalWidth(width)).render(Results.wideColumns(), Results.wideRows(), false);
        List<String> lines = table.lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(width));
        // the first and the last columns stay, the middle is marked and named
        assertThat(lines.get(1)).startsWith("│ column_a0 ").endsWith(" column_d29 │").contains("│ … │");
        assertThat(table).contains("columns hidden to fit the terminal: ").contains("column_d3, column_e4");
        int boxWidth = DisplayWidth.of(lines.get(0));
        assertThat(lines.subList(0, 7)).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isEqualTo(boxWidth));
    }

    @Test
    void withoutATerminalEveryColumnIsShown()
    {
        String table = renderer(RenderSettings.defaults().withCurrencySymbol("R$")).render(Results.wideColumns(), Results.wideRows(), false);
        assertThat(table).doesNotContain("hidden").contains("column_o14").contains("2,000,029");
    }

    @Test
    void aSingleColumnTooWideForTheTerminalIsCut()
    {
        List<ResultColumn> columns = List.of(Results.column("note", "string"));
        String table = renderer(RenderSettings.defaults().withCurrencySymbol("R$").withTerminalWidth(20)).render(columns, List.of(row("x".repeat(100))), false);
        assertThat(table.lines()).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isEqualTo(20));
        assertThat(table).contains("xxxxxxxxxxxxxxx… │");
    }

    @Test
    void longCellsAreCutAtTheColumnLimit()
    {
        List<ResultColumn> columns = List.of(Results.column("note", "string"), Results.column("n", "int"));
        String table = renderer(RenderSettings.defaults().withCurrencySymbol("R$").withMaxColumnWidth(10)).render(columns, List.of(row("abcdefghijklmnop", 1)), false);
        assertThat(table).contains("│ abcdefghi… │ 1 │");
    }

    @Test
    void longResultsStopAtTheRowLimitAndSayHowManyMore()
    {
        List<List<Object>> rows = Results.dailyRows(1_234);
        String table = renderer(RenderSettings.defaults().withCurrencySymbol("R$")).render(Results.DAILY_COLUMNS, rows, false);
        assertThat(table).contains("│ 2017-01-01 │").contains("│ 2017-02-09 │").doesNotContain("2017-02-10");
        assertThat(table).contains("… 1,194 more rows");
        assertThat(table.lines().filter(line -> line.startsWith("│"))).hasSize(41);

        String five = renderer(RenderSettings.defaults().withCurrencySymbol("R$").withMaxRows(5)).render(Results.DAILY_COLUMNS, rows.subList(0, 6), false);
        assertThat(five).contains("… 1 more row ").contains("│ 2017-01-05 │").doesNotContain("2017-01-06");
    }

    @Test
    void emptyResultsShowTheHeaderAndSaySo()
    {
        String table = renderer(RenderSettings.defaults().withCurrencySymbol("R$")).render(Results.STATE_COLUMNS, List.of(), false);
        assertThat(table).isEqualTo("""
                ┌────────────────┬────────┬─────────┐
                │ customer_state │ orders │ revenue │
                ├────────────────┼────────┼─────────┤
                └────────────────┴────────┴─────────┘
                (no rows)
                """);
        assertThat(renderer(RenderSettings.defaults().withCurrencySymbol("R$")).render(List.of(), List.of(), false)).isEmpty();
    }

    @Test
    void nullsShowAsNull()
    {
        String table = renderer(RenderSettings.defaults().withCurrencySymbol("R$")).render(Results.NULL_COLUMNS, Results.NULL_ROWS, false);
        assertThat(table).contains("│ o1       │ 2017-03-01 14:05:00 │             7 │ false   │          120.50 │")
                .contains("│ o2       │ NULL                │          NULL │ NULL    │            NULL │");
    }

    @Test
    void unicodeCellsLineUp()
    {
        String table = renderer(RenderSettings.defaults().withCurrencySymbol("R$")).render(Results.UNICODE_COLUMNS, Results.UNICODE_ROWS, false);
        List<String> lines = table.lines().toList();
        int width = DisplayWidth.of(lines.get(0));
        assertThat(lines).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isEqualTo(width));
        assertThat(table).contains("│ 東京都    │  2,000 │").contains("│ 🍕 pizza  │     30 │").contains("│ são paulo │     10 │");
    }

    @Test
    void numericPrecisionIsKept()
    {
        String table = renderer(RenderSettings.defaults().withCurrencySymbol("R$")).render(Results.PRECISION_COLUMNS, Results.PRECISION_ROWS, false);
        assertThat(table)
                .contains("123,456,789,012,345,678,901,234,567,890,123,456.78")
                .contains("0.000000000000000001")
                .contains("1.500000000000000000")
                .contains("-0.01")
                .contains("0.3000")
                .contains("0.3333")
                .contains("9,223,372,036,854,775,807")
                .contains("-9,223,372,036,854,775,808");
    }

    @Test
    void stylesOnlyForATerminal()
    {
        String plain = renderer(RenderSettings.defaults().withCurrencySymbol("R$")).render(Results.NULL_COLUMNS, Results.NULL_ROWS, true);
        assertThat(plain).doesNotContain("\u001b");
        assertThat(plain).contains("(the result was cut at the row cap of 2 rows");
        String styled = renderer(RenderSettings.defaults().withCurrencySymbol("R$").withAnsi(true)).render(Results.NULL_COLUMNS, Results.NULL_ROWS, true);
        assertThat(styled).contains("\u001b[1m").contains("\u001b[2mNULL");
        assertThat(styled.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void aStringThatSaysNullIsNotDimmed()
    {
        String styled = renderer(RenderSettings.defaults().withCurrencySymbol("R$").withAnsi(true))
                .render(List.of(Results.column("word", "string")), List.of(row("NULL"), row((Object) null)), false);
        assertThat(styled).contains("│ NULL │").contains("│ \u001b[2mNULL\u001b[0m │");
    }

    @Test
    void moneyOnDoublesAndPercentColumns()
    {
        List<ResultColumn> columns = List.of(Results.column("late_rate", "double"), Results.column("aov", "double"));
        RenderSettings settings = RenderSettings.defaults().withCurrencySymbol("R$").withColumnFormats(Map.of("late_rate", "percent", "aov", "money"));
        String table = renderer(settings).render(columns, List.of(row(7.456, 154.1), row(12.0, new BigDecimal("0.005").doubleValue())), false);
        assertThat(table).contains("│     7.46% │ R$ 154.10 │").contains("│    12.00% │   R$ 0.01 │");
    }
}
