package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static dev.aurum.pipeline.LandingFixture.drop;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrupt drops (docs/reference.md, "Crash safety"): a file cut off mid-row, binary garbage, Latin-1 bytes, an empty file, a
 * header-only file, a UTF-8 byte-order mark and a reordered header are each quarantined, reported or read by name,
 * and the refresh goes on; the same day's drop delivered twice adds nothing, and a day's drop delivered again with
 * changed rows wins without duplicating a key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SparkTest
class CorruptDropTest
{
    private static final String CUSTOMERS = "customer_id,customer_zip_code_prefix,customer_city,customer_state";

    @TempDir
    static Path lakehouse;

    private SparkSession spark;
    private LakehouseLayout layout;
    private RunSummary first;
    private RunSummary second;
    private long bronzeAfterFirst;

    @BeforeAll
    void twoRuns()
    {
        spark = TestSpark.get();
        layout = new LakehouseLayout(lakehouse);
        drop(lakehouse, "customers", "2017-01-01", CUSTOMERS, "c1,01310,sao paulo,SP", "c2,20000,rio de janeiro,RJ");
        write("customers", "2017-01-02", ("\uFEFF" + CUSTOMERS + "\nc3,01311,são paulo,SP\n").getBytes(StandardCharsets.UTF_8));
        write("customers", "2017-01-03", (CUSTOMERS + "\nc4,01312,são paulo,SP\n").getBytes(StandardCharsets.ISO_8859_1));
        drop(lakehouse, "customers", "2017-01-04", CUSTOMERS);
        write("customers", "2017-01-05", new byte[0]);
        drop(lakehouse, "customers", "2017-01-06", "customer_state,customer_city,customer_id,customer_zip_code_prefix", "MG,belo horizonte,c6,30000", "RS,porto alegre,c7,90000");
        write("customers", "2017-01-07", (CUSTOMERS + "\nc8,01313,campinas,SP\nc9,0131").getBytes(StandardCharsets.UTF_8));
        byte[] garbage = new byte[600];
        new SplittableRandom(14).nextBytes(garbage);
        garbage[10] = 0;
        garbage[200] = '\n';
        garbage[400] = '\n';
        write("customers", "2017-01-08", garbage);
        drop(lakehouse, "products", "2017-01-01", "product_id,product_category_name,product_weight_g,product_length_cm,product_height_cm,product_width_cm",
                "p1,bed_bath_table,500,10,10,10");
        drop(lakehouse, "orders", "2017-01-01",
                "order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_timestamp,order_estimated_delivery_date",
                "o1,c1,delivered,2017-01-01 10:00:00,2017-01-01 11:00:00,2017-01-05 10:00:00,2017-01-10");
        drop(lakehouse, "order_items", "2017-01-01", "order_id,order_item_id,product_id,seller_id,price,shipping_charges", "o1,1,p1,s1,100.00,10.00");
        drop(lakehouse, "payments", "2017-01-01", "order_id,payment_sequential,payment_type,payment_installments,payment_value", "o1,1,credit_card,1,110.00");
        first = runner().run(RunOptions.defaults(), ProgressListener.none());
        bronzeAfterFirst = CrashHarness.count(spark, layout.table(Layer.BRONZE, "customers"));

        // day 1 delivered again, byte for byte (a new modification time); day 6 again with c6 moved and c7 unchanged
        drop(lakehouse, "customers", "2017-01-01", CUSTOMERS, "c1,01310,sao paulo,SP", "c2,20000,rio de janeiro,RJ");
        touch("customers", "2017-01-01");
        drop(lakehouse, "customers", "2017-01-06", "customer_state,customer_city,customer_id,customer_zip_code_prefix", "SP,santos,c6,11000", "RS,porto alegre,c7,90000");
        touch("customers", "2017-01-06");
        second = runner().run(RunOptions.defaults(), ProgressListener.none());
    }

    @Test
    void everyCorruptKindIsReportedAndTheRefreshGoesOn()
    {
        assertThat(first.run().outcome()).isEqualTo(RunRecord.SUCCEEDED);
        List<String> warnings = first.tables().stream().filter(table -> table.table().equals("bronze.customers")).findFirst().orElseThrow().warnings();
        assertThat(warnings).anyMatch(line -> line.contains("2017-01-03") && line.contains("not UTF-8: read as ISO-8859-1"))
                .anyMatch(line -> line.contains("2017-01-04") && line.contains("header only"))
                .anyMatch(line -> line.contains("2017-01-05") && line.contains("empty file"))
                .anyMatch(line -> line.contains("2017-01-07") && line.contains("1 malformed rows"))
                .anyMatch(line -> line.contains("2017-01-08") && line.contains("binary content"))
                .anyMatch(line -> line.startsWith("rejected landing/customers/2017-01-08/customers.csv: header lacks"));
        assertThat(warnings).noneMatch(line -> line.contains("2017-01-02") || line.contains("2017-01-06"));
        Map<String, Long> ingested = new TreeMap<>();
        spark.read().format("delta").load(new RunState(spark, layout).path(RunState.INGESTED_FILES).toString()).where(col("entity").equalTo("customers"))
                .groupBy("path").count().collectAsList().forEach(row -> ingested.put(row.getString(0), row.getLong(1)));
        assertThat(ingested).as("all eight customer files recorded, the changed re-delivery of day 6 twice").hasSize(8)
                .containsEntry("landing/customers/2017-01-01/customers.csv", 1L).containsEntry("landing/customers/2017-01-06/customers.csv", 2L);
    }

    @Test
    void byteOrderMarkLatin1AndReorderedHeaderAreReadByName()
    {
        Map<String, String> cities = cities();
        assertThat(cities).containsEntry("c3", "são paulo").containsEntry("c4", "são paulo").containsEntry("c7", "porto alegre").containsEntry("c8", "campinas");
        assertThat(state("c3")).isEqualTo("SP");
        assertThat(state("c7")).isEqualTo("RS");
    }

    @Test
    void cutOffRowAndBinaryGarbageAreQuarantinedWhole()
    {
        Map<String, Long> rules = new TreeMap<>();
        spark.read().format("delta").load(layout.table(Layer.SILVER, "customers_quarantine").toString()).groupBy("_source_file", "_rule").count().collectAsList()
                .forEach(row -> rules.put(row.getString(0).replace("landing/customers/", "").replace("/customers.csv", "") + " " + row.getString(1), row.getLong(2)));
        assertThat(rules).containsEntry("2017-01-07 malformed_row", 1L).containsKey("2017-01-08 missing_column").hasSize(2);
        assertThat(spark.read().format("delta").load(layout.table(Layer.SILVER, "customers_quarantine").toString())
                .where(col("_rule").equalTo("malformed_row")).first().<String>getAs("_raw_line")).isEqualTo("c9,0131");
        assertThat(spark.read().format("delta").load(layout.table(Layer.BRONZE, "customers").toString()).columns())
                .as("the garbage header adds no Bronze column").containsOnly(
                        "customer_id", "customer_zip_code_prefix", "customer_city", "customer_state", "_source_file", "_drop_date", "_ingested_at", "_batch_id",
                        "_line_number", "_raw_line", "_bronze_issue");
    }

    @Test
    void sameDropTwiceAddsNothingAndAChangedRedeliveryWins()
    {
        long bronze = CrashHarness.count(spark, layout.table(Layer.BRONZE, "customers"));
        assertThat(bronze).as("day 1 again adds nothing; day 6 again adds its two rows").isEqualTo(bronzeAfterFirst + 2);
        assertThat(cities()).containsEntry("c6", "santos").containsEntry("c1", "sao paulo");
        assertThat(state("c6")).isEqualTo("SP");
        List<Row> silver = spark.read().format("delta").load(layout.table(Layer.SILVER, "customers").toString()).collectAsList();
        assertThat(silver.stream().map(row -> row.<String>getAs("customer_id")).distinct().count()).as("one row per key").isEqualTo(silver.size());
        assertThat(second.tables().stream().filter(table -> table.table().equals("bronze.customers")).findFirst().orElseThrow().warnings())
                .anyMatch(line -> line.contains("2017-01-06") && line.contains("delivered again with changed content"));
        // the accounting identity: Bronze = Silver + superseded + quarantined + duplicates (the unchanged c7 again)
        SilverCounters totals = new RunState(spark, layout).totals("customers");
        long quarantined = CrashHarness.count(spark, layout.table(Layer.SILVER, "customers_quarantine"));
        assertThat(totals.duplicates()).as("c7 delivered again unchanged").isEqualTo(1);
        assertThat(silver.size() + totals.superseded() + quarantined + totals.duplicates()).isEqualTo(bronze);
        assertThat(new PipelineStatus(spark, layout, CrashHarness.spec()).report().tables())
                .allSatisfy(table -> assertThat(table.warnings()).noneMatch(warning -> warning.startsWith("accounting identity broken")));
    }

    private Map<String, String> cities()
    {
        Map<String, String> cities = new TreeMap<>();
        spark.read().format("delta").load(layout.table(Layer.SILVER, "customers").toString()).collectAsList()
                .forEach(row -> cities.put(row.getAs("customer_id"), row.getAs("customer_city")));
        return cities;
    }

    private String state(String customer)
    {
        return spark.read().format("delta").load(layout.table(Layer.SILVER, "customers").toString()).where(col("customer_id").equalTo(customer))
                .first().getAs("customer_state");
    }

    private PipelineRunner runner()
    {
        return new PipelineRunner(spark, layout, CrashHarness.spec());
    }

    private static void write(String entity, String day, byte[] bytes)
    {
        Path file = lakehouse.resolve("landing").resolve(entity).resolve(day).resolve(entity + ".csv");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(String entity, String day)
    {
        Path file = lakehouse.resolve("landing").resolve(entity).resolve(day).resolve(entity + ".csv");
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
