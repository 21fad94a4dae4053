package dev.aurum.pipeline;

import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.TableRegistry;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Points catalog names ({@code silver.orders}, {@code gold.order_facts}, …) at this lakehouse's Delta folders,
 * replacing a registration that points elsewhere (one session may have served another lakehouse before, as in
 * tests). Names are external tables: dropping one never touches its data.
 */
public final class CatalogTables
{
    private final SparkSession spark;
    private final LakehouseLayout layout;

    public CatalogTables(SparkSession spark, LakehouseLayout layout)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
    }

    public void point(Layer layer, String table)
    {
        Path location = layout.table(layer, table);
        if (!DeltaTables.exists(location)) {
            return;
        }
        new TableRegistry(spark, layout).registerTable(layer.database() + "." + table, location);
    }

    /** Points every Delta table of the lakehouse (all layers) at its folder; returns how many. */
    public int pointAll()
    {
        int count = 0;
        for (Layer layer : Layer.values()) {
            for (Path table : DeltaTables.tablesIn(layout.root().resolve(layer.folder()))) {
                point(layer, table.getFileName().toString());
                count++;
            }
        }
        return count;
    }

}
