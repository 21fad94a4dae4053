package dev.aurum.lakehouse;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Where a project's reviewed definitions are (docs/architecture.md, "The repository"): {@code pipelines/} (one
 * pipeline YAML and its SQL), {@code semantic-model/} (one model YAML), {@code evals/} (suites), and optionally
 * {@code dashboards/} and {@code prompts/} (overrides of the built-in prompts, file by file).
 *
 * <p>Without {@code --project} (or {@code AURUM_PROJECT}) the project is Aurum's own checkout with the shop's sample
 * files, read from the jar when there is no checkout. With it, the project is the user's folder, which must hold
 * exactly one YAML in each of {@code pipelines/} and {@code semantic-model/}. Every command resolves its files here.
 */
public final class Project
{
    /** The sample project's files in the checkout (and in the jar under {@code aurum/}). */
    static final String SAMPLE_PIPELINE = "pipelines/ecommerce.yaml";
    static final String SAMPLE_MODEL = "semantic-model/ecommerce.yaml";
    static final String SAMPLE_SUITE = "evals/ecommerce.yaml";

    private final ProjectFiles files;
    private final ProjectFiles builtIn;
    private final boolean checkout;

    private Project(ProjectFiles files, ProjectFiles builtIn, boolean checkout)
    {
        this.files = requireNonNull(files, "files is null");
        this.builtIn = requireNonNull(builtIn, "builtIn is null");
        this.checkout = checkout;
    }

    /** Aurum's own checkout: {@code -Daurum.home} (set by the launcher), else the working directory. */
    public static Project checkout()
    {
        ProjectFiles home = ProjectFiles.fromEnvironment();
        return new Project(home, home, true);
    }

    /** The user's project folder. @throws AurumException BAD_INPUT when it is not a folder */
    public static Project at(Path folder)
    {
        requireNonNull(folder, "folder is null");
        if (!Files.isDirectory(folder)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "The project folder " + folder.toAbsolutePath().normalize()
                    + " does not exist; create it with ./aurum init " + folder + " --from CSV_FOLDER, or check --project / AURUM_PROJECT.");
        }
        return new Project(new ProjectFiles(folder), ProjectFiles.fromEnvironment(), false);
    }

    /** {@code --project} when given (its default is {@code AURUM_PROJECT}), else the checkout. */
    public static Project resolve(Path option)
    {
        return option == null || option.toString().isBlank() ? checkout() : at(option);
    }

    public Path root()
    {
        return files.home();
    }

    /** True for Aurum's own checkout (the shop's sample), false for a folder named by {@code --project}. */
    public boolean isCheckout()
    {
        return checkout;
    }

    /** Reads the project's files by relative path ({@code pipelines/silver/invoices.sql}). */
    public ProjectFiles files()
    {
        return files;
    }

    /** The pipeline YAML, relative to {@link #root()}. */
    public String pipelineFile()
    {
        return checkout ? SAMPLE_PIPELINE : single("pipelines", "the pipeline definition (sources, Silver and Gold SQL)");
    }

    /** The semantic model YAML, relative to {@link #root()}. */
    public String semanticModelFile()
    {
        return checkout ? SAMPLE_MODEL : single("semantic-model", "the semantic model");
    }

    /** The eval suite {@code aurum eval} runs without {@code --suite}: the one named like the model, else the only one. */
    public String defaultSuite()
    {
        if (checkout) {
            return SAMPLE_SUITE;
        }
        List<String> suites = yamlFiles("evals", "the eval suites");
        String model = semanticModelFile();
        String sameName = "evals/" + model.substring(model.lastIndexOf('/') + 1);
        if (suites.contains(sameName)) {
            return sameName;
        }
        if (suites.size() == 1) {
            return suites.get(0);
        }
        throw new AurumException(ErrorCode.BAD_INPUT, root().resolve("evals") + " holds " + suites.size() + " suites " + suites
                + " and none is named like the semantic model; choose one with --suite FILE.");
    }

    /** The dashboards folder: the checkout's, or the project's when it has one. */
    public Optional<Path> dashboards()
    {
        Path folder = root().resolve("dashboards");
        return checkout || Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** Reads a prompt ({@code prompts/system.md}): the project's own when it has one, else the built-in. */
    public String readPrompt(String relative)
    {
        if (!checkout && Files.isRegularFile(root().resolve(relative))) {
            return files.read(relative);
        }
        return builtIn.read(relative);
    }

    private String single(String folder, String what)
    {
        List<String> found = yamlFiles(folder, what);
        if (found.size() != 1) {
            throw new AurumException(ErrorCode.BAD_INPUT, root().resolve(folder) + " must hold exactly one YAML file, " + what + "; it holds "
                    + (found.isEmpty() ? "none" : found) + ".");
        }
        return found.get(0);
    }

    private List<String> yamlFiles(String folder, String what)
    {
        Path directory = root().resolve(folder);
        if (!Files.isDirectory(directory)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "The project " + root() + " has no " + folder + "/ folder (" + what
                    + "); create it, or draft the project with ./aurum init DIR --from CSV_FOLDER.");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .sorted()
                    .map(name -> folder + "/" + name)
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    @Override
    public String toString()
    {
        return checkout ? "the sample project in " + root() : "project " + root();
    }
}
