package dev.aurum.render;

import dev.aurum.assistant.proposal.ChartHint;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.aurum.render.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

class TerminalBarChartTest
{
    private final RenderSettings money = RenderSettings.defaults().withCurrencySymbol("R$").withColumnFormats(Map.of("revenue", "money"));

    @Test
    void barsScaleToTheLargestValue()
    {
        TerminalBarChart chart = new TerminalBarChart(60, true, money);
        String text = chart.render(Results.STATE_COLUMNS, Results.STATE_ROWS, new ChartHint("bar", "customer_state", "revenue")).orElseThrow();
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("revenue by customer_state");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("SP │█").endsWith(" R$ 5,202,955.05");
        assertThat(lines.get(3)).startsWith("MG │█").endsWith(" R$ 1,585,308.03");
        assertThat(lines.subList(1, 4)).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isEqualTo(60));
        long spBlocks = lines.get(1).chars().filter(character -> character == '█').count();
        long mgBlocks = lines.get(3).chars().filter(character -> character == '█').count();
        // 1,585,308 / 5,202,955 of the bar, give or take the partial block
        assertThat((double) mgBlocks / spBlocks).isBetween(0.27, 0.33);
    }

    @Test
    void asciiWhenTheTerminalCannotShowBlocks()
    {
        String text = new TerminalBarChart(40, false, RenderSettings.defaults().withCurrencySymbol("R$")).render(Results.answer(Results.STATE_COLUMNS, Results.STATE_ROWS)).orElseThrow();
        assertThat(text).contains("SP |#").doesNotContain("█").contains("41,746");
    }

    @Test
    void timeSeriesUseTheirPeriodLabels()
    {
        String text = new TerminalBarChart(50, true, RenderSettings.defaults().withCurrencySymbol("R$"))
                .render(Results.answer(Results.DAILY_COLUMNS, Results.dailyRows(5))).orElseThrow();
        assertThat(text).startsWith("orders by date\n2017-01-01 │").contains("2017-01-05 │");
    }

    @Test
    void nothingForLargeResultsOrSingleValues()
    {
        TerminalBarChart chart = new TerminalBarChart(60, true, RenderSettings.defaults().withCurrencySymbol("R$"));
        assertThat(chart.render(Results.answer(Results.DAILY_COLUMNS, Results.dailyRows(21)))).isEmpty();
        assertThat(chart.render(Results.answer(List.of(Results.column("revenue", "decimal(12,2)")), List.of(row(BigDecimal.TEN))))).isEmpty();
    }

    @Test
    void nullAndNegativeValues()
    {
        List<List<Object>> rows = List.of(row("a", 10L, BigDecimal.ONE), row("b", null, BigDecimal.ONE), row("c", -5L, BigDecimal.ONE));
        String text = new TerminalBarChart(40, true, RenderSettings.defaults().withCurrencySymbol("R$"))
                .render(Results.STATE_COLUMNS, rows, new ChartHint("bar", "customer_state", "orders")).orElseThrow();
        assertThat(text).contains("b │").contains("NULL").contains("░").contains("-5");
    }
}
