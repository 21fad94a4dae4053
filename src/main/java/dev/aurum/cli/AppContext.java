package dev.aurum.cli;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.lakehouse.SparkSettings;
import dev.aurum.lakehouse.TableRegistry;
import org.apache.spark.sql.SparkSession;

import static java.util.Objects.requireNonNull;

/**
 * The object graph of one command, wired once at the entry point: lakehouse layout and a lazily started Spark
 * session with every lakehouse table registered by name.
 */
public final class AppContext
        implements AutoCloseable
{
    private final LakehouseLayout layout;
    private final SparkSettings settings;
    private SparkSession spark;
    private SparkSession querySession;

    public AppContext(LakehouseLayout layout, SparkSettings settings)
    {
        this.layout = requireNonNull(layout, "layout is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public static AppContext of(CommonOptions options)
    {
        return new AppContext(options.layout(), options.sparkSettings());
    }

    public LakehouseLayout layout()
    {
        return layout;
    }

    public SparkSettings settings()
    {
        return settings;
    }

    /** The pipeline's session (Delta, file access). Started on first use; all lakehouse tables registered. */
    public synchronized SparkSession spark()
    {
        if (spark == null) {
            spark = SparkSessions.create(settings);
            new TableRegistry(spark, layout).registerAll();
        }
        return spark;
    }

    /** The session for user and assistant SQL: same catalog, no path-based file reads. */
    public synchronized SparkSession querySession()
    {
        if (querySession == null) {
            querySession = SparkSessions.querySession(spark());
        }
        return querySession;
    }

    @Override
    public synchronized void close()
    {
        if (spark != null) {
            spark.stop();
            spark = null;
            querySession = null;
        }
    }
}
