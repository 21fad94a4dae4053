package dev.aurum.eval;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.lakehouse.TableRegistry;
import dev.aurum.pipeline.PipelineRunner;
import dev.aurum.pipeline.PipelineSpec;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The fixed lakehouse an eval suite runs on, built by the real pipeline once and reused while what it was built from
 * is unchanged (rebuilt from scratch otherwise), so the suite's relative-time questions always mean the same rows.
 * For the sample shop it is generated with {@link #SETTINGS}; for a project it is the project's own pipeline over the
 * CSV drops the project keeps for its evals ({@code evals/landing/<entity>/<YYYY-MM-DD>/<entity>.csv}).
 */
public final class EvalLakehouse
{
    /** scale 0.05 over 540 days from 2017-01-01: about 5,000 orders, spanning two year ends. */
    public static final GeneratorSettings SETTINGS = new GeneratorSettings(0.05, 540, LocalDate.of(2017, 1, 1), 42, 0.01);
    private static final String MARKER = "eval-lakehouse.txt";

    private final LakehouseLayout layout;
    private final ProjectFiles files;
    private final String pipelineFile;
    private final Optional<Path> drops;

    /** The sample shop's eval lakehouse, generated with {@link #SETTINGS}. */
    public EvalLakehouse(LakehouseLayout layout, ProjectFiles files)
    {
        this(layout, files, PipelineSpecLoader.DEFAULT_SPEC, Optional.empty());
    }

    private EvalLakehouse(LakehouseLayout layout, ProjectFiles files, String pipelineFile, Optional<Path> drops)
    {
        this.layout = requireNonNull(layout, "layout is null");
        this.files = requireNonNull(files, "files is null");
        this.pipelineFile = requireNonNull(pipelineFile, "pipelineFile is null");
        this.drops = requireNonNull(drops, "drops is null");
    }

    /**
     * A project's eval lakehouse: its pipeline ({@code pipelineFile}, relative to the project) run over the landing
     * folder {@code drops}.
     */
    public static EvalLakehouse fromDrops(LakehouseLayout layout, ProjectFiles files, String pipelineFile, Path drops)
    {
        return new EvalLakehouse(layout, files, pipelineFile, Optional.of(drops));
    }

    /** What it is built from, for reports: the generator settings or the drops folder. */
    public String source()
    {
        return drops.map(folder -> "drops " + folder).orElse(SETTINGS.toString());
    }

    public LakehouseLayout layout()
    {
        return layout;
    }

    /** Builds the lakehouse unless a complete one with the same settings is there; registers its tables. */
    public void ensureBuilt(SparkSession spark, PrintWriter out)
    {
        Path marker = layout.state().resolve(MARKER);
        PipelineSpec spec = new PipelineSpecLoader(files).load(pipelineFile);
        try {
            String expected = drops.isEmpty() ? SETTINGS.toString() : source() + " " + fingerprint(drops.get(), files.read(pipelineFile));
            if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(expected)
                    && spec.gold().stream().allMatch(step -> DeltaTables.exists(layout.table(Layer.GOLD, step.table())))) {
                new TableRegistry(spark, layout).registerAll();
                return;
            }
            deleteRecursively(layout.root());
            out.println("Building the eval lakehouse in " + layout.root() + " (" + source() + ")...");
            out.flush();
            if (drops.isPresent()) {
                copyRecursively(drops.get(), layout.landing());
            }
            else {
                new SampleDataGenerator(layout).generate(SETTINGS, ProgressListener.none());
            }
            new PipelineRunner(spark, layout, spec).run(RunOptions.defaults(), line -> {});
            new TableRegistry(spark, layout).registerAll();
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, expected, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot build the eval lakehouse in " + layout.root(), e);
        }
    }

    /** The drops' paths, sizes and content, and the pipeline definition: a change to either rebuilds. */
    private static String fingerprint(Path folder, String pipeline)
            throws IOException
    {
        if (!Files.isDirectory(folder)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "The eval drops folder " + folder + " does not exist; put the suite's CSV drops there"
                    + " as <entity>/<YYYY-MM-DD>/<entity>.csv, or score on a built lakehouse with --on-lakehouse.");
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(pipeline.getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void copyRecursively(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(path, target);
                }
            }
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
