package dev.aurum.cli;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Project;
import dev.aurum.lakehouse.SparkSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes: which project, where the lakehouse is, which Spark master to use, how chatty to be. */
public class CommonOptions
{
    @Option(names = "--project", paramLabel = "DIR", defaultValue = "${env:AURUM_PROJECT}",
            description = "Project folder holding pipelines/, semantic-model/, evals/ (and optionally dashboards/, prompts/) "
                    + "(env AURUM_PROJECT; default: Aurum's own checkout with the sample shop).")
    Path project;

    @Option(names = "--lakehouse", paramLabel = "DIR", defaultValue = "${env:AURUM_LAKEHOUSE}",
            description = "Lakehouse folder (env AURUM_LAKEHOUSE; default: lakehouse, or DIR/lakehouse with --project DIR).")
    Path lakehouse;

    private Project resolved;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "${env:AURUM_SPARK_MASTER:-local[*]}",
            description = "Spark master: local[*] (default), local[N], spark://HOST:7077, ... (env AURUM_SPARK_MASTER).")
    String master;

    @Option(names = "--verbose", description = "Show Spark's log output and full stack traces.")
    boolean verbose;

    public LakehouseLayout layout()
    {
        if (lakehouse != null && !lakehouse.toString().isBlank()) {
            return new LakehouseLayout(lakehouse);
        }
        return new LakehouseLayout(project == null || project.toString().isBlank() ? Path.of("lakehouse") : project.resolve("lakehouse"));
    }

    /** The project of {@code --project} (or AURUM_PROJECT), else the checkout; resolved once. */
    public synchronized Project project()
    {
        if (resolved == null) {
            resolved = Project.resolve(project);
        }
        return resolved;
    }

    public SparkSettings sparkSettings()
    {
        return SparkSettings.defaults().withMaster(master).withVerbose(verbose);
    }

    public boolean verbose()
    {
        return verbose;
    }
}
