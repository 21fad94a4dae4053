package dev.aurum.lakehouse;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How to start Spark. {@code local[*]} by default; a {@code spark://host:7077} or {@code local-cluster[...]}
 * master runs the same code on a cluster.
 */
public record SparkSettings(String master, String appName, int shufflePartitions, boolean verbose, Map<String, String> extraConf)
{
    public static final String DEFAULT_MASTER = "local[*]";

    public SparkSettings
    {
        requireNonNull(master, "master is null");
        requireNonNull(appName, "appName is null");
        extraConf = Map.copyOf(requireNonNull(extraConf, "extraConf is null"));
        if (shufflePartitions < 1) {
            throw new IllegalArgumentException("shufflePartitions must be positive");
        }
    }

    public static SparkSettings defaults()
    {
        return new SparkSettings(DEFAULT_MASTER, "aurum", 8, false, Map.of());
    }

    public SparkSettings withMaster(String newMaster)
    {
        return new SparkSettings(newMaster, appName, shufflePartitions, verbose, extraConf);
    }

    public SparkSettings withVerbose(boolean newVerbose)
    {
        return new SparkSettings(master, appName, shufflePartitions, newVerbose, extraConf);
    }

    public SparkSettings withShufflePartitions(int partitions)
    {
        return new SparkSettings(master, appName, partitions, verbose, extraConf);
    }

    public SparkSettings withConf(Map<String, String> conf)
    {
        return new SparkSettings(master, appName, shufflePartitions, verbose, conf);
    }
}
