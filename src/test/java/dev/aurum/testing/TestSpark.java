package dev.aurum.testing;

import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.lakehouse.SparkSettings;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session shared by the whole test run (starting Spark costs seconds). local[2], 2 shuffle
 * partitions. Tests must use their own temporary lakehouse folders and database names.
 */
public final class TestSpark
{
    private static SparkSession spark;

    private TestSpark() {}

    public static synchronized SparkSession get()
    {
        if (spark == null) {
            spark = SparkSessions.create(SparkSettings.defaults().withMaster("local[2]").withShufflePartitions(2));
        }
        return spark;
    }
}
