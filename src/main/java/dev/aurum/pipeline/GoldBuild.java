package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Builds one Gold table from its SQL (over {@code silver.*} and earlier {@code gold.*} tables) and overwrites it.
 * Gold is rebuilt in full when its inputs changed: measured cheaper than tracking affected periods at SF1 (see the
 * README), because customers are type 1 (a move re-labels all their orders) and days_since_first_order spans a
 * customer's whole history.
 */
public final class GoldBuild
{
    private final SparkSession spark;
    private final LakehouseLayout layout;
    private final CatalogTables catalog;

    GoldBuild(SparkSession spark, LakehouseLayout layout, CatalogTables catalog)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** Builds the table and returns its row count. */
    public long build(GoldStep step, Map<String, String> parameters)
    {
        Dataset<Row> result;
        try {
            result = spark.sql(PipelineSpec.substitute(step.sql(), parameters, step.sqlFile()));
        }
        catch (RuntimeException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Gold SQL " + step.sqlFile() + " failed: " + e.getMessage() + " Fix the SQL file and run again.", e);
        }
        String path = layout.table(Layer.GOLD, step.table()).toString();
        result.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(path);
        catalog.point(Layer.GOLD, step.table());
        // the commit's own row count spares a second Spark job per table
        return DeltaCommits.latestOutputRows(layout.table(Layer.GOLD, step.table())).orElseGet(() -> spark.read().format("delta").load(path).count());
    }
}
