package dev.aurum.cli;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Project;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.lakehouse.SparkSettings;
import dev.aurum.lakehouse.TableRegistry;
import org.apache.spark.sql.SparkSession;

import static java.util.Objects.requireNonNull;

/**
 * The object graph of one command, wired once at the entry point: the project, the lakehouse layout and a lazily
 * started Spark session with every lakehouse table registered by name.
 */
public final class AppContext
        implements AutoCloseable
{
    private final LakehouseLayout layout;
    private final SparkSettings settings;
    private final Project project;
    private SparkSession spark;
    private SparkSession querySession;

    /** A context on Aurum's own checkout (the sample project). */
    public AppContext(LakehouseLayout layout, SparkSettings settings)
    {
        this(layout, settings, Project.checkout());
    }

    public AppContext(LakehouseLayout layout, SparkSettings settings, Project project)
    {
        this.layout = requireNonNull(layout, "layout is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.project = requireNonNull(project, "project is null");
    }

    public static AppContext of(CommonOptions options)
    {
        return new AppContext(options.layout(), options.sparkSettings(), options.project());
    }

    /** Where the pipeline, semantic model, evals, dashboards and prompts of this command come from. */
    public Project project()
    {
        return project;
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
