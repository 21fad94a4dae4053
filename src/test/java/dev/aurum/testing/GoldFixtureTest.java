package dev.aurum.testing;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@SparkTest
class GoldFixtureTest
{
    /** docs/gold-schema.md, column by column. */
    private static final Map<String, String> SCHEMA = new LinkedHashMap<>();

    static {
        SCHEMA.put("order_facts", "order_id:string,customer_id:string,customer_city:string,customer_state:string,order_status:string,purchase_ts:timestamp,"
                + "purchase_date:date,year:int,quarter:int,month:int,week_of_year:int,day_of_week:string,day_of_week_num:int,hour:int,is_weekend:boolean,"
                + "season:string,item_count:int,items_value:decimal(12,2),shipping_value:decimal(12,2),order_value:decimal(12,2),payment_value:decimal(12,2),"
                + "payment_installments:int,primary_payment_type:string,delivered_ts:timestamp,delivery_days:int,estimated_delivery_date:date,is_late:boolean,"
                + "is_revenue:boolean,days_since_first_order:int");
        SCHEMA.put("order_items", "order_id:string,order_item_id:int,product_id:string,product_category:string,seller_id:string,price:decimal(12,2),"
                + "shipping_charges:decimal(12,2),item_value:decimal(12,2),order_status:string,is_revenue:boolean,purchase_date:date,year:int,quarter:int,"
                + "month:int,customer_state:string");
        SCHEMA.put("daily_sales", "date:date,orders:bigint,customers:bigint,items_sold:bigint,revenue:decimal(12,2),avg_order_value:decimal(12,2)");
        SCHEMA.put("customer_spend_quarterly", "customer_id:string,year:int,quarter:int,orders:bigint,total_spend:decimal(12,2)");
        SCHEMA.put("category_sales_monthly", "product_category:string,year:int,month:int,orders:bigint,items_sold:bigint,revenue:decimal(12,2)");
        SCHEMA.put("state_sales_monthly", "customer_state:string,year:int,month:int,orders:bigint,customers:bigint,revenue:decimal(12,2)");
        SCHEMA.put("payment_mix_monthly", "payment_type:string,year:int,month:int,payments:bigint,payment_value:decimal(12,2),avg_installments:double");
        SCHEMA.put("customers", "customer_id:string,customer_city:string,customer_state:string,first_order_date:date,last_order_date:date,orders:bigint,"
                + "lifetime_value:decimal(12,2)");
    }

    private static GoldFixture fixture;

    @BeforeAll
    static void build()
    {
        fixture = GoldFixture.shared();
    }

    @Test
    void everyGoldTableHasExactlyTheDocumentedColumnsAndTypes()
    {
        SparkSession spark = TestSpark.get();
        assertThat(SCHEMA.keySet()).containsExactlyElementsOf(GoldFixture.GOLD_TABLES);
        SCHEMA.forEach((table, columns) -> {
            String actual = Arrays.stream(spark.table("gold." + table).schema().fields())
                    .map(StructField::toString)
                    .collect(Collectors.joining(","));
            String described = Arrays.stream(spark.table("gold." + table).schema().fields())
                    .map(f -> f.name() + ":" + f.dataType().simpleString())
                    .collect(Collectors.joining(","));
            assertThat(described).as(table + " " + actual).isEqualTo(columns);
        });
    }

    @Test
    void goldAgreesWithTheJavaSideOfTheData()
    {
        SparkSession spark = TestSpark.get();
        BigDecimal revenue = fixture.orders().stream().filter(GoldFixture.Order::isRevenue).map(GoldFixture.Order::orderValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        Row row = spark.sql("SELECT COUNT(*), SUM(CASE WHEN is_revenue THEN order_value END), MAX(purchase_date) FROM gold.order_facts").first();

        assertThat(row.getLong(0)).isEqualTo(fixture.orders().size());
        assertThat(row.getDecimal(1)).isEqualByComparingTo(revenue);
        assertThat(row.get(2)).isEqualTo(fixture.dataDate());
        assertThat(spark.sql("SELECT SUM(revenue) FROM gold.daily_sales").first().getDecimal(0)).isEqualByComparingTo(revenue);
        assertThat(spark.sql("SELECT SUM(revenue) FROM gold.category_sales_monthly").first().getDecimal(0)).isEqualByComparingTo(revenue);
        assertThat(spark.sql("SELECT SUM(lifetime_value) FROM gold.customers").first().getDecimal(0)).isEqualByComparingTo(revenue);
        assertThat(spark.sql("SELECT COUNT(DISTINCT order_status) FROM gold.order_facts").first().getLong(0)).isEqualTo(6);
        assertThat(spark.sql("SELECT COUNT(*) FROM gold.order_facts WHERE customer_city = 'sao paulo'").first().getLong(0)).isGreaterThan(0);
        assertThat(spark.sql("SELECT COUNT(*) FROM gold.order_items WHERE product_category = 'electronics'").first().getLong(0)).isGreaterThan(0);
        assertThat(spark.sql("SELECT COUNT(*) FROM gold.order_facts WHERE order_status = 'delivered' AND is_late").first().getLong(0)).isGreaterThan(0);
        assertThat(spark.sql("SELECT COUNT(*) FROM gold.order_facts WHERE order_status = 'delivered' AND NOT is_late").first().getLong(0)).isGreaterThan(0);
        assertThat(spark.sql("SELECT COUNT(DISTINCT payment_type) FROM gold.payment_mix_monthly").first().getLong(0)).isEqualTo(4);
    }
}
