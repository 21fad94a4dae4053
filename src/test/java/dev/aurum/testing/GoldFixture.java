package dev.aurum.testing;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A small, hand-written, deterministic Gold layer for tests: every table of docs/gold-schema.md with exactly its
 * columns and types, as Delta tables in a lakehouse folder, registered as {@code gold.*} in the given session.
 * Also a {@code silver.orders} and a {@code bronze.orders} table, so tests can show that they cannot be read.
 *
 * <p>The data: 48 orders from 2017-01-03 to 2018-12 (one every 15 days) by 12 customers in 7 states (including
 * "sao paulo" SP), 9 products in 7 categories (including electronics and one product without a category), every
 * payment type, statuses delivered, shipped, invoiced, processing, canceled and unavailable, one order without
 * items and one without payments. The Java side of the data is in {@link #orders()} so tests can compute expected
 * values independently of Spark.
 *
 * <p>Until the pipeline's {@code TestLakehouse} lands, planner and eval tests may reuse it: call
 * {@link #create(SparkSession, Path)} once per test class (it re-points the table names at its folder).
 */
public final class GoldFixture
{
    public record Customer(String customerId, String city, String state) {}

    public record Product(String productId, String category) {}

    public record Item(int orderItemId, Product product, String sellerId, BigDecimal price, BigDecimal shippingCharges) {}

    public record Payment(int sequential, String type, int installments, BigDecimal value) {}

    public record Order(String orderId, Customer customer, String status, LocalDateTime purchaseTimestamp, LocalDateTime deliveredTimestamp,
            LocalDate estimatedDeliveryDate, List<Item> items, List<Payment> payments)
    {
        public boolean isRevenue()
        {
            return !status.equals("canceled") && !status.equals("unavailable");
        }

        public BigDecimal orderValue()
        {
            return items.stream().map(i -> i.price().add(i.shippingCharges())).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }

    public static final List<String> GOLD_TABLES = List.of("order_facts", "order_items", "daily_sales", "customer_spend_quarterly",
            "category_sales_monthly", "state_sales_monthly", "payment_mix_monthly", "customers");

    private static final List<Customer> CUSTOMERS = List.of(
            new Customer("c01", "sao paulo", "SP"),
            new Customer("c02", "sao paulo", "SP"),
            new Customer("c03", "campinas", "SP"),
            new Customer("c04", "rio de janeiro", "RJ"),
            new Customer("c05", "niteroi", "RJ"),
            new Customer("c06", "belo horizonte", "MG"),
            new Customer("c07", "porto alegre", "RS"),
            new Customer("c08", "salvador", "BA"),
            new Customer("c09", "curitiba", "PR"),
            new Customer("c10", "sao paulo", "SP"),
            new Customer("c11", "brasilia", "DF"),
            new Customer("c12", "rio de janeiro", "RJ"));

    private static final List<Product> PRODUCTS = List.of(
            new Product("p01", "electronics"),
            new Product("p02", "bed_bath_table"),
            new Product("p03", "health_beauty"),
            new Product("p04", "sports_leisure"),
            new Product("p05", "computers_accessories"),
            new Product("p06", "toys"),
            new Product("p07", "electronics"),
            new Product("p08", "watches_gifts"),
            new Product("p09", "unknown"));

    private static final List<String> PAYMENT_TYPES = List.of("credit_card", "boleto", "debit_card", "credit_card");

    private final SparkSession spark;
    private final LakehouseLayout layout;
    private final List<Order> orders;

    private GoldFixture(SparkSession spark, LakehouseLayout layout, List<Order> orders)
    {
        this.spark = spark;
        this.layout = layout;
        this.orders = orders;
    }

    private static GoldFixture shared;

    /**
     * One fixture per test JVM (writing ten Delta tables costs seconds), in a temporary folder deleted at exit, built
     * in {@link TestSpark}'s session. Re-registers the table names at its folders on every call, so call it in each
     * test class's {@code @BeforeAll}. Tests must not change its tables.
     */
    public static synchronized GoldFixture shared()
    {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("aurum-gold-fixture");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(root)));
                shared = create(TestSpark.get(), root);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        else {
            shared.register();
        }
        return shared;
    }

    private static void deleteRecursively(Path root)
    {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // best effort at exit
        }
    }

    /** Writes the Delta tables under {@code root} (a fresh folder) and registers them by name in {@code spark}. */
    public static GoldFixture create(SparkSession spark, Path root)
    {
        requireNonNull(spark, "spark is null");
        LakehouseLayout layout = new LakehouseLayout(requireNonNull(root, "root is null"));
        GoldFixture fixture = new GoldFixture(spark, layout, buildOrders());
        fixture.write();
        return fixture;
    }

    /** The orders behind every Gold table, as plain Java values. */
    public List<Order> orders()
    {
        return orders;
    }

    public LakehouseLayout layout()
    {
        return layout;
    }

    /** The latest purchase date (the data date). */
    public LocalDate dataDate()
    {
        return orders.stream().map(o -> o.purchaseTimestamp().toLocalDate()).max(LocalDate::compareTo).orElseThrow();
    }

    /** Re-points the table names at this fixture's folders (after another test registered other folders). */
    public void register()
    {
        for (String name : GOLD_TABLES) {
            registerTable(Layer.GOLD, name);
        }
        registerTable(Layer.SILVER, "orders");
        registerTable(Layer.BRONZE, "orders");
    }

    private static List<Order> buildOrders()
    {
        List<Order> orders = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2017, 1, 3, 10, 0);
        for (int i = 0; i < 48; i++) {
            Customer customer = CUSTOMERS.get(i % CUSTOMERS.size());
            LocalDateTime purchase = start.plusDays(15L * i).plusHours((i * 7L) % 13).plusMinutes((i * 13L) % 60);
            String status;
            if (i >= 45) {
                status = List.of("shipped", "invoiced", "processing").get(i - 45);
            }
            else if (i % 11 == 3) {
                status = "canceled";
            }
            else if (i % 13 == 5) {
                status = "unavailable";
            }
            else {
                status = "delivered";
            }
            List<Item> items = new ArrayList<>();
            int itemCount = i == 20 ? 0 : 1 + i % 3;
            for (int k = 0; k < itemCount; k++) {
                Product product = PRODUCTS.get((i + 2 * k) % PRODUCTS.size());
                BigDecimal price = BigDecimal.valueOf(1000 + (i * 3700L + k * 1100L) % 19000, 2).add(BigDecimal.valueOf(90, 2));
                BigDecimal shipping = BigDecimal.valueOf(500 + ((i + k) % 20) * 100L + 50, 2);
                items.add(new Item(k + 1, product, "s" + ((i + k) % 4 + 1), price, shipping));
            }
            BigDecimal value = items.stream().map(it -> it.price().add(it.shippingCharges())).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            List<Payment> payments = new ArrayList<>();
            if (i == 21) {
                // no payment at all
            }
            else if (i % 5 == 0 && value.signum() > 0) {
                BigDecimal voucher = BigDecimal.valueOf(2000, 2).min(value);
                payments.add(new Payment(1, "voucher", 1, voucher));
                payments.add(new Payment(2, "credit_card", 1 + i % 6, value.subtract(voucher)));
            }
            else {
                payments.add(new Payment(1, PAYMENT_TYPES.get(i % PAYMENT_TYPES.size()), 1 + i % 6, value));
            }
            LocalDate estimated = purchase.toLocalDate().plusDays(10);
            LocalDateTime delivered = status.equals("delivered") ? purchase.plusDays(3 + (i * 5L) % 17).withHour(15) : null;
            orders.add(new Order(String.format("o%02d", i + 1), customer, status, purchase, delivered, estimated, List.copyOf(items), List.copyOf(payments)));
        }
        return List.copyOf(orders);
    }

    private void write()
    {
        StructType orderSchema = new StructType()
                .add("order_id", DataTypes.StringType)
                .add("customer_id", DataTypes.StringType)
                .add("customer_city", DataTypes.StringType)
                .add("customer_state", DataTypes.StringType)
                .add("order_status", DataTypes.StringType)
                .add("purchase_ts", DataTypes.TimestampType)
                .add("delivered_ts", DataTypes.TimestampType)
                .add("estimated_delivery_date", DataTypes.DateType);
        StructType itemSchema = new StructType()
                .add("order_id", DataTypes.StringType)
                .add("order_item_id", DataTypes.IntegerType)
                .add("product_id", DataTypes.StringType)
                .add("product_category", DataTypes.StringType)
                .add("seller_id", DataTypes.StringType)
                .add("price", DataTypes.createDecimalType(12, 2))
                .add("shipping_charges", DataTypes.createDecimalType(12, 2));
        StructType paymentSchema = new StructType()
                .add("order_id", DataTypes.StringType)
                .add("payment_sequential", DataTypes.IntegerType)
                .add("payment_type", DataTypes.StringType)
                .add("payment_installments", DataTypes.IntegerType)
                .add("payment_value", DataTypes.createDecimalType(12, 2));
        List<Row> orderRows = new ArrayList<>();
        List<Row> itemRows = new ArrayList<>();
        List<Row> paymentRows = new ArrayList<>();
        for (Order order : orders) {
            orderRows.add(RowFactory.create(order.orderId(), order.customer().customerId(), order.customer().city(), order.customer().state(), order.status(),
                    instant(order.purchaseTimestamp()), order.deliveredTimestamp() == null ? null : instant(order.deliveredTimestamp()),
                    order.estimatedDeliveryDate()));
            for (Item item : order.items()) {
                itemRows.add(RowFactory.create(order.orderId(), item.orderItemId(), item.product().productId(), item.product().category(), item.sellerId(),
                        item.price(), item.shippingCharges()));
            }
            for (Payment payment : order.payments()) {
                paymentRows.add(RowFactory.create(order.orderId(), payment.sequential(), payment.type(), payment.installments(), payment.value()));
            }
        }
        spark.createDataFrame(orderRows, orderSchema).createOrReplaceTempView("gold_fixture_orders");
        spark.createDataFrame(itemRows, itemSchema).createOrReplaceTempView("gold_fixture_items");
        spark.createDataFrame(paymentRows, paymentSchema).createOrReplaceTempView("gold_fixture_payments");

        Map<String, String> gold = new LinkedHashMap<>();
        gold.put("order_facts", ORDER_FACTS);
        gold.put("order_items", ORDER_ITEMS);
        for (Map.Entry<String, String> table : gold.entrySet()) {
            save(Layer.GOLD, table.getKey(), spark.sql(table.getValue()));
            spark.read().format("delta").load(layout.table(Layer.GOLD, table.getKey()).toString()).createOrReplaceTempView("gold_fixture_" + table.getKey());
        }
        save(Layer.GOLD, "daily_sales", spark.sql(DAILY_SALES));
        save(Layer.GOLD, "customer_spend_quarterly", spark.sql(CUSTOMER_SPEND_QUARTERLY));
        save(Layer.GOLD, "category_sales_monthly", spark.sql(CATEGORY_SALES_MONTHLY));
        save(Layer.GOLD, "state_sales_monthly", spark.sql(STATE_SALES_MONTHLY));
        save(Layer.GOLD, "payment_mix_monthly", spark.sql(PAYMENT_MIX_MONTHLY));
        save(Layer.GOLD, "customers", spark.sql(CUSTOMERS_SQL));
        save(Layer.SILVER, "orders", spark.sql("SELECT order_id, customer_id, order_status, purchase_ts FROM gold_fixture_orders"));
        save(Layer.BRONZE, "orders", spark.sql("SELECT order_id, customer_id, order_status, CAST(purchase_ts AS STRING) AS order_purchase_timestamp FROM gold_fixture_orders"));
        register();
    }

    private void save(Layer layer, String name, Dataset<Row> rows)
    {
        Path folder = layout.table(layer, name);
        try {
            Files.createDirectories(folder.getParent());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.coalesce(1).write().format("delta").mode("overwrite").save(folder.toString());
    }

    private void registerTable(Layer layer, String name)
    {
        String qualified = layer.database() + "." + name;
        String uri = layout.table(layer, name).toUri().toString();
        spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.database());
        if (spark.catalog().tableExists(qualified) && layout.table(layer, name).equals(location(layer, name))) {
            return;
        }
        spark.sql("DROP TABLE IF EXISTS " + qualified);
        spark.sql("CREATE TABLE " + qualified + " USING delta LOCATION '" + uri.replace("'", "\\'") + "'");
    }

    private Path location(Layer layer, String name)
    {
        try {
            java.net.URI uri = spark.sessionState().catalog().getTableMetadata(
                    new org.apache.spark.sql.catalyst.TableIdentifier(name, scala.Option.apply(layer.database()))).location();
            return Path.of(uri);
        }
        catch (Exception e) {
            return null;
        }
    }

    private static Instant instant(LocalDateTime timestamp)
    {
        return timestamp.toInstant(ZoneOffset.UTC);
    }

    private static final String ORDER_FACTS = """
            WITH items AS (
              SELECT order_id, COUNT(*) AS item_count, SUM(price) AS items_value, SUM(shipping_charges) AS shipping_value
              FROM gold_fixture_items GROUP BY order_id
            ), payments AS (
              SELECT order_id, SUM(payment_value) AS payment_value, MAX(payment_installments) AS payment_installments,
                     MAX_BY(payment_type, STRUCT(payment_value, -payment_sequential)) AS primary_payment_type
              FROM gold_fixture_payments GROUP BY order_id
            ), base AS (
              SELECT o.*, CAST(o.purchase_ts AS DATE) AS purchase_date FROM gold_fixture_orders o
            )
            SELECT
              b.order_id, b.customer_id, b.customer_city, b.customer_state, b.order_status, b.purchase_ts, b.purchase_date,
              CAST(YEAR(b.purchase_date) AS INT) AS year,
              CAST(QUARTER(b.purchase_date) AS INT) AS quarter,
              CAST(MONTH(b.purchase_date) AS INT) AS month,
              CAST(WEEKOFYEAR(b.purchase_date) AS INT) AS week_of_year,
              DATE_FORMAT(b.purchase_date, 'EEEE') AS day_of_week,
              CAST((DAYOFWEEK(b.purchase_date) + 5) % 7 + 1 AS INT) AS day_of_week_num,
              CAST(HOUR(b.purchase_ts) AS INT) AS hour,
              DAYOFWEEK(b.purchase_date) IN (1, 7) AS is_weekend,
              CASE WHEN MONTH(b.purchase_date) IN (12, 1, 2) THEN 'Summer' WHEN MONTH(b.purchase_date) IN (3, 4, 5) THEN 'Autumn'
                   WHEN MONTH(b.purchase_date) IN (6, 7, 8) THEN 'Winter' ELSE 'Spring' END AS season,
              CAST(COALESCE(i.item_count, 0) AS INT) AS item_count,
              CAST(COALESCE(i.items_value, 0) AS DECIMAL(12,2)) AS items_value,
              CAST(COALESCE(i.shipping_value, 0) AS DECIMAL(12,2)) AS shipping_value,
              CAST(COALESCE(i.items_value, 0) + COALESCE(i.shipping_value, 0) AS DECIMAL(12,2)) AS order_value,
              CAST(COALESCE(p.payment_value, 0) AS DECIMAL(12,2)) AS payment_value,
              CAST(p.payment_installments AS INT) AS payment_installments,
              p.primary_payment_type,
              b.delivered_ts,
              CAST(DATEDIFF(CAST(b.delivered_ts AS DATE), b.purchase_date) AS INT) AS delivery_days,
              b.estimated_delivery_date,
              CASE WHEN b.delivered_ts IS NULL THEN NULL ELSE CAST(b.delivered_ts AS DATE) > b.estimated_delivery_date END AS is_late,
              b.order_status NOT IN ('canceled', 'unavailable') AS is_revenue,
              CAST(DATEDIFF(b.purchase_date, MIN(b.purchase_date) OVER (PARTITION BY b.customer_id)) AS INT) AS days_since_first_order
            FROM base b
            LEFT JOIN items i ON i.order_id = b.order_id
            LEFT JOIN payments p ON p.order_id = b.order_id
            """;

    private static final String ORDER_ITEMS = """
            SELECT i.order_id, i.order_item_id, i.product_id, i.product_category, i.seller_id, i.price, i.shipping_charges,
                   CAST(i.price + i.shipping_charges AS DECIMAL(12,2)) AS item_value,
                   o.order_status, o.order_status NOT IN ('canceled', 'unavailable') AS is_revenue,
                   CAST(o.purchase_ts AS DATE) AS purchase_date,
                   CAST(YEAR(o.purchase_ts) AS INT) AS year, CAST(QUARTER(o.purchase_ts) AS INT) AS quarter, CAST(MONTH(o.purchase_ts) AS INT) AS month,
                   o.customer_state
            FROM gold_fixture_items i JOIN gold_fixture_orders o ON o.order_id = i.order_id
            """;

    private static final String DAILY_SALES = """
            SELECT purchase_date AS date,
                   CAST(COUNT(*) AS BIGINT) AS orders,
                   CAST(COUNT(DISTINCT customer_id) AS BIGINT) AS customers,
                   CAST(COALESCE(SUM(CASE WHEN is_revenue THEN item_count END), 0) AS BIGINT) AS items_sold,
                   CAST(COALESCE(SUM(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS revenue,
                   CAST(ROUND(SUM(CASE WHEN is_revenue THEN order_value END) / NULLIF(COUNT(CASE WHEN is_revenue THEN 1 END), 0), 2) AS DECIMAL(12,2)) AS avg_order_value
            FROM gold_fixture_order_facts GROUP BY purchase_date
            """;

    private static final String CUSTOMER_SPEND_QUARTERLY = """
            SELECT customer_id, year, quarter, CAST(COUNT(*) AS BIGINT) AS orders,
                   CAST(COALESCE(SUM(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS total_spend
            FROM gold_fixture_order_facts GROUP BY customer_id, year, quarter
            """;

    private static final String CATEGORY_SALES_MONTHLY = """
            SELECT product_category, year, month, CAST(COUNT(DISTINCT order_id) AS BIGINT) AS orders,
                   CAST(COUNT(CASE WHEN is_revenue THEN 1 END) AS BIGINT) AS items_sold,
                   CAST(COALESCE(SUM(CASE WHEN is_revenue THEN item_value END), 0) AS DECIMAL(12,2)) AS revenue
            FROM gold_fixture_order_items GROUP BY product_category, year, month
            """;

    private static final String STATE_SALES_MONTHLY = """
            SELECT customer_state, year, month, CAST(COUNT(*) AS BIGINT) AS orders, CAST(COUNT(DISTINCT customer_id) AS BIGINT) AS customers,
                   CAST(COALESCE(SUM(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS revenue
            FROM gold_fixture_order_facts GROUP BY customer_state, year, month
            """;

    private static final String PAYMENT_MIX_MONTHLY = """
            SELECT p.payment_type, f.year, f.month,
                   CAST(COUNT(CASE WHEN f.is_revenue THEN 1 END) AS BIGINT) AS payments,
                   CAST(COALESCE(SUM(CASE WHEN f.is_revenue THEN p.payment_value END), 0) AS DECIMAL(12,2)) AS payment_value,
                   AVG(CASE WHEN f.is_revenue THEN CAST(p.payment_installments AS DOUBLE) END) AS avg_installments
            FROM gold_fixture_payments p JOIN gold_fixture_order_facts f ON f.order_id = p.order_id
            GROUP BY p.payment_type, f.year, f.month
            """;

    private static final String CUSTOMERS_SQL = """
            SELECT customer_id, MAX(customer_city) AS customer_city, MAX(customer_state) AS customer_state,
                   MIN(purchase_date) AS first_order_date, MAX(purchase_date) AS last_order_date,
                   CAST(COUNT(*) AS BIGINT) AS orders,
                   CAST(COALESCE(SUM(CASE WHEN is_revenue THEN order_value END), 0) AS DECIMAL(12,2)) AS lifetime_value
            FROM gold_fixture_order_facts GROUP BY customer_id
            """;
}
