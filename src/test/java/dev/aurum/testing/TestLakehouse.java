package dev.aurum.testing;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.pipeline.CatalogTables;
import dev.aurum.pipeline.PipelineRunner;
import dev.aurum.pipeline.PipelineSpecLoader;
import dev.aurum.pipeline.ProgressListener;
import dev.aurum.pipeline.RunOptions;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.SampleDataGenerator;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A small generated lakehouse built once per test JVM through the real pipeline (one run, so its first use costs one
 * pipeline run; later uses are free): generator scale 0.02, 75 days from 2017-11-01 to 2018-01-14 (three months,
 * Q4 with the late-November spike, a year end; a few hundred orders with every kind of bad row, re-dropped order
 * lifecycles and customers who move), in a temporary folder deleted when the JVM exits. Every call re-points the catalog names (bronze.*, silver.*, gold.*, aurum.*) of
 * {@link TestSpark}'s session at it, since another test may have pointed them at its own lakehouse.
 *
 * <pre>
 * SparkSession spark = TestLakehouse.spark();
 * spark.sql("SELECT sum(revenue) FROM gold.daily_sales")
 * </pre>
 */
public final class TestLakehouse
{
    public static final GeneratorSettings SETTINGS = new GeneratorSettings(0.02, 75, LocalDate.of(2017, 11, 1), GeneratorSettings.DEFAULT_SEED, GeneratorSettings.DEFAULT_DEFECT_RATE);

    private static LakehouseLayout layout;

    private TestLakehouse() {}

    /** The lakehouse, built on first use; its tables are registered by name in {@link TestSpark#get()}. */
    public static synchronized LakehouseLayout layout()
    {
        SparkSession spark = TestSpark.get();
        if (layout == null) {
            try {
                Path root = Files.createTempDirectory("aurum-test-lakehouse");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(root)));
                LakehouseLayout built = new LakehouseLayout(root);
                new SampleDataGenerator(built).generate(SETTINGS, dev.aurum.pipeline.generator.ProgressListener.none());
                new PipelineRunner(spark, built, new PipelineSpecLoader(new ProjectFiles(Path.of("."))).load()).run(RunOptions.defaults(), ProgressListener.none());
                layout = built;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        new CatalogTables(spark, layout).pointAll();
        return layout;
    }

    private static void deleteRecursively(Path root)
    {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | UncheckedIOException e) {
            // best effort at JVM exit
        }
    }

    /** TestSpark's session with this lakehouse's tables registered. */
    public static SparkSession spark()
    {
        layout();
        return TestSpark.get();
    }

    /** Re-points the catalog when a test has run the pipeline on another lakehouse in the meantime. */
    public static void register()
    {
        layout();
    }

}
