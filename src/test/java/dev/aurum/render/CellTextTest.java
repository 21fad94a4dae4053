package dev.aurum.render;

import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellTextTest
{
    private final CellText text = new CellText("R$");

    @Test
    void moneyHasCurrencySeparatorsAndTwoPlaces()
    {
        ColumnFormat money = ColumnFormat.of(ColumnFormat.Kind.MONEY);
        assertThat(text.display(new BigDecimal("1234.5"), money)).isEqualTo("R$ 1,234.50");
        assertThat(text.display(new BigDecimal("5202955.055"), money)).isEqualTo("R$ 5,202,955.06");
        assertThat(text.display(new BigDecimal("-12.3"), money)).isEqualTo("-R$ 12.30");
        assertThat(text.display(new BigDecimal("-0.001"), money)).isEqualTo("R$ 0.00");
        assertThat(text.display(0L, money)).isEqualTo("R$ 0.00");
        assertThat(text.display(99.999, money)).isEqualTo("R$ 100.00");
    }

    @Test
    void percentIsOnTheHundredScaleWithTwoPlaces()
    {
        ColumnFormat percent = ColumnFormat.of(ColumnFormat.Kind.PERCENT);
        assertThat(text.display(12.345, percent)).isEqualTo("12.35%");
        assertThat(text.display(new BigDecimal("8"), percent)).isEqualTo("8.00%");
        assertThat(text.display(1234.5, percent)).isEqualTo("1,234.50%");
    }

    @Test
    void integersAreGroupedUnlessTheyAreYearsOrIdentifiers()
    {
        assertThat(text.display(1234567L, ColumnFormat.infer(new ResultColumn("orders", "bigint")))).isEqualTo("1,234,567");
        assertThat(text.display(-1234L, ColumnFormat.infer(new ResultColumn("delta", "int")))).isEqualTo("-1,234");
        assertThat(text.display(2017, ColumnFormat.infer(new ResultColumn("year", "int")))).isEqualTo("2017");
        assertThat(text.display(12345L, ColumnFormat.infer(new ResultColumn("customer_zip_code_prefix", "int")))).isEqualTo("12345");
        assertThat(text.display(Long.MIN_VALUE, ColumnFormat.of(ColumnFormat.Kind.INTEGER))).isEqualTo("-9,223,372,036,854,775,808");
    }

    @Test
    void decimalsKeepTheirDeclaredScale()
    {
        ColumnFormat twoPlaces = ColumnFormat.infer(new ResultColumn("revenue", "decimal(12,2)"));
        assertThat(twoPlaces).isEqualTo(new ColumnFormat(ColumnFormat.Kind.DECIMAL, 2));
        assertThat(text.display(new BigDecimal("1234.5"), twoPlaces)).isEqualTo("1,234.50");
        ColumnFormat eighteen = ColumnFormat.infer(new ResultColumn("tiny", "decimal(38,18)"));
        assertThat(text.display(new BigDecimal("0.000000000000000001"), eighteen)).isEqualTo("0.000000000000000001");
        assertThat(text.display(new BigDecimal("123456789012345678901234567890123456.78"), ColumnFormat.infer(new ResultColumn("big", "decimal(38,2)"))))
                .isEqualTo("123,456,789,012,345,678,901,234,567,890,123,456.78");
    }

    @Test
    void doublesShowTheShortestExactDigitsUpToFourPlaces()
    {
        ColumnFormat adaptive = ColumnFormat.infer(new ResultColumn("ratio", "double"));
        ColumnFormat resolved = CellText.resolve(adaptive, List.of(2.5, 3.0, 0.1 + 0.2));
        assertThat(resolved.scale()).isEqualTo(4);
        assertThat(text.display(0.1 + 0.2, resolved)).isEqualTo("0.3000");
        assertThat(text.display(2.5, CellText.resolve(adaptive, List.of(2.5, 3.0)))).isEqualTo("2.5");
        assertThat(text.display(3.0, CellText.resolve(adaptive, List.of(2.5, 3.0)))).isEqualTo("3.0");
        assertThat(text.display(Double.NaN, resolved)).isEqualTo("NaN");
        assertThat(text.display(Double.NEGATIVE_INFINITY, resolved)).isEqualTo("-Infinity");
        assertThat(text.display(1.0e20, adaptive)).isEqualTo("1.0E20");
    }

    @Test
    void nullDatesTimestampsAndControlCharacters()
    {
        assertThat(text.display(null, ColumnFormat.of(ColumnFormat.Kind.MONEY))).isEqualTo("NULL");
        assertThat(text.display(LocalDate.of(2017, 3, 1), ColumnFormat.of(ColumnFormat.Kind.DATE))).isEqualTo("2017-03-01");
        assertThat(text.display(Instant.parse("2017-03-01T14:05:00Z"), ColumnFormat.of(ColumnFormat.Kind.TIMESTAMP))).isEqualTo("2017-03-01 14:05:00");
        assertThat(text.display(Instant.parse("2017-03-01T14:05:00.250Z"), ColumnFormat.of(ColumnFormat.Kind.TIMESTAMP))).isEqualTo("2017-03-01 14:05:00.25");
        assertThat(text.display(LocalDateTime.of(2017, 3, 1, 0, 0), ColumnFormat.of(ColumnFormat.Kind.TIMESTAMP))).isEqualTo("2017-03-01 00:00:00");
        assertThat(text.display("two\nlines\tand tab", ColumnFormat.of(ColumnFormat.Kind.TEXT))).isEqualTo("two\\nlines\\tand tab");
    }

    @Test
    void rawValuesAreForMachines()
    {
        assertThat(CellText.raw(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CellText.raw(new BigDecimal("1234.50"))).isEqualTo("1234.50");
        assertThat(CellText.raw(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(CellText.raw(1.0e20)).isEqualTo("1.0E20");
        assertThat(CellText.raw(Instant.parse("2017-03-01T14:05:00Z"))).isEqualTo("2017-03-01T14:05:00Z");
        assertThat(CellText.raw(LocalDate.of(2017, 3, 1))).isEqualTo("2017-03-01");
        assertThat(CellText.raw(null)).isNull();
    }

    @Test
    void namedFormatsComeFromTheCaller()
    {
        ResultColumn revenue = new ResultColumn("revenue", "decimal(12,2)");
        assertThat(ColumnFormat.named("money", revenue).kind()).isEqualTo(ColumnFormat.Kind.MONEY);
        assertThat(ColumnFormat.named("Percent", revenue).kind()).isEqualTo(ColumnFormat.Kind.PERCENT);
        assertThat(ColumnFormat.named("decimal", new ResultColumn("x", "double")).scale()).isEqualTo(2);
        assertThatThrownBy(() -> ColumnFormat.named("fancy", revenue)).hasMessageContaining("fancy").hasMessageContaining("money");
    }
}
