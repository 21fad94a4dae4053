package dev.aurum.lakehouse;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/**
 * Builds Spark sessions. One {@link SparkSession} per process (the pipeline's, with Delta and file access), and
 * a separate {@linkplain #querySession query session} for user SQL that cannot read files by path.
 * Every session runs in UTC.
 */
public final class SparkSessions
{
    private SparkSessions() {}

    public static SparkSession create(SparkSettings settings)
    {
        // log4j2.properties keeps every logger off unless -Daurum.log.level (set by --verbose) says otherwise
        if (settings.verbose()) {
            Configurator.setRootLevel(Level.INFO);
        }
        SparkSession.Builder builder = SparkSession.builder()
                .appName(settings.appName())
                .master(settings.master())
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.shuffle.partitions", String.valueOf(settings.shufflePartitions()))
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/aurum-spark-warehouse")
                .config("spark.databricks.delta.snapshotPartitions", "2")
                .config("spark.databricks.delta.properties.defaults.checkpointInterval", "20")
                .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
                .config("spark.databricks.delta.stalenessLimit", "0")
                // Delta answers MIN/MAX from its statistics as java.sql.Date, which fails with the java8 API above
                // (ClassCastException on SELECT MAX(date_column); delta-io/delta#4201): read the data instead
                .config("spark.databricks.delta.optimizeMetadataQuery.enabled", "false")
                // local disk: Delta's LocalLogStore skips the Hadoop FileContext rename and its .crc side files
                // (file: scheme only; other schemes keep their default log store; the pipeline lock keeps writers apart)
                // (a -Dspark.delta.logStore.file.impl wins: the crash tests inject faults into commits through it)
                .config("spark.delta.logStore.file.impl", System.getProperty("spark.delta.logStore.file.impl", "org.apache.spark.sql.delta.storage.LocalLogStore"))
                // no per-commit checksum file: one file write and a state computation less per commit
                .config("spark.databricks.delta.writeChecksumFile.enabled", "false")
                // new tables use deletion vectors: a MERGE that updates a few keys marks their old rows deleted
                // instead of rewriting every data file that holds one (Silver keys are spread over all files)
                .config("spark.databricks.delta.properties.defaults.enableDeletionVectors", "true");
        for (Map.Entry<String, String> entry : settings.extraConf().entrySet()) {
            builder.config(entry.getKey(), entry.getValue());
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel(settings.verbose() ? "INFO" : "OFF");
        return spark;
    }

    /**
     * A session for user and assistant SQL: shares the catalog and cache of {@code spark} but cannot read files by
     * path ({@code spark.sql.runSQLOnFiles=false}).
     */
    public static SparkSession querySession(SparkSession spark)
    {
        SparkSession query = spark.newSession();
        query.conf().set("spark.sql.runSQLOnFiles", "false");
        return query;
    }
}
