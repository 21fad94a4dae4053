package dev.aurum.semantic;

import dev.aurum.AurumException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model-level declarations: {@code currency} (ISO 4217) and {@code data_date} (the anchor of relative time). */
class ModelDeclarationsTest
{
    private final SemanticModelLoader loader = new SemanticModelLoader();

    private static String model(String header)
    {
        return header + """
                tables:
                  - name: invoices
                    base_table: gold.invoices
                    dimensions:
                      - {name: country}
                    time_dimensions:
                      - {name: invoice_date, data_type: date, grains: [day, month]}
                      - {name: paid_ts, expression: paid_at, data_type: timestamp, grains: [day]}
                    metrics:
                      - {name: amount, type: simple, agg: sum, expr: amount, format: money, unit: EUR}
                      - {name: invoices, type: simple, agg: count, format: integer}
                """;
    }

    @Test
    void theShippedModelDeclaresItsCurrencyAndDataDate()
    {
        SemanticModel model = loader.load(Path.of(SemanticModelLoader.DEFAULT_MODEL));

        assertThat(model.currencyCode()).contains("BRL");
        assertThat(model.currencySymbol()).isEqualTo("R$");
        assertThat(model.dataDateColumn()).contains(new DataDateColumn("gold.order_facts", "purchase_date", "purchase_date"));
    }

    @Test
    void currencyPrintsWithItsSymbolOrCode()
    {
        SemanticModel pounds = loader.parse(model("name: shop\ncurrency: GBP\ndata_date: invoices.invoice_date\n"), "test.yaml");

        assertThat(pounds.currencySymbol()).isEqualTo("£");
        assertThat(SemanticModel.currencySymbol("EUR")).isEqualTo("€");
        assertThat(SemanticModel.currencySymbol("CHF")).isEqualTo("CHF");
    }

    @Test
    void dataDateResolvesToTheTimeDimensionsTableAndExpression()
    {
        SemanticModel model = loader.parse(model("name: shop\ncurrency: GBP\ndata_date: invoices.paid_ts\n"), "test.yaml");

        assertThat(model.dataDateColumn()).contains(new DataDateColumn("gold.invoices", "paid_ts", "paid_at"));
    }

    @Test
    void anUnknownCurrencyCodeIsRefused()
    {
        assertThatThrownBy(() -> loader.parse(model("name: shop\ncurrency: POUNDS\ndata_date: invoices.invoice_date\n"), "test.yaml"))
                .isInstanceOf(AurumException.class)
                .hasMessageContaining("test.yaml:2")
                .hasMessageContaining("currency 'POUNDS' is not an ISO 4217 currency code");
        assertThatThrownBy(() -> loader.parse(model("name: shop\ncurrency: gbp\ndata_date: invoices.invoice_date\n"), "test.yaml"))
                .hasMessageContaining("currency 'gbp'");
    }

    @Test
    void moneyMetricsNeedACurrency()
    {
        assertThatThrownBy(() -> loader.parse(model("name: shop\ndata_date: invoices.invoice_date\n"), "test.yaml"))
                .isInstanceOf(AurumException.class)
                .hasMessageContaining("the model has money metrics but no 'currency'");
    }

    @Test
    void timeDimensionsNeedADataDateThatNamesOne()
    {
        assertThatThrownBy(() -> loader.parse(model("name: shop\ncurrency: GBP\n"), "test.yaml"))
                .isInstanceOf(AurumException.class)
                .hasMessageContaining("no 'data_date'")
                .hasMessageContaining("invoices.invoice_date");
        assertThatThrownBy(() -> loader.parse(model("name: shop\ncurrency: GBP\ndata_date: invoices.country\n"), "test.yaml"))
                .isInstanceOf(AurumException.class)
                .hasMessageContaining("data_date 'invoices.country' is not a time dimension of the model")
                .hasMessageContaining("[invoices.invoice_date, invoices.paid_ts]");
    }
}
