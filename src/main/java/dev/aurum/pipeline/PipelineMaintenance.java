package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * OPTIMIZE (compacts small files) and VACUUM (deletes files no longer referenced and older than the retention) on
 * every Delta table of the lakehouse. The retention defaults to 7 days so time travel and running readers stay safe.
 */
public final class PipelineMaintenance
{
    public static final int DEFAULT_RETAIN_DAYS = 7;

    private final SparkSession spark;
    private final LakehouseLayout layout;

    public PipelineMaintenance(SparkSession spark, LakehouseLayout layout)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
    }

    public List<String> maintain(int retainDays, ProgressListener progress)
    {
        if (retainDays < 0) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--retain-days must be 0 or more, got " + retainDays + ".");
        }
        // Delta refuses a retention under 7 days unless told the user chose it
        spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", String.valueOf(retainDays >= DEFAULT_RETAIN_DAYS));
        List<String> done = new ArrayList<>();
        // the caller holds the pipeline lock: folders a crash left before their table's first commit hold no data
        for (Path folder : DeltaTables.uncommitted(layout)) {
            if (DeltaTables.removeUncommitted(folder)) {
                progress.step(layout.root().relativize(folder) + ": removed (files of a write interrupted before the table's first commit)");
            }
        }
        for (Layer layer : Layer.values()) {
            for (Path table : DeltaTables.tablesIn(layout.root().resolve(layer.folder()))) {
                String location = "delta.`" + table.toAbsolutePath().toUri() + "`";
                long before = DeltaTables.latestVersion(table);
                spark.sql("OPTIMIZE " + location);
                spark.sql("VACUUM " + location + " RETAIN " + (retainDays * 24L) + " HOURS");
                String name = layer.folder() + "/" + table.getFileName();
                progress.step(name + ": optimized and vacuumed (version " + before + " -> " + DeltaTables.latestVersion(table) + ")");
                done.add(name);
            }
        }
        return done;
    }
}
