package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.lakehouse.SparkSettings;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A measurement, not a test: how long the same incremental refresh takes in a cold JVM and in one that has run it
 * before (as {@code aurum pipeline schedule} does, one process for every day). Copies LAKEHOUSE (a built lakehouse
 * with new landing files, e.g. after {@code aurum data generate --days 1}) ROUNDS times and runs the pipeline on
 * each copy in one Spark session, printing the time inside the process and the per-table summary. Run with the test
 * classpath:
 * {@code mvn -B -q -Pbench -DskipTests package}, then {@code java <add-opens> -cp target/test-classes:target/classes:target/lib/* dev.aurum.pipeline.WarmRefreshExperiment LAKEHOUSE [ROUNDS]}.
 * LAKEHOUSE itself is not changed.
 */
public final class WarmRefreshExperiment
{
    private WarmRefreshExperiment() {}

    public static void main(String[] args)
            throws IOException
    {
        Path source = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SparkSession spark = SparkSessions.create(SparkSettings.defaults());
        PipelineSpec spec = new PipelineSpecLoader(ProjectFiles.fromEnvironment()).load();
        for (int round = 1; round <= rounds; round++) {
            Path copy = Files.createTempDirectory("aurum-warm-refresh");
            copyTree(source, copy);
            RunSummary summary = new PipelineRunner(spark, new LakehouseLayout(copy), spec).run(RunOptions.defaults(), ProgressListener.none());
            System.out.printf("round %d: %.1f s in the process (%d Bronze rows)%n", round, summary.run().durationMillis() / 1000.0, summary.run().bronzeRows());
            for (TableSummary table : summary.tables()) {
                System.out.printf("  %-34s %6.1f s%n", table.table(), table.durationMillis() / 1000.0);
            }
            deleteTree(copy);
        }
        spark.stop();
    }

    static void copyTree(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else if (!path.getFileName().toString().equals(PipelineRunner.LOCK_FILE)) {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
