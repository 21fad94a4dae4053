package dev.aurum.it;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.lakehouse.SparkSettings;
import dev.aurum.pipeline.GoldStep;
import dev.aurum.pipeline.PipelineRunner;
import dev.aurum.pipeline.PipelineSpec;
import dev.aurum.pipeline.PipelineSpecLoader;
import dev.aurum.pipeline.ProgressListener;
import dev.aurum.pipeline.RunOptions;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.SampleDataGenerator;
import dev.aurum.testing.SparkTest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline on a real (if small) Spark standalone cluster: master {@code local-cluster[2,1,1024]} starts a master
 * and two workers in this JVM and executors as separate JVMs, which load classes from {@code $SPARK_HOME/jars}.
 * Failsafe runs this after {@code package} with SPARK_HOME = target/spark-home and SPARK_SCALA_VERSION = 2.12
 * (pom.xml); the test fills {@code target/spark-home/jars} with links to target/lib/*.jar and target/aurum.jar.
 * Gold built on the cluster must equal Gold built in local mode from a copy of the same landing data.
 */
@SparkTest
class ClusterPipelineIT
{
    private static final String CLUSTER = "local-cluster[2,1,1024]";

    @TempDir
    Path folder;

    @Test
    void clusterBuildsTheSameGoldAsLocalMode()
    {
        Path sparkHome = Path.of(requiredEnvironment("SPARK_HOME"));
        assertThat(System.getenv("SPARK_SCALA_VERSION")).as("SPARK_SCALA_VERSION (set by failsafe in pom.xml)").isEqualTo("2.12");
        int jars = linkJars(sparkHome, Path.of("target"));
        assertThat(jars).as("jars linked into " + sparkHome).isGreaterThan(10);

        Path local = folder.resolve("local");
        Path cluster = folder.resolve("cluster");
        GeneratorSettings settings = new GeneratorSettings(0.01, 3, LocalDate.of(2017, 12, 30), 5, 0.02);
        new SampleDataGenerator(new LakehouseLayout(local)).generate(settings, dev.aurum.pipeline.generator.ProgressListener.none());
        new SampleDataGenerator(new LakehouseLayout(cluster)).generate(settings, dev.aurum.pipeline.generator.ProgressListener.none());
        PipelineSpec spec = new PipelineSpecLoader(new ProjectFiles(Path.of("."))).load();

        SparkSession localSpark = SparkSessions.create(SparkSettings.defaults().withMaster("local[2]").withShufflePartitions(2));
        try {
            new PipelineRunner(localSpark, new LakehouseLayout(local), spec).run(RunOptions.defaults(), ProgressListener.none());
        }
        finally {
            stop(localSpark);
        }

        String opens = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens") || argument.startsWith("-Djdk.reflect"))
                .collect(Collectors.joining(" "));
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.executor.memory", "512m");
        conf.put("spark.executor.extraJavaOptions", opens);
        conf.put("spark.home", sparkHome.toString());
        SparkSession clusterSpark = SparkSessions.create(SparkSettings.defaults().withMaster(CLUSTER).withShufflePartitions(2).withConf(conf));
        try {
            assertThat(clusterSpark.sparkContext().master()).isEqualTo(CLUSTER);
            new PipelineRunner(clusterSpark, new LakehouseLayout(cluster), spec).run(RunOptions.defaults(), ProgressListener.none());
            // executors really ran tasks: the cluster's executors are not the driver
            assertThat(clusterSpark.sparkContext().getExecutorIds().size()).as("executors of " + CLUSTER).isPositive();

            for (GoldStep step : spec.gold()) {
                Dataset<Row> expected = clusterSpark.read().format("delta").load(new LakehouseLayout(local).table(Layer.GOLD, step.table()).toString());
                Dataset<Row> actual = clusterSpark.read().format("delta").load(new LakehouseLayout(cluster).table(Layer.GOLD, step.table()).toString());
                long rows = expected.count();
                assertThat(rows).as(step.table()).isPositive();
                assertThat(actual.count()).as(step.table()).isEqualTo(rows);
                assertThat(actual.exceptAll(expected).count()).as("%s rows only on the cluster", step.table()).isZero();
                assertThat(expected.exceptAll(actual).count()).as("%s rows only in local mode", step.table()).isZero();
            }
        }
        finally {
            stop(clusterSpark);
        }
    }

    private static void stop(SparkSession spark)
    {
        spark.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    private static String requiredEnvironment(String name)
    {
        String value = System.getenv(name);
        assertThat(value).as("environment variable %s (set by failsafe in pom.xml; run with mvn verify)", name).isNotBlank();
        return value;
    }

    /** Links target/lib/*.jar and target/aurum.jar into SPARK_HOME/jars (what executors put on their classpath). */
    private static int linkJars(Path sparkHome, Path target)
    {
        Path jarsFolder = sparkHome.resolve("jars");
        try {
            Files.createDirectories(jarsFolder);
            // a RELEASE file makes Spark's launcher take SPARK_HOME/jars as the jar folder of a binary distribution
            Files.writeString(sparkHome.resolve("RELEASE"), "Spark 3.5.7 (links made by ClusterPipelineIT)\n");
            List<Path> jars;
            try (Stream<Path> libraries = Files.list(target.resolve("lib"))) {
                jars = Stream.concat(libraries.filter(path -> path.toString().endsWith(".jar")), Stream.of(target.resolve("aurum.jar"))).toList();
            }
            for (Path jar : jars) {
                assertThat(jar).exists();
                Path link = jarsFolder.resolve(jar.getFileName().toString());
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
            return jars.size();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
