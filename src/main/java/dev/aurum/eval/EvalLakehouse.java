package dev.aurum.eval;

import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.lakehouse.TableRegistry;
import dev.aurum.pipeline.PipelineRunner;
import dev.aurum.pipeline.PipelineSpecLoader;
import dev.aurum.pipeline.RunOptions;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.ProgressListener;
import dev.aurum.pipeline.generator.SampleDataGenerator;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The fixed, seeded lakehouse the eval suite runs on: generated with {@link #SETTINGS} and built by the real
 * pipeline, once; reused while its recorded settings match, rebuilt from scratch otherwise. Its data date is the last
 * generated day, so the suite's relative-time questions always mean the same rows.
 */
public final class EvalLakehouse
{
    /** scale 0.05 over 540 days from 2017-01-01: about 5,000 orders, spanning two year ends. */
    public static final GeneratorSettings SETTINGS = new GeneratorSettings(0.05, 540, LocalDate.of(2017, 1, 1), 42, 0.01);
    private static final String MARKER = "eval-lakehouse.txt";

    private final LakehouseLayout layout;
    private final ProjectFiles files;

    public EvalLakehouse(LakehouseLayout layout, ProjectFiles files)
    {
        this.layout = requireNonNull(layout, "layout is null");
        this.files = requireNonNull(files, "files is null");
    }

    public LakehouseLayout layout()
    {
        return layout;
    }

    /** Every table folder under gold/ is a Delta table, and there is at least one (a killed build leaves none or a half one). */
    private boolean goldIsBuilt()
            throws IOException
    {
        if (!Files.isDirectory(layout.gold())) {
            return false;
        }
        try (var tables = Files.list(layout.gold())) {
            List<Path> folders = tables.filter(Files::isDirectory).toList();
            return !folders.isEmpty() && folders.stream().allMatch(DeltaTables::exists);
        }
    }

    /** Builds the lakehouse unless a complete one with the same settings is there; registers its tables. */
    public void ensureBuilt(SparkSession spark, PrintWriter out)
    {
        Path marker = layout.state().resolve(MARKER);
        String expected = SETTINGS.toString();
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(expected)
                    && goldIsBuilt()) {
                new TableRegistry(spark, layout).registerAll();
                return;
            }
            deleteRecursively(layout.root());
            out.println("Building the eval lakehouse in " + layout.root() + " (" + expected + ")...");
            out.flush();
            new SampleDataGenerator(layout).generate(SETTINGS, ProgressListener.none());
            new PipelineRunner(spark, layout, new PipelineSpecLoader(files).load()).run(RunOptions.defaults(), line -> {});
            new TableRegistry(spark, layout).registerAll();
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, expected, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot build the eval lakehouse in " + layout.root(), e);
        }
    }

    private static void deleteRecursively(Path root)
            throws IOException
    {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
