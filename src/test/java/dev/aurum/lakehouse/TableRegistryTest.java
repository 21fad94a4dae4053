package dev.aurum.lakehouse;

import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SparkTest
class TableRegistryTest
{
    @TempDir
    Path temp;

    @Test
    void registersDeltaTablesOfEveryLayerByName()
    {
        SparkSession spark = TestSpark.get();
        LakehouseLayout layout = new LakehouseLayout(temp.resolve("lake"));
        spark.range(5).toDF("n").write().format("delta").save(layout.table(Layer.GOLD, "registry_probe").toString());

        assertThat(new TableRegistry(spark, layout).registerAll()).contains("gold.registry_probe");
        assertThat(spark.sql("SELECT sum(n) FROM gold.registry_probe").first().getLong(0)).isEqualTo(10L);
        assertThat(spark.conf().get("spark.sql.session.timeZone")).isEqualTo("UTC");
        spark.sql("DROP TABLE gold.registry_probe");
    }

    @Test
    void registeredTableFollowsItsDeltaLogNotTheCatalog()
    {
        SparkSession spark = TestSpark.get();
        LakehouseLayout layout = new LakehouseLayout(temp.resolve("evolving"));
        String path = layout.table(Layer.GOLD, "registry_evolving").toString();
        spark.range(2).toDF("n").write().format("delta").save(path);
        new TableRegistry(spark, layout).registerAll();

        // a column added after registration is visible by name: the catalog entry holds no schema of its own
        spark.sql("SELECT 7L AS n, 'x' AS label").write().format("delta").mode("append").option("mergeSchema", "true").save(path);
        assertThat(spark.table("gold.registry_evolving").columns()).containsExactly("n", "label");
        assertThat(spark.sql("SELECT count(label), sum(n) FROM gold.registry_evolving").first().toString()).isEqualTo("[1,8]");

        // registering again at another folder re-points the name
        String moved = temp.resolve("moved").toString();
        spark.range(4).toDF("m").write().format("delta").save(moved);
        new TableRegistry(spark, layout).registerTable("gold.registry_evolving", Path.of(moved));
        assertThat(spark.sql("SELECT sum(m) FROM gold.registry_evolving").first().getLong(0)).isEqualTo(6L);
        spark.sql("DROP TABLE gold.registry_evolving");
    }

    @Test
    void querySessionCannotReadFilesByPath()
    {
        SparkSession spark = TestSpark.get();
        Path table = temp.resolve("by_path");
        spark.range(3).toDF("n").write().format("delta").save(table.toString());
        assertThat(spark.sql("SELECT count(*) FROM delta.`" + table + "`").first().getLong(0)).isEqualTo(3L);

        SparkSession query = SparkSessions.querySession(spark);
        assertThatThrownBy(() -> query.sql("SELECT count(*) FROM delta.`" + table + "`").collect())
                .isInstanceOf(Exception.class);
    }
}
