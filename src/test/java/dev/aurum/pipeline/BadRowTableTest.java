package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.aurum.pipeline.LandingFixture.drop;
import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the bad-row table of docs/architecture.md, one hand-made case each, lands exactly where the table says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SparkTest
class BadRowTableTest
{
    @TempDir
    static Path lakehouse;

    private SparkSession spark;
    private LakehouseLayout layout;
    private RunSummary firstRun;
    private RunSummary secondRun;

    @BeforeAll
    void buildLakehouse()
    {
        spark = TestSpark.get();
        layout = new LakehouseLayout(lakehouse);
        drop(lakehouse, "customers", "2017-01-01",
                "customer_id,customer_zip_code_prefix,customer_city,customer_state",
                "c1,01310,sao paulo,SP",
                "c2,abc,rio de janeiro,RJ",
                ",12345,campinas,SP",
                "c3,\"22000\",\"rio, de janeiro\",RJ,surplus");
        drop(lakehouse, "products", "2017-01-01",
                "product_id,product_category_name,product_weight_g,product_length_cm,product_height_cm,product_width_cm",
                "p1,bed_bath_table,500,10,10,10",
                "p2,toys,heavy,10,10,10");
        // a reordered header: columns are matched by name
        drop(lakehouse, "orders", "2017-01-01",
                "order_status,order_id,customer_id,order_purchase_timestamp,order_approved_at,order_delivered_timestamp,order_estimated_delivery_date",
                " Delivered ,bad1,c1,2017-01-01 10:00:00,2017-01-01 11:00:00,2017-01-05 10:00:00,2017-01-10",
                "shipped,o2,c2,2017-01-01 12:00:00,not-a-date,,2017-01-12",
                "lost,o3,c1,2017-01-01 13:00:00,,,",
                "delivered,o4,c1,yesterday,,,",
                "canceled,o5,c2,2017-01-01 14:00:00,,,",
                "delivered,o1,c1,2017-01-01 10:00:00,2017-01-01 11:00:00,2017-01-05 10:00:00,2017-01-10");
        drop(lakehouse, "order_items", "2017-01-01",
                "order_id,order_item_id,product_id,seller_id,price,shipping_charges",
                "o1,1,p1,s1,100.00,10.00",
                "o1,2,p-unknown,s1,50.00,5.00",
                "o2,1,p2,s2,-3.00,1.00",
                "o9,1,p1,s1,20.00,2.00",
                "o1,1,p1,s1,100.00,10.00",
                "o5,1,p1,s1,30.00,3.00");
        drop(lakehouse, "payments", "2017-01-01",
                "order_id,payment_sequential,payment_type,payment_installments,payment_value",
                "o1,1,credit_card,3,110.00",
                "o1,2,voucher,1,55.00",
                "o2,1,boleto,1,abc",
                "o8,1,boleto,1,10.00");
        firstRun = runner().run(RunOptions.defaults(), ProgressListener.none());

        drop(lakehouse, "customers", "2017-01-02",
                "customer_id,customer_zip_code_prefix,customer_city,customer_state",
                "c1,20000,rio de janeiro,RJ");
        drop(lakehouse, "orders", "2017-01-02",
                "order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_timestamp,order_estimated_delivery_date,sales_channel",
                "o2,c2,delivered,2017-01-01 12:00:00,,2017-01-15 09:00:00,2017-01-12,web",
                "o1,c1,delivered,2017-01-01 10:00:00,2017-01-01 11:00:00,2017-01-05 10:00:00,2017-01-10,");
        drop(lakehouse, "order_items", "2017-01-02",
                "order_id,order_item_id,product_id,seller_id,shipping_charges",
                "o2,2,p1,s1,4.00",
                "o2,3,p1,s1,4.00");
        secondRun = runner().run(RunOptions.defaults(), ProgressListener.none());
    }

    private PipelineRunner runner()
    {
        PipelineSpec spec = new PipelineSpecLoader(new ProjectFiles(Path.of("."))).load();
        return new PipelineRunner(spark, layout, spec);
    }

    private List<Row> rows(String sql)
    {
        return spark.sql(sql.replace("{lake}", lakehouse.toUri().toString())).collectAsList();
    }

    private long count(String table)
    {
        return spark.read().format("delta").load(lakehouse.resolve(table).toString()).count();
    }

    private Map<String, Long> quarantineRules(String entity)
    {
        Map<String, Long> rules = new java.util.TreeMap<>();
        spark.read().format("delta").load(lakehouse.resolve("silver/" + entity + "_quarantine").toString())
                .groupBy("_rule").count().collectAsList().forEach(row -> rules.put(row.getString(0), row.getLong(1)));
        return rules;
    }

    @Test
    void malformedRowIsKeptRawInBronzeAndQuarantined()
    {
        List<Row> raw = rows("SELECT _raw_line, _bronze_issue, _line_number FROM delta.`{lake}bronze/customers` WHERE _bronze_issue IS NOT NULL");
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).getString(0)).isEqualTo("c3,\"22000\",\"rio, de janeiro\",RJ,surplus");
        assertThat(raw.get(0).getInt(2)).isEqualTo(5);
        assertThat(quarantineRules("customers")).containsEntry("malformed_row", 1L).containsEntry("missing_key", 1L);
    }

    @Test
    void eachRuleQuarantinesItsRow()
    {
        assertThat(quarantineRules("orders")).isEqualTo(Map.of("unknown_status", 1L, "invalid_order_purchase_timestamp", 1L));
        assertThat(quarantineRules("order_items")).isEqualTo(Map.of("invalid_price", 1L, "missing_column", 2L));
        assertThat(quarantineRules("payments")).isEqualTo(Map.of("invalid_payment_value", 1L));
        assertThat(rows("SELECT order_id FROM delta.`{lake}silver/orders_quarantine` WHERE _rule = 'unknown_status'").get(0).getString(0)).isEqualTo("o3");
    }

    @Test
    void unparseableOptionalValueIsNulledAndCounted()
    {
        RunState state = new RunState(spark, layout);
        assertThat(state.totals("customers").nulledByColumn()).isEqualTo(Map.of("nulled_customer_zip_code_prefix", 1L));
        assertThat(state.totals("products").nulledByColumn()).isEqualTo(Map.of("nulled_product_weight_g", 1L));
        assertThat(rows("SELECT customer_zip_code_prefix FROM delta.`{lake}silver/customers` WHERE customer_id = 'c2'").get(0).isNullAt(0)).isTrue();
        assertThat(rows("SELECT product_weight_g FROM delta.`{lake}silver/products` WHERE product_id = 'p2'").get(0).isNullAt(0)).isTrue();
    }

    @Test
    void statusIsTrimmedAndLowerCased()
    {
        assertThat(rows("SELECT order_status FROM delta.`{lake}silver/orders` WHERE order_id = 'bad1'").get(0).getString(0)).isEqualTo("delivered");
    }

    @Test
    void exactDuplicatesAreDroppedAndCounted()
    {
        RunState state = new RunState(spark, layout);
        // o1 item 1 twice in one file; order o1 again, unchanged, on day 2
        assertThat(state.totals("order_items").duplicates()).isEqualTo(1);
        assertThat(state.totals("orders").duplicates()).isEqualTo(1);
    }

    @Test
    void latestDropWinsAndNewColumnFlowsThrough()
    {
        List<Row> o2 = rows("SELECT order_status, sales_channel FROM delta.`{lake}silver/orders` WHERE order_id = 'o2'");
        assertThat(o2).hasSize(1);
        assertThat(o2.get(0).getString(0)).isEqualTo("delivered");
        assertThat(o2.get(0).getString(1)).isEqualTo("web");
        assertThat(new RunState(spark, layout).totals("orders").superseded()).isEqualTo(1);
    }

    @Test
    void customerMoveRelabelsPastOrders()
    {
        assertThat(rows("SELECT customer_state FROM delta.`{lake}gold/order_facts` WHERE order_id = 'o1'").get(0).getString(0)).isEqualTo("RJ");
    }

    @Test
    void orphansStayInSilverOutOfGoldAndAreCounted()
    {
        assertThat(rows("SELECT * FROM delta.`{lake}silver/order_items` WHERE order_id = 'o9'")).hasSize(1);
        assertThat(rows("SELECT * FROM delta.`{lake}gold/order_items` WHERE order_id = 'o9'")).isEmpty();
        assertThat(new RunState(spark, layout).checks()).containsEntry("order_items", Map.of("orphan_order_items", 1L))
                .containsEntry("payments", Map.of("orphan_payments", 1L));
    }

    @Test
    void unknownProductGetsCategoryUnknown()
    {
        assertThat(rows("SELECT product_category FROM delta.`{lake}gold/order_items` WHERE order_id = 'o1' AND order_item_id = 2").get(0).getString(0)).isEqualTo("unknown");
    }

    @Test
    void alreadyIngestedFileIsSkipped()
    {
        assertThat(firstRun.run().bronzeRows()).isEqualTo(4 + 2 + 6 + 6 + 4);
        assertThat(secondRun.run().bronzeRows()).isEqualTo(1 + 2 + 2);
        assertThat(count("bronze/orders")).isEqualTo(8);
    }

    @Test
    void accountingIdentityHoldsPerEntity()
    {
        RunState state = new RunState(spark, layout);
        for (String entity : List.of("customers", "products", "orders", "order_items", "payments")) {
            SilverCounters totals = state.totals(entity);
            long quarantined = count("silver/" + entity + "_quarantine");
            assertThat(count("bronze/" + entity)).as(entity)
                    .isEqualTo(count("silver/" + entity) + totals.superseded() + quarantined + totals.duplicates())
                    .isEqualTo(totals.bronzeRows());
            assertThat(quarantined).as(entity).isEqualTo(totals.quarantined());
        }
    }
}
