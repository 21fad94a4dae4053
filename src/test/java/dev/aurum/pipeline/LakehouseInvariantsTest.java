package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestLakehouse;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On {@link TestLakehouse} (generated data with every kind of bad row): the accounting identity per entity, and Gold
 * revenue and order counts by month against a plain-Java computation over the raw landing CSV files that applies
 * the rules of docs/gold-schema.md on its own (no Spark, no pipeline code).
 */
@SparkTest
class LakehouseInvariantsTest
{
    private static final List<String> ENTITIES = List.of("customers", "products", "orders", "order_items", "payments");
    private static final List<String> ORDER_COLUMNS = List.of("order_id", "customer_id", "order_status", "order_purchase_timestamp",
            "order_approved_at", "order_delivered_timestamp", "order_estimated_delivery_date");
    private static final List<String> ITEM_COLUMNS = List.of("order_id", "order_item_id", "product_id", "seller_id", "price", "shipping_charges");
    private static final Set<String> STATUSES = Set.of("created", "approved", "invoiced", "processing", "shipped", "delivered", "canceled", "unavailable");
    private static final Set<String> NON_REVENUE = Set.of("canceled", "unavailable");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    @Test
    void rowsLandedEqualBronzeEqualSilverPlusSupersededQuarantinedAndDuplicates()
    {
        LakehouseLayout layout = TestLakehouse.layout();
        SparkSession spark = TestLakehouse.spark();
        RunState state = new RunState(spark, layout);
        long totalQuarantined = 0;
        for (String entity : ENTITIES) {
            long landed = RawLanding.read(layout.root(), entity).stream().mapToLong(file -> file.records().size()).sum();
            long bronze = count(spark, layout, Layer.BRONZE, entity);
            long silver = count(spark, layout, Layer.SILVER, entity);
            long quarantined = count(spark, layout, Layer.SILVER, entity + "_quarantine");
            SilverCounters totals = state.totals(entity);
            assertThat(landed).as("%s rows landed", entity).isPositive();
            assertThat(bronze).as("%s Bronze rows = rows landed", entity).isEqualTo(landed);
            assertThat(silver + totals.superseded() + quarantined + totals.duplicates())
                    .as("%s Silver %d + superseded %d + quarantined %d + duplicates %d", entity, silver, totals.superseded(), quarantined, totals.duplicates())
                    .isEqualTo(landed);
            assertThat(totals.quarantined()).as("%s quarantine counter = quarantine rows", entity).isEqualTo(quarantined);
            totalQuarantined += quarantined;
        }
        // the generated data carries bad rows of every kind, so the identity is not trivially about clean data
        assertThat(totalQuarantined).isPositive();
        assertThat(state.totals("orders").superseded()).isPositive();
    }

    @Test
    void goldRevenueAndOrdersByMonthEqualAPlainJavaComputationOverTheLandingFiles()
    {
        LakehouseLayout layout = TestLakehouse.layout();
        SparkSession spark = TestLakehouse.spark();

        // orders: latest valid version per order_id (later drop, then later line, wins; quarantined rows never replace)
        Map<String, Order> orders = new HashMap<>();
        for (RawLanding.DropFile file : RawLanding.read(layout.root(), "orders")) {
            if (!file.hasColumns(ORDER_COLUMNS)) {
                continue;
            }
            for (int i = 0; i < file.records().size(); i++) {
                if (!file.wellFormed(i)) {
                    continue;
                }
                String orderId = file.value(i, "order_id").trim();
                String status = file.value(i, "order_status").trim().toLowerCase(Locale.ROOT);
                LocalDateTime purchase = timestamp(file.value(i, "order_purchase_timestamp"));
                if (orderId.isEmpty() || purchase == null || !STATUSES.contains(status)) {
                    continue;
                }
                orders.put(orderId, new Order(status, YearMonth.from(purchase)));
            }
        }
        // items: latest valid version per (order_id, order_item_id)
        Map<String, BigDecimal> itemValues = new HashMap<>();
        Map<String, String> itemOrders = new HashMap<>();
        for (RawLanding.DropFile file : RawLanding.read(layout.root(), "order_items")) {
            if (!file.hasColumns(ITEM_COLUMNS)) {
                continue;
            }
            for (int i = 0; i < file.records().size(); i++) {
                if (!file.wellFormed(i)) {
                    continue;
                }
                String orderId = file.value(i, "order_id").trim();
                String itemId = file.value(i, "order_item_id").trim();
                BigDecimal price = money(file.value(i, "price"));
                BigDecimal shipping = money(file.value(i, "shipping_charges"));
                if (orderId.isEmpty() || !INTEGER.matcher(itemId).matches() || Long.parseLong(itemId) < 0 || price == null || shipping == null) {
                    continue;
                }
                String key = orderId + "|" + Long.parseLong(itemId);
                itemValues.put(key, price.add(shipping));
                itemOrders.put(key, orderId);
            }
        }
        Map<YearMonth, BigDecimal> expectedRevenue = new TreeMap<>();
        Map<YearMonth, Long> expectedOrders = new TreeMap<>();
        orders.values().forEach(order -> {
            expectedRevenue.putIfAbsent(order.month(), BigDecimal.ZERO.setScale(2));
            expectedOrders.merge(order.month(), 1L, Long::sum);
        });
        // orphan items (order unknown or quarantined) have no order here, so they are left out as in Gold
        itemValues.forEach((key, value) -> {
            Order order = orders.get(itemOrders.get(key));
            if (order != null && !NON_REVENUE.contains(order.status())) {
                expectedRevenue.merge(order.month(), value, BigDecimal::add);
            }
        });
        assertThat(expectedRevenue).hasSizeGreaterThanOrEqualTo(3);
        assertThat(expectedRevenue.values()).allMatch(value -> value.signum() > 0);

        assertThat(monthly(spark, "SELECT year(date), month(date), sum(revenue), sum(orders) FROM gold.daily_sales GROUP BY 1, 2", 2))
                .as("gold.daily_sales revenue").isEqualTo(expectedRevenue);
        assertThat(monthly(spark, "SELECT year, month, sum(revenue), sum(orders) FROM gold.state_sales_monthly GROUP BY 1, 2", 2))
                .as("gold.state_sales_monthly revenue").isEqualTo(expectedRevenue);
        assertThat(monthly(spark, "SELECT year, month, sum(CASE WHEN is_revenue THEN order_value ELSE 0 END), count(*) FROM gold.order_facts GROUP BY 1, 2", 2))
                .as("gold.order_facts revenue").isEqualTo(expectedRevenue);
        assertThat(monthly(spark, "SELECT year(date), month(date), sum(revenue), sum(orders) FROM gold.daily_sales GROUP BY 1, 2", 3))
                .as("gold.daily_sales orders").isEqualTo(toBigDecimals(expectedOrders));
    }

    private record Order(String status, YearMonth month) {}

    private static LocalDateTime timestamp(String text)
    {
        try {
            return LocalDateTime.parse(text.trim(), TIMESTAMP);
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A non-negative decimal number, at cents (DECIMAL(12,2) rounds half up); null when unparseable or negative. */
    private static BigDecimal money(String text)
    {
        String trimmed = text.trim();
        if (!DECIMAL.matcher(trimmed).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(trimmed).setScale(2, RoundingMode.HALF_UP);
        return value.signum() < 0 ? null : value;
    }

    private static Map<YearMonth, BigDecimal> monthly(SparkSession spark, String sql, int valueColumn)
    {
        Map<YearMonth, BigDecimal> result = new TreeMap<>();
        for (Row row : spark.sql(sql).collectAsList()) {
            Object value = row.get(valueColumn);
            BigDecimal number = value instanceof BigDecimal decimal ? decimal.setScale(2, RoundingMode.UNNECESSARY) : BigDecimal.valueOf(((Number) value).longValue());
            result.put(YearMonth.of(row.getInt(0), row.getInt(1)), number);
        }
        return result;
    }

    private static Map<YearMonth, BigDecimal> toBigDecimals(Map<YearMonth, Long> counts)
    {
        Map<YearMonth, BigDecimal> result = new TreeMap<>();
        counts.forEach((month, count) -> result.put(month, BigDecimal.valueOf(count)));
        return result;
    }

    private static long count(SparkSession spark, LakehouseLayout layout, Layer layer, String table)
    {
        return spark.read().format("delta").load(layout.table(layer, table).toString()).count();
    }
}
