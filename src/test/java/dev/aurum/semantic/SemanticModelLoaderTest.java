package dev.aurum.semantic;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemanticModelLoaderTest
{
    private static final Map<String, List<String>> GOLD_COLUMNS = Map.of(
            "gold.order_facts", List.of("order_id", "customer_id", "customer_city", "customer_state", "order_status", "purchase_ts", "purchase_date",
                    "year", "quarter", "month", "week_of_year", "day_of_week", "day_of_week_num", "hour", "is_weekend", "season", "item_count",
                    "items_value", "shipping_value", "order_value", "payment_value", "payment_installments", "primary_payment_type", "delivered_ts",
                    "delivery_days", "estimated_delivery_date", "is_late", "is_revenue", "days_since_first_order"),
            "gold.order_items", List.of("order_id", "order_item_id", "product_id", "product_category", "seller_id", "price", "shipping_charges",
                    "item_value", "order_status", "is_revenue", "purchase_date", "year", "quarter", "month", "customer_state"),
            "gold.daily_sales", List.of("date", "orders", "customers", "items_sold", "revenue", "avg_order_value"),
            "gold.customer_spend_quarterly", List.of("customer_id", "year", "quarter", "orders", "total_spend"),
            "gold.category_sales_monthly", List.of("product_category", "year", "month", "orders", "items_sold", "revenue"),
            "gold.state_sales_monthly", List.of("customer_state", "year", "month", "orders", "customers", "revenue"),
            "gold.payment_mix_monthly", List.of("payment_type", "year", "month", "payments", "payment_value", "avg_installments"),
            "gold.customers", List.of("customer_id", "customer_city", "customer_state", "first_order_date", "last_order_date", "orders", "lifetime_value"));

    private final SemanticModelLoader loader = new SemanticModelLoader();

    @Test
    void loadsTheShippedModelCoveringEveryGoldColumn()
    {
        SemanticModel model = loader.load(Path.of(SemanticModelLoader.DEFAULT_MODEL));

        assertThat(Set.copyOf(model.baseTables())).isEqualTo(GOLD_COLUMNS.keySet());
        for (SemanticTable table : model.tables()) {
            List<String> expressions = new java.util.ArrayList<>();
            table.dimensions().forEach(d -> expressions.add(d.expression()));
            table.timeDimensions().forEach(t -> expressions.add(t.expression()));
            assertThat(expressions).as(table.name()).containsExactlyInAnyOrderElementsOf(GOLD_COLUMNS.get(table.baseTable()));
            assertThat(table.description()).as(table.name()).isNotBlank();
            table.dimensions().forEach(d -> assertThat(d.description()).as(d.name()).isNotBlank());
            table.metrics().forEach(m -> assertThat(m.description()).as(m.name()).isNotBlank());
        }
        assertThat(model.verifiedQueries()).hasSizeBetween(8, 14);
        assertThat(model.instructions()).anySatisfy(i -> assertThat(i).contains("data date"));
    }

    @Test
    void sameMetricNameMeansTheSameEverywhere()
    {
        SemanticModel model = loader.load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
        Map<String, List<Metric>> byName = model.tables().stream()
                .flatMap(t -> t.metrics().stream())
                .collect(Collectors.groupingBy(Metric::name));

        assertThat(byName.get("revenue")).hasSizeGreaterThanOrEqualTo(4);
        byName.forEach((name, metrics) -> {
            assertThat(metrics.stream().map(Metric::unit).distinct()).as(name).hasSize(1);
            assertThat(metrics.stream().map(Metric::format).distinct()).as(name).hasSize(1);
        });
        Metric aov = model.table("order_facts").orElseThrow().metrics().stream().filter(m -> m.name().equals("avg_order_value")).findFirst().orElseThrow();
        assertThat(aov.synonyms()).contains("aov");
        assertThat(aov.format()).isEqualTo("money");
    }

    @Test
    void stateNamesAreValueSynonyms()
    {
        SemanticModel model = loader.load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
        Dimension state = model.table("order_facts").orElseThrow().dimensions().stream()
                .filter(d -> d.name().equals("customer_state")).findFirst().orElseThrow();

        assertThat(state.isEnum()).isTrue();
        assertThat(state.valueSynonyms()).containsEntry("MG", List.of("minas gerais"));
    }

    @Test
    void unknownKeyIsAnErrorNamingFileLineAndKey()
    {
        String yaml = """
                name: m
                tables:
                  - name: t
                    base_table: gold.t
                    dimensions:
                      - name: a
                        sampel_values: [x]
                """;

        assertThatThrownBy(() -> loader.parse(yaml, "model.yaml"))
                .isInstanceOfSatisfying(AurumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining("model.yaml:7:")
                .hasMessageContaining("unknown key 'sampel_values'")
                .hasMessageContaining("sample_values");
    }

    @Test
    void missingRequiredKeyIsNamed()
    {
        String yaml = """
                name: m
                tables:
                  - name: t
                    metrics:
                      - name: revenue
                        agg: sum
                        expr: x
                """;

        assertThatThrownBy(() -> loader.parse(yaml, "model.yaml"))
                .hasMessageContaining("model.yaml:")
                .hasMessageContaining("missing required key 'base_table'");
    }

    @Test
    void brokenYamlSaysWhere()
    {
        assertThatThrownBy(() -> loader.parse("name: m\ntables: [\n  - name: t\n", "bad.yaml"))
                .isInstanceOf(AurumException.class)
                .hasMessageStartingWith("bad.yaml:");
    }

    @Test
    void wrongKindOfValueIsExplained()
    {
        String yaml = """
                name: m
                tables:
                  - name: t
                    base_table: gold.t
                    dimensions:
                      - name: a
                        is_enum: maybe
                """;

        assertThatThrownBy(() -> loader.parse(yaml, "model.yaml"))
                .hasMessageContaining("model.yaml:7:")
                .hasMessageContaining("is_enum");
    }

    @Test
    void semanticProblemsAreReportedWithTheirLine()
    {
        String yaml = """
                name: m
                tables:
                  - name: t
                    base_table: gold.t
                    metrics:
                      - name: revenue
                        agg: sum
                        expr: x
                        format: moneyy
                relationships:
                  - name: r
                    left_table: t
                    right_table: nowhere
                    columns: [{left_column: a, right_column: b}]
                verified_queries:
                  - name: q
                    question: revenue in {state}
                    sql: SELECT SUM(x) FROM gold.t WHERE s = '{state}' AND y = {year}
                    parameters:
                      state: t.state
                """;

        assertThatThrownBy(() -> loader.parse(yaml, "model.yaml"))
                .hasMessageContaining("model.yaml:6: metric 't.revenue' has format 'moneyy'")
                .hasMessageContaining("model.yaml:11: relationship 'r' names table 'nowhere'")
                .hasMessageContaining("uses {year} without declaring it")
                .hasMessageContaining("is bound to 't.state'");
    }

    @Test
    void verifiedQueryBindsAndEscapesParameters()
    {
        VerifiedQuery query = new VerifiedQuery("q", "revenue in {state} for {year}", "SELECT 1 FROM gold.t WHERE s = '{state}' AND y = {year}",
                Map.of("state", "t.state", "year", "year"), "me", "2025-01-01");

        assertThat(query.bind(Map.of("state", "it's", "year", "2017"))).isEqualTo("SELECT 1 FROM gold.t WHERE s = 'it\\'s' AND y = 2017");
        assertThat(query.bindQuestion(Map.of("state", "SP", "year", "2017"))).isEqualTo("revenue in SP for 2017");
        assertThatThrownBy(() -> query.bind(Map.of("state", "SP", "year", "2017 OR 1=1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query.bind(Map.of("year", "2017"))).isInstanceOf(IllegalArgumentException.class);
    }
}
