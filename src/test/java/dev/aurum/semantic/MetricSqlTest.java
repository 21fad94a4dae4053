package dev.aurum.semantic;

import dev.aurum.AurumException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metric declarations render to SQL and are validated, without Spark. */
class MetricSqlTest
{
    /**
     * The SQL every shipped metric had before metrics were declared (docs/architecture.md, "The semantic model"): the
     * declarations must render exactly this, so answers, rounding and the LLM's schema text stay the same.
     */
    private static final Map<String, String> SHIPPED = Map.ofEntries(
            Map.entry("order_facts.revenue", "ROUND(COALESCE(SUM(CASE WHEN is_revenue THEN order_value END), 0), 2)"),
            Map.entry("order_facts.gross_order_value", "ROUND(COALESCE(SUM(order_value), 0), 2)"),
            Map.entry("order_facts.orders", "COUNT(*)"),
            Map.entry("order_facts.revenue_orders", "COUNT(CASE WHEN is_revenue THEN 1 END)"),
            Map.entry("order_facts.customers", "COUNT(DISTINCT customer_id)"),
            Map.entry("order_facts.items_sold", "COALESCE(SUM(CASE WHEN is_revenue THEN item_count END), 0)"),
            Map.entry("order_facts.avg_order_value", "ROUND(SUM(CASE WHEN is_revenue THEN order_value END) / NULLIF(COUNT(CASE WHEN is_revenue THEN 1 END), 0), 2)"),
            Map.entry("order_facts.items_per_order", "ROUND(SUM(CASE WHEN is_revenue THEN item_count END) / NULLIF(COUNT(CASE WHEN is_revenue THEN 1 END), 0), 2)"),
            Map.entry("order_facts.items_value", "ROUND(COALESCE(SUM(CASE WHEN is_revenue THEN items_value END), 0), 2)"),
            Map.entry("order_facts.shipping_value", "ROUND(COALESCE(SUM(CASE WHEN is_revenue THEN shipping_value END), 0), 2)"),
            Map.entry("order_facts.payment_value", "ROUND(COALESCE(SUM(CASE WHEN is_revenue THEN payment_value END), 0), 2)"),
            Map.entry("order_facts.avg_order_installments", "ROUND(AVG(CASE WHEN is_revenue THEN payment_installments END), 2)"),
            Map.entry("order_facts.avg_delivery_days", "ROUND(AVG(delivery_days), 2)"),
            Map.entry("order_facts.late_delivery_rate", "ROUND(100 * COUNT(CASE WHEN order_status = 'delivered' AND is_late THEN 1 END) / NULLIF(COUNT(CASE WHEN order_status = 'delivered' AND is_late IS NOT NULL THEN 1 END), 0), 2)"),
            Map.entry("order_facts.cancellation_rate", "ROUND(100 * COUNT(CASE WHEN order_status = 'canceled' THEN 1 END) / NULLIF(COUNT(*), 0), 2)"),
            Map.entry("order_items.revenue", "ROUND(COALESCE(SUM(CASE WHEN is_revenue THEN item_value END), 0), 2)"),
            Map.entry("order_items.items_sold", "COUNT(CASE WHEN is_revenue THEN 1 END)"),
            Map.entry("order_items.orders", "COUNT(DISTINCT order_id)"),
            Map.entry("order_items.revenue_orders", "COUNT(DISTINCT CASE WHEN is_revenue THEN order_id END)"),
            Map.entry("order_items.items_value", "ROUND(COALESCE(SUM(CASE WHEN is_revenue THEN price END), 0), 2)"),
            Map.entry("order_items.shipping_value", "ROUND(COALESCE(SUM(CASE WHEN is_revenue THEN shipping_charges END), 0), 2)"),
            Map.entry("order_items.avg_item_price", "ROUND(AVG(CASE WHEN is_revenue THEN price END), 2)"),
            Map.entry("order_items.sellers", "COUNT(DISTINCT seller_id)"),
            Map.entry("order_items.products", "COUNT(DISTINCT product_id)"),
            Map.entry("daily_sales.revenue", "ROUND(COALESCE(SUM(revenue), 0), 2)"),
            Map.entry("daily_sales.orders", "COALESCE(SUM(orders), 0)"),
            Map.entry("daily_sales.items_sold", "COALESCE(SUM(items_sold), 0)"),
            Map.entry("customer_spend_quarterly.total_spend", "ROUND(COALESCE(SUM(total_spend), 0), 2)"),
            Map.entry("customer_spend_quarterly.orders", "COALESCE(SUM(orders), 0)"),
            Map.entry("customer_spend_quarterly.customers", "COUNT(DISTINCT customer_id)"),
            Map.entry("customer_spend_quarterly.avg_spend_per_customer", "ROUND(SUM(total_spend) / NULLIF(COUNT(DISTINCT customer_id), 0), 2)"),
            Map.entry("category_sales_monthly.revenue", "ROUND(COALESCE(SUM(revenue), 0), 2)"),
            Map.entry("category_sales_monthly.items_sold", "COALESCE(SUM(items_sold), 0)"),
            Map.entry("state_sales_monthly.revenue", "ROUND(COALESCE(SUM(revenue), 0), 2)"),
            Map.entry("state_sales_monthly.orders", "COALESCE(SUM(orders), 0)"),
            Map.entry("payment_mix_monthly.payments", "COALESCE(SUM(payments), 0)"),
            Map.entry("payment_mix_monthly.payment_value", "ROUND(COALESCE(SUM(payment_value), 0), 2)"),
            Map.entry("payment_mix_monthly.avg_installments", "ROUND(SUM(avg_installments * payments) / NULLIF(SUM(CASE WHEN avg_installments IS NOT NULL THEN payments END), 0), 2)"),
            Map.entry("customers.customers", "COUNT(DISTINCT customer_id)"),
            Map.entry("customers.new_customers", "COUNT(DISTINCT customer_id)"),
            Map.entry("customers.lifetime_value", "ROUND(COALESCE(SUM(lifetime_value), 0), 2)"),
            Map.entry("customers.avg_lifetime_value", "ROUND(AVG(lifetime_value), 2)"),
            Map.entry("customers.avg_orders_per_customer", "ROUND(AVG(orders), 2)"),
            Map.entry("customers.repeat_customer_rate", "ROUND(100 * COUNT(CASE WHEN orders > 1 THEN 1 END) / NULLIF(COUNT(*), 0), 2)"));

    private final SemanticModelLoader loader = new SemanticModelLoader();

    @Test
    void theShippedDeclarationsRenderTheSqlTheModelHadBefore()
    {
        SemanticModel model = loader.load(Path.of(SemanticModelLoader.DEFAULT_MODEL));

        Map<String, String> rendered = new LinkedHashMap<>();
        for (SemanticTable table : model.tables()) {
            table.metrics().forEach(metric -> rendered.put(table.name() + "." + metric.name(), table.metricSql(metric)));
        }
        assertThat(rendered).containsExactlyInAnyOrderEntriesOf(SHIPPED);
    }

    @Test
    void declarationsSayWhatTheMetricIs()
    {
        SemanticModel model = loader.load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
        SemanticTable orders = model.table("order_facts").orElseThrow();

        assertThat(orders.metric("revenue").orElseThrow().isAdditive()).isTrue();
        assertThat(orders.metric("customers").orElseThrow().isAdditive()).isFalse();
        assertThat(orders.metric("avg_order_value").orElseThrow().isAdditive()).isFalse();
        assertThat(orders.metric("items_sold").orElseThrow().countsThings()).isTrue();
        assertThat(orders.metric("revenue").orElseThrow().countsThings()).isFalse();
        assertThat(orders.metric("late_delivery_rate").orElseThrow().isAverageOrRate()).isTrue();
        assertThat(orders.metric("items_value").orElseThrow().excludes()).containsExactly("shipping_value");
        assertThat(new MetricSql(orders).rowConditions(orders.metric("late_delivery_rate").orElseThrow()))
                .containsExactly(Set.of("order_status = 'delivered'", "is_late"), Set.of("order_status = 'delivered'", "is_late is not null"));
    }

    @Test
    void aRatioRendersAlikeInATableThatKeepsOnlySomeMetrics()
    {
        SemanticModel model = loader.load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
        SemanticTable orders = model.table("order_facts").orElseThrow();
        Metric ratio = new MetricSql(orders).selfContained(orders.metric("avg_order_value").orElseThrow());
        SemanticTable slice = new SemanticTable(orders.name(), null, orders.baseTable(), null, null, null, null, null, List.of(ratio), null);

        assertThat(ratio.numerator().metric()).isNull();
        assertThat(slice.metricSql(ratio)).isEqualTo(SHIPPED.get("order_facts.avg_order_value"));
    }

    @Test
    void derivedMetricsCombineOtherMetricsUnrounded()
    {
        SemanticTable table = table("""
                      - name: late_orders
                        agg: count
                        filter: is_late
                        format: integer
                      - name: delivered_orders
                        agg: count
                        filter: "status = 'delivered'"
                        format: integer
                      - name: value
                        agg: sum
                        expr: amount
                        format: money
                        unit: GBP
                      - name: late_share
                        type: derived
                        expr: "100.0 * {late_orders} / NULLIF({delivered_orders}, 0)"
                        format: percent
                      - name: value_per_late_order
                        type: ratio
                        numerator: value
                        denominator: {metric: delivered_orders, filter: is_late}
                        format: money
                        unit: GBP
                """);
        MetricSql sql = new MetricSql(table);

        assertThat(sql.render(table.metric("late_share").orElseThrow()))
                .isEqualTo("ROUND(100.0 * COUNT(CASE WHEN is_late THEN 1 END) / NULLIF(COUNT(CASE WHEN status = 'delivered' THEN 1 END), 0), 2)");
        assertThat(sql.render(table.metric("value_per_late_order").orElseThrow()))
                .isEqualTo("ROUND(SUM(amount) / NULLIF(COUNT(CASE WHEN (status = 'delivered') AND (is_late) THEN 1 END), 0), 2)");
        assertThat(sql.render(table.metric("value").orElseThrow())).isEqualTo("ROUND(COALESCE(SUM(amount), 0), 2)");
    }

    @Test
    void badDeclarationsAreLoadErrorsNamingTableAndMetric()
    {
        assertLoadError("""
                      - name: revenue
                        agg: total
                        expr: amount
                """, "metric 't.revenue' has agg 'total'; use one of avg, count, count_distinct, max, min, sum.");
        assertLoadError("""
                      - name: revenue
                        agg: sum
                """, "metric 't.revenue' aggregates with sum but has no expr");
        assertLoadError("""
                      - name: rate
                        type: ratio
                        denominator: {agg: count}
                """, "metric 't.rate' is a ratio without a numerator");
        assertLoadError("""
                      - name: rate
                        type: ratio
                        numerator: refunds
                        denominator: {agg: count}
                """, "metric 't.rate': its numerator 'refunds' is not a metric of table 't'");
        assertLoadError("""
                      - name: rate
                        type: derived
                        expr: "{refunds} / {rows}"
                """, "metric 't.rate' refers to {refunds}, which is not a metric of table 't'");
        assertLoadError("""
                      - name: revenue
                        agg: sum
                        expr: amount
                        format: money
                """, "metric 't.revenue' is money but has no unit; add its ISO currency code");
        assertLoadError("""
                      - name: revenue
                        type: weighted
                """, "metric 't.revenue' has type 'weighted'; use one of derived, ratio, simple.");
        assertLoadError("""
                      - name: a
                        type: ratio
                        numerator: b
                        denominator: {agg: count}
                      - name: b
                        type: ratio
                        numerator: a
                        denominator: {agg: count}
                """, "refers to itself");
        assertLoadError("""
                      - name: revenue
                        agg: sum
                        expr: amount
                        non_additive: [nowhere]
                """, "metric 't.revenue' is non_additive over 'nowhere', which is not a dimension of table 't'.");
        assertLoadError("""
                      - name: revenue
                        expression: SUM(amount)
                """, "unknown key 'expression'");
    }

    private void assertLoadError(String metrics, String message)
    {
        assertThatThrownBy(() -> loader.parse(model(metrics), "model.yaml"))
                .isInstanceOf(AurumException.class)
                .hasMessageContaining(message);
    }

    private SemanticTable table(String metrics)
    {
        return loader.parse(model(metrics), "model.yaml").tables().get(0);
    }

    private static String model(String metrics)
    {
        return """
                name: m
                currency: EUR
                tables:
                  - name: t
                    base_table: gold.t
                    dimensions:
                      - name: status
                    metrics:
                """ + metrics;
    }

    @Test
    void theOneSideOfARatioCanBeAMetricOrAnInlineAggregate()
    {
        assertThat(MetricPart.of("revenue").describe()).isEqualTo("revenue");
        assertThat(new MetricPart(null, "count", null, "is_late").describe()).isEqualTo("count(*) where is_late");
        assertThat(List.of(MetricSql.conjuncts("a = 1 AND (b OR c) and d"))).containsExactly(Set.of("a = 1", "(b or c)", "d"));
    }
}
