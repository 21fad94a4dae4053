package dev.aurum.cli;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.SparkSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes: where the lakehouse is, which Spark master to use, how chatty to be. */
public class CommonOptions
{
    @Option(names = "--lakehouse", paramLabel = "DIR", defaultValue = "${env:AURUM_LAKEHOUSE:-lakehouse}",
            description = "Lakehouse folder (default: ${DEFAULT-VALUE}; env AURUM_LAKEHOUSE).")
    Path lakehouse;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "${env:AURUM_SPARK_MASTER:-local[*]}",
            description = "Spark master: local[*] (default), local[N], spark://HOST:7077, ... (env AURUM_SPARK_MASTER).")
    String master;

    @Option(names = "--verbose", description = "Show Spark's log output and full stack traces.")
    boolean verbose;

    public LakehouseLayout layout()
    {
        return new LakehouseLayout(lakehouse);
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
