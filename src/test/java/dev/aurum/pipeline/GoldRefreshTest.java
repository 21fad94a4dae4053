package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aurum.pipeline.LandingFixture.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gold refreshes on hand-made drops that exercise every reason a row changes: an order moved to another customer
 * (the old customer's only order, so its Gold rows must go), a customer's move, a product's new category, a
 * status re-drop, and orders without a customer. The refresh must MERGE only the changed scopes and give the Gold
 * of a full build, also after a run stopped right after its first MERGE. The shop refreshes only its per-order tables; these tests also refresh the per-customer ones
 * (with {@code customers.changed.sql} from the test resources), where a customer can lose all their rows.
 */
@SparkTest
class GoldRefreshTest
{
    @TempDir
    Path folder;

    @Test
    void aRefreshMergesOnlyTheChangedScopesAndEqualsAFullBuild() throws IOException
    {
        SparkSession spark = TestSpark.get();
        Path project = refreshingCustomers("customer_id, year, quarter");
        Path lake = folder.resolve("lake");
        List<String> first = new ArrayList<>();
        PipelineRunner runner = firstBuild(project, lake, first::add);
        assertThat(first).as("the first build rebuilds every table").noneMatch(line -> line.contains("refreshed"));

        secondDay(lake);
        // the run stops right after its first MERGE: Gold holds o8 under c2 now, and only the journal still says
        // that c5's rows changed
        PipelineRunner stopping = new PipelineRunner(spark, new LakehouseLayout(lake), spec(project)).afterGoldTable(table -> {
            if (table.equals("order_facts")) {
                throw new IllegalStateException("simulated crash after the MERGE into gold.order_facts");
            }
        });
        assertThatThrownBy(() -> stopping.run(RunOptions.defaults(), ProgressListener.none())).hasMessageContaining("simulated crash");
        assertThat(gold(spark, lake, "order_facts").where("order_id = 'o8'").select("customer_id").first().getString(0)).isEqualTo("c2");
        assertThat(gold(spark, lake, "customers").where("customer_id = 'c5'").count()).as("not refreshed yet").isOne();
        List<String> second = new ArrayList<>();
        runner.run(RunOptions.defaults(), second::add);
        // o5 of c3 is untouched: order_facts keeps it and merges the other 8 (5 updated, 3 new)
        assertThat(second).contains("gold.order_facts: 9 rows (refreshed: 8 rows merged)");
        assertThat(second).anyMatch(line -> line.startsWith("gold.order_items: ") && !line.contains("refreshed"));
        // c1 and c2 updated, c4 new, and c5, whose only order moved to c2, deleted
        assertThat(second).contains("gold.customers: 4 rows (refreshed: 4 rows merged)");
        assertThat(second).anyMatch(line -> line.startsWith("gold.daily_sales: ") && !line.contains("refreshed"));
        assertThat(gold(spark, lake, "customers").where("customer_id = 'c5'").count()).isZero();
        assertThat(gold(spark, lake, "customer_spend_quarterly").where("customer_id = 'c5'").count()).isZero();
        assertThat(gold(spark, lake, "order_facts").where("order_id = 'o1'").select("customer_state").first().getString(0)).as("c1 moved to RJ").isEqualTo("RJ");
        assertThat(gold(spark, lake, "order_items").where("product_id = 'p2'").select("product_category").distinct().collectAsList())
                .as("p2's new category on its old items").extracting(row -> row.getString(0)).containsExactly("games");

        Path full = folder.resolve("full");
        CrashHarness.copyTree(lake, full);
        new PipelineRunner(spark, new LakehouseLayout(full), spec(project)).run(new RunOptions(true, Optional.empty(), Map.of()), ProgressListener.none());
        for (GoldStep step : spec(project).gold()) {
            Dataset<Row> refreshed = gold(spark, lake, step.table());
            Dataset<Row> rebuilt = gold(spark, full, step.table());
            assertThat(refreshed.count()).as("gold.%s rows", step.table()).isEqualTo(rebuilt.count()).isPositive();
            assertThat(refreshed.exceptAll(rebuilt).collectAsList()).as("gold.%s rows only in the refresh", step.table()).isEmpty();
            assertThat(rebuilt.exceptAll(refreshed).collectAsList()).as("gold.%s rows only in the full build", step.table()).isEmpty();
        }

        List<String> idle = new ArrayList<>();
        runner.run(RunOptions.defaults(), idle::add);
        assertThat(idle).contains("gold: up to date");

        // a changed definition rebuilds instead of refreshing
        List<String> progress = new ArrayList<>();
        runner.run(new RunOptions(false, Optional.empty(), Map.of("unknown_category", "other")), progress::add);
        assertThat(progress).anyMatch(line -> line.startsWith("gold.order_facts: ")).noneMatch(line -> line.contains("refreshed"));
        assertThat(gold(spark, lake, "order_items").where("product_id = 'p9'").select("product_category").first().getString(0)).isEqualTo("other");
    }

    @Test
    void aRefreshKeyThatIsNotUniqueFailsClearlyAndLeavesGoldAsItWas() throws IOException
    {
        SparkSession spark = TestSpark.get();
        Path project = refreshingCustomers("customer_id");
        Path lake = folder.resolve("lake");
        PipelineRunner runner = firstBuild(project, lake, ProgressListener.none());
        List<Row> before = gold(spark, lake, "customer_spend_quarterly").collectAsList();
        secondDay(lake);

        assertThatThrownBy(() -> runner.run(RunOptions.defaults(), ProgressListener.none()))
                .isInstanceOf(AurumException.class)
                .hasMessageContaining("gives more than one row for a value of gold.customer_spend_quarterly's refresh key [customer_id]");
        assertThat(gold(spark, lake, "customer_spend_quarterly").collectAsList()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void theSpecRejectsReservedParametersAndIncompleteRefreshes() throws IOException
    {
        Path project = folder.resolve("project");
        CrashHarness.copyTree(Path.of("pipelines"), project.resolve("pipelines"));
        Path yaml = project.resolve("pipelines/ecommerce.yaml");
        String text = Files.readString(yaml);

        Files.writeString(yaml, text.replace("parameters:\n", "parameters:\n  in_scope: \"x\"\n"));
        assertThatThrownBy(() -> spec(project)).isInstanceOf(AurumException.class).hasMessageContaining("parameter 'in_scope' is reserved");

        Files.writeString(yaml, text.replace("refresh: {key: [order_id], scope: [order_id], changed: gold/order_facts.changed.sql}", "refresh: {key: [order_id]}"));
        assertThatThrownBy(() -> spec(project)).isInstanceOf(AurumException.class).hasMessageContaining("gold table 'order_facts' refresh needs a list 'scope'");

        String withoutRefresh = text.replace(",\n     refresh: {key: [order_id], scope: [order_id], changed: gold/order_facts.changed.sql}", "");
        assertThat(withoutRefresh).isNotEqualTo(text);
        Files.writeString(yaml, withoutRefresh);
        assertThatThrownBy(() -> spec(project)).as("${in_scope} without a refresh").isInstanceOf(AurumException.class)
                .hasMessageContaining("gold table 'order_facts': its SQL uses ${in_scope}, which only a table with refresh: has");
    }

    /** The shop's project, with gold.customers and gold.customer_spend_quarterly (keyed on {@code quarterKey}) refreshed too. */
    private Path refreshingCustomers(String quarterKey) throws IOException
    {
        Path project = folder.resolve("project");
        CrashHarness.copyTree(Path.of("pipelines"), project.resolve("pipelines"));
        Path gold = project.resolve("pipelines/gold");
        Files.copy(Path.of("src/test/resources/customers.changed.sql"), gold.resolve("customers.changed.sql"));
        for (String table : List.of("customers", "customer_spend_quarterly")) {
            Path sql = gold.resolve(table + ".sql");
            String text = Files.readString(sql);
            assertThat(text).contains("WHERE customer_id IS NOT NULL\n");
            Files.writeString(sql, text.replace("WHERE customer_id IS NOT NULL\n", "WHERE customer_id IS NOT NULL AND ${in_scope}\n"));
        }
        Path yaml = project.resolve("pipelines/ecommerce.yaml");
        String text = Files.readString(yaml);
        String refreshed = text
                .replace("{table: customer_spend_quarterly, sql: gold/customer_spend_quarterly.sql}",
                        "{table: customer_spend_quarterly, sql: gold/customer_spend_quarterly.sql, refresh: {key: [" + quarterKey + "], scope: [customer_id], changed: gold/customers.changed.sql}}")
                .replace("{table: customers, sql: gold/customers.sql}",
                        "{table: customers, sql: gold/customers.sql, refresh: {key: [customer_id], scope: [customer_id], changed: gold/customers.changed.sql}}");
        assertThat(refreshed.split("changed: gold/customers.changed.sql", -1)).hasSize(3);
        Files.writeString(yaml, refreshed);
        return project;
    }

    /** {@code lake} after one run over {@link #firstDay}; returns the runner for the later runs. */
    private static PipelineRunner firstBuild(Path project, Path lake, ProgressListener progress)
    {
        firstDay(lake);
        PipelineRunner runner = new PipelineRunner(TestSpark.get(), new LakehouseLayout(lake), spec(project));
        runner.run(RunOptions.defaults(), progress);
        return runner;
    }

    private static PipelineSpec spec(Path project)
    {
        return new PipelineSpecLoader(new ProjectFiles(project)).load();
    }

    private static Dataset<Row> gold(SparkSession spark, Path lake, String table)
    {
        return spark.read().format("delta").load(new LakehouseLayout(lake).table(Layer.GOLD, table).toString());
    }

    private static void firstDay(Path lake)
    {
        drop(lake, "customers", "2017-01-01",
                "customer_id,customer_zip_code_prefix,customer_city,customer_state",
                "c1,01310,sao paulo,SP",
                "c2,20000,rio de janeiro,RJ",
                "c3,13000,campinas,SP",
                "c5,30000,belo horizonte,MG");
        drop(lake, "products", "2017-01-01",
                "product_id,product_category_name,product_weight_g,product_length_cm,product_height_cm,product_width_cm",
                "p1,bed_bath_table,500,10,10,10",
                "p2,toys,300,10,10,10");
        drop(lake, "orders", "2017-01-01",
                "order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_timestamp,order_estimated_delivery_date",
                "o1,c1,delivered,2017-01-01 10:00:00,2017-01-01 11:00:00,2017-01-05 10:00:00,2017-01-10",
                "o2,c1,shipped,2017-01-01 12:00:00,,,2017-01-12",
                "o3,c2,delivered,2017-01-01 13:00:00,,2017-01-04 10:00:00,2017-01-09",
                "o4,,delivered,2017-01-01 14:00:00,,,",
                "o5,c3,delivered,2017-01-01 15:00:00,,,",
                "o8,c5,invoiced,2017-01-01 16:00:00,,,");
        drop(lake, "order_items", "2017-01-01",
                "order_id,order_item_id,product_id,seller_id,price,shipping_charges",
                "o1,1,p1,s1,100.00,10.00",
                "o2,1,p2,s1,50.00,5.00",
                "o3,1,p2,s2,30.00,3.00",
                "o4,1,p1,s1,20.00,2.00",
                "o5,1,p2,s1,40.00,4.00",
                "o8,1,p1,s2,60.00,6.00");
        drop(lake, "payments", "2017-01-01",
                "order_id,payment_sequential,payment_type,payment_installments,payment_value",
                "o1,1,credit_card,3,110.00",
                "o2,1,boleto,1,55.00",
                "o3,1,voucher,1,33.00",
                "o5,1,credit_card,2,44.00",
                "o8,1,boleto,1,66.00");
    }

    /**
     * c1 moves to RJ; o8, c5's only order, moves to c2; o2 is delivered; p2 (also on o5's item) becomes games; new
     * orders: o7 without a customer and earlier than o4, o9 of c2 in an earlier quarter.
     */
    private static void secondDay(Path lake)
    {
        drop(lake, "customers", "2017-01-02",
                "customer_id,customer_zip_code_prefix,customer_city,customer_state",
                "c1,20000,rio de janeiro,RJ",
                "c4,40000,salvador,BA");
        drop(lake, "products", "2017-01-02",
                "product_id,product_category_name,product_weight_g,product_length_cm,product_height_cm,product_width_cm",
                "p2,games,300,10,10,10");
        drop(lake, "orders", "2017-01-02",
                "order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_timestamp,order_estimated_delivery_date",
                "o2,c1,delivered,2017-01-01 12:00:00,,2017-01-03 09:00:00,2017-01-12",
                "o8,c2,invoiced,2017-01-01 16:00:00,,,",
                "o6,c4,created,2017-01-02 09:00:00,,,",
                "o7,,approved,2016-12-31 09:00:00,,,",
                "o9,c2,delivered,2016-10-01 09:00:00,,,");
        drop(lake, "order_items", "2017-01-02",
                "order_id,order_item_id,product_id,seller_id,price,shipping_charges",
                "o6,1,p9,s1,70.00,7.00",
                "o7,1,p2,s2,80.00,8.00");
        drop(lake, "payments", "2017-01-02",
                "order_id,payment_sequential,payment_type,payment_installments,payment_value",
                "o6,1,credit_card,1,77.00");
    }
}
