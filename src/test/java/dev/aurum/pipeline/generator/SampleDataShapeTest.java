package dev.aurum.pipeline.generator;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.pipeline.generator.LandingFiles.DayFile;
import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realistic shape of one clean year at small scale, read back from the CSV files: seasonality, growth, spend
 * that does not depend on the season, prices by category, delivery time by state, lifecycles, repeat customers.
 */
class SampleDataShapeTest
{
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> STATUSES = Set.of("created", "approved", "invoiced", "processing", "shipped", "delivered", "canceled", "unavailable");

    @TempDir
    static Path year;

    private static Map<LandingEntity, TreeMap<LocalDate, DayFile>> files;
    /** order id → its rows in landing order (day by day). */
    private static Map<String, List<Map<String, String>>> orderDrops;
    private static Map<String, LocalDate> orderFirstDay;

    @BeforeAll
    static void generateOneYear()
    {
        new SampleDataGenerator(new LakehouseLayout(year))
                .generate(GeneratorSettings.defaults().withScale(0.05).withDays(365).withDefectRate(0), ProgressListener.none());
        files = new HashMap<>();
        for (LandingEntity entity : LandingEntity.values()) {
            files.put(entity, LandingFiles.read(year, entity));
        }
        orderDrops = new HashMap<>();
        orderFirstDay = new HashMap<>();
        files.get(LandingEntity.ORDERS).values().forEach(file -> file.rows().forEach(row -> {
            orderDrops.computeIfAbsent(row.get("order_id"), id -> new ArrayList<>()).add(row);
            orderFirstDay.putIfAbsent(row.get("order_id"), file.day());
        }));
    }

    @Test
    void volumeIsSeasonalWithALateNovemberSpike()
    {
        Map<Integer, Integer> ordersPerMonth = new TreeMap<>();
        Map<LocalDate, Integer> ordersPerDay = new TreeMap<>();
        orderDrops.values().forEach(drops -> {
            LocalDate purchase = purchase(drops.get(0)).toLocalDate();
            ordersPerMonth.merge(purchase.getMonthValue(), 1, Integer::sum);
            ordersPerDay.merge(purchase, 1, Integer::sum);
        });
        int firstQuarter = ordersPerMonth.get(1) + ordersPerMonth.get(2) + ordersPerMonth.get(3);
        int lastQuarter = ordersPerMonth.get(10) + ordersPerMonth.get(11) + ordersPerMonth.get(12);
        assertThat(lastQuarter).isGreaterThan(firstQuarter * 3 / 2);
        assertThat(ordersPerMonth.get(11)).isGreaterThan(ordersPerMonth.get(10));
        // Black Friday 2017 was 24 November: the busiest day of the year
        LocalDate busiest = ordersPerDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(busiest).isBetween(LocalDate.of(2017, 11, 20), LocalDate.of(2017, 11, 28));
        // about 100,000 orders per 730 days at scale 1: a year at 0.05 has a few thousand
        assertThat(orderDrops).hasSizeBetween(1_500, 3_500);
    }

    @Test
    void spendPerOrderDoesNotDependOnTheQuarter()
    {
        Map<String, Double> orderValues = new HashMap<>();
        allRows(LandingEntity.ORDER_ITEMS).forEach(row -> orderValues.merge(row.get("order_id"),
                Double.parseDouble(row.get("price")) + Double.parseDouble(row.get("shipping_charges")), Double::sum));
        List<List<Double>> byQuarter = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        orderValues.forEach((orderId, value) -> byQuarter.get((purchase(orderDrops.get(orderId).get(0)).getMonthValue() - 1) / 3).add(value));
        List<double[]> groups = byQuarter.stream().map(values -> values.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        double pValue = new OneWayAnova().anovaPValue(groups);
        assertThat(pValue).as("ANOVA of spend per order by quarter").isGreaterThan(0.01);
    }

    @Test
    void pricesDifferByCategory()
    {
        Map<String, String> categoryOfProduct = new HashMap<>();
        allRows(LandingEntity.PRODUCTS).forEach(row -> categoryOfProduct.put(row.get("product_id"), row.get("product_category_name")));
        assertThat(new HashSet<>(categoryOfProduct.values())).contains("bed_bath_table", "health_beauty", "computers_accessories", "telephony", "watches_gifts");
        Map<String, List<double[]>> prices = new HashMap<>();
        allRows(LandingEntity.ORDER_ITEMS).forEach(row -> prices.computeIfAbsent(categoryOfProduct.get(row.get("product_id")), category -> new ArrayList<>())
                .add(new double[] {Double.parseDouble(row.get("price"))}));
        assertThat(mean(prices.get("watches_gifts"))).isGreaterThan(2 * mean(prices.get("telephony")));
        List<double[]> groups = prices.values().stream().filter(values -> values.size() > 20)
                .map(values -> values.stream().mapToDouble(value -> value[0]).toArray()).toList();
        assertThat(new OneWayAnova().anovaPValue(groups)).as("ANOVA of price by category").isLessThan(0.001);
    }

    @Test
    void deliveryTimeDiffersByStateAndSomeOrdersAreLate()
    {
        Map<String, String> stateOfCustomer = new HashMap<>();
        allRows(LandingEntity.CUSTOMERS).forEach(row -> stateOfCustomer.putIfAbsent(row.get("customer_id"), row.get("customer_state")));
        Map<String, List<double[]>> deliveryDays = new HashMap<>();
        int delivered = 0;
        int late = 0;
        for (List<Map<String, String>> drops : orderDrops.values()) {
            Map<String, String> last = drops.get(drops.size() - 1);
            if (last.get("order_status").equals("delivered")) {
                LocalDate deliveredOn = LocalDateTime.parse(last.get("order_delivered_timestamp"), TIMESTAMP).toLocalDate();
                long days = ChronoUnit.DAYS.between(purchase(last).toLocalDate(), deliveredOn);
                assertThat(days).isPositive();
                deliveryDays.computeIfAbsent(stateOfCustomer.get(last.get("customer_id")), state -> new ArrayList<>()).add(new double[] {days});
                delivered++;
                if (deliveredOn.isAfter(LocalDate.parse(last.get("order_estimated_delivery_date")))) {
                    late++;
                }
            }
        }
        assertThat(mean(deliveryDays.get("SP"))).isLessThan(mean(deliveryDays.get("RJ")));
        assertThat(mean(deliveryDays.get("SP")) + 5).isLessThan(mean(deliveryDays.get("BA")));
        assertThat((double) late / delivered).isBetween(0.02, 0.20);
    }

    @Test
    void customersAreSkewedToTheSouthEastWithRealCities()
    {
        Map<String, Integer> customersPerState = new HashMap<>();
        allRows(LandingEntity.CUSTOMERS).forEach(row -> {
            customersPerState.merge(row.get("customer_state"), 1, Integer::sum);
            assertThat(row.get("customer_city")).matches("[a-z' -]+");
            assertThat(row.get("customer_zip_code_prefix")).matches("[0-9]{5}");
        });
        int total = customersPerState.values().stream().mapToInt(Integer::intValue).sum();
        assertThat((double) customersPerState.get("SP") / total).isBetween(0.3, 0.55);
        assertThat(customersPerState.get("RJ")).isGreaterThan(customersPerState.getOrDefault("BA", 0));
        assertThat(customersPerState.get("MG")).isGreaterThan(customersPerState.getOrDefault("PE", 0));
    }

    @Test
    void ordersMoveThroughTheirLifecycleOnLaterDays()
    {
        Map<String, Integer> finalStatuses = new HashMap<>();
        Set<String> firstStatuses = new HashSet<>();
        for (List<Map<String, String>> drops : orderDrops.values()) {
            drops.forEach(drop -> assertThat(drop.get("order_status")).isIn(STATUSES));
            firstStatuses.add(drops.get(0).get("order_status"));
            Map<String, String> last = drops.get(drops.size() - 1);
            finalStatuses.merge(last.get("order_status"), 1, Integer::sum);
            assertThat(last.get("order_delivered_timestamp").isEmpty()).isEqualTo(!last.get("order_status").equals("delivered"));
            // never the same row twice: a re-drop always carries a change
            assertThat(new HashSet<>(drops)).hasSameSizeAs(drops);
        }
        assertThat(firstStatuses).contains("created", "approved", "invoiced", "processing").doesNotContain("delivered");
        assertThat(finalStatuses).containsKeys("delivered", "shipped", "canceled", "unavailable");
        assertThat(finalStatuses.get("delivered")).isGreaterThan(orderDrops.size() * 8 / 10);
        assertThat(orderDrops.values().stream().mapToInt(List::size).max().orElseThrow()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void itemsAndPaymentsLandWithTheOrderAndCustomersAndProductsNoLater()
    {
        Map<String, LocalDate> customerFirstDay = firstDays(LandingEntity.CUSTOMERS, "customer_id");
        Map<String, LocalDate> productFirstDay = firstDays(LandingEntity.PRODUCTS, "product_id");
        Map<String, List<String>> paymentsOfOrder = new HashMap<>();
        for (LandingEntity entity : List.of(LandingEntity.ORDER_ITEMS, LandingEntity.PAYMENTS)) {
            files.get(entity).values().forEach(file -> file.rows().forEach(row -> {
                assertThat(file.day()).as(entity + " of order " + row.get("order_id")).isEqualTo(orderFirstDay.get(row.get("order_id")));
                if (entity == LandingEntity.ORDER_ITEMS) {
                    assertThat(productFirstDay.get(row.get("product_id"))).isBeforeOrEqualTo(file.day());
                }
                else {
                    paymentsOfOrder.computeIfAbsent(row.get("order_id"), id -> new ArrayList<>()).add(row.get("payment_type") + ":" + row.get("payment_installments"));
                }
            }));
        }
        int sameDay = 0;
        for (Map.Entry<String, LocalDate> order : orderFirstDay.entrySet()) {
            LocalDate customerDay = customerFirstDay.get(orderDrops.get(order.getKey()).get(0).get("customer_id"));
            assertThat(customerDay).isBeforeOrEqualTo(order.getValue());
            sameDay += customerDay.equals(order.getValue()) ? 1 : 0;
        }
        assertThat(sameDay).isPositive().isLessThan(orderFirstDay.size());
        assertThat(paymentsOfOrder.values()).anySatisfy(payments -> assertThat(payments).hasSizeGreaterThan(1));
        assertThat(paymentsOfOrder.values().stream().flatMap(List::stream).toList())
                .anySatisfy(payment -> assertThat(payment).startsWith("boleto:1"))
                .anySatisfy(payment -> assertThat(payment).startsWith("voucher:"))
                .anySatisfy(payment -> assertThat(payment).startsWith("debit_card:"))
                .anySatisfy(payment -> assertThat(payment).isEqualTo("credit_card:10"));
    }

    @Test
    void paymentsCoverTheOrderValueAndItemsRepeatSometimes()
    {
        Map<String, BigDecimal> itemsValue = new HashMap<>();
        Map<String, Integer> itemCount = new HashMap<>();
        allRows(LandingEntity.ORDER_ITEMS).forEach(row -> {
            itemsValue.merge(row.get("order_id"), new BigDecimal(row.get("price")).add(new BigDecimal(row.get("shipping_charges"))), BigDecimal::add);
            itemCount.merge(row.get("order_id"), 1, Integer::sum);
        });
        Map<String, BigDecimal> paid = new HashMap<>();
        allRows(LandingEntity.PAYMENTS).forEach(row -> paid.merge(row.get("order_id"), new BigDecimal(row.get("payment_value")), BigDecimal::add));
        assertThat(paid).isEqualTo(itemsValue);
        long multiItem = itemCount.values().stream().filter(count -> count > 1).count();
        assertThat((double) multiItem / itemCount.size()).isBetween(0.03, 0.2);
    }

    @Test
    void someCustomersReturnAndSomeMove()
    {
        Map<String, Integer> ordersPerCustomer = new HashMap<>();
        orderDrops.values().forEach(drops -> ordersPerCustomer.merge(drops.get(0).get("customer_id"), 1, Integer::sum));
        long ordersByReturningCustomers = ordersPerCustomer.values().stream().mapToLong(count -> count - 1L).sum();
        assertThat((double) ordersByReturningCustomers / orderDrops.size()).isBetween(0.03, 0.10);

        Map<String, Set<String>> citiesOfCustomer = new HashMap<>();
        allRows(LandingEntity.CUSTOMERS).forEach(row -> citiesOfCustomer.computeIfAbsent(row.get("customer_id"), id -> new HashSet<>())
                .add(row.get("customer_city") + "/" + row.get("customer_state")));
        assertThat(citiesOfCustomer.values().stream().filter(cities -> cities.size() > 1).count()).isPositive();
    }

    @Test
    void newProductsAppearOverTime()
    {
        long laterProducts = files.get(LandingEntity.PRODUCTS).tailMap(LocalDate.of(2017, 6, 1)).values().stream().mapToLong(file -> file.rows().size()).sum();
        assertThat(laterProducts).isPositive();
        assertThat(files.get(LandingEntity.PRODUCTS).get(LocalDate.of(2017, 1, 1)).rows()).hasSizeGreaterThan(100);
    }

    private static Map<String, LocalDate> firstDays(LandingEntity entity, String key)
    {
        Map<String, LocalDate> firstDays = new HashMap<>();
        files.get(entity).values().forEach(file -> file.rows().forEach(row -> firstDays.putIfAbsent(row.get(key), file.day())));
        return firstDays;
    }

    private static List<Map<String, String>> allRows(LandingEntity entity)
    {
        List<Map<String, String>> rows = new ArrayList<>();
        files.get(entity).values().forEach(file -> rows.addAll(file.rows()));
        return rows;
    }

    private static LocalDateTime purchase(Map<String, String> order)
    {
        return LocalDateTime.parse(order.get("order_purchase_timestamp"), TIMESTAMP);
    }

    private static double mean(List<double[]> values)
    {
        return values.stream().mapToDouble(value -> value[0]).average().orElseThrow();
    }
}
