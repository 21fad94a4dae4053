package dev.aurum.lakehouse;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Reads the project's reviewed text files ({@code pipelines/}, {@code semantic-model/}, {@code prompts/},
 * {@code evals/}) from the checkout when there is one (so an edit takes effect at once), else from the copies
 * packaged in the jar under {@code aurum/} (so spark-submit of the jar alone works).
 */
public final class ProjectFiles
{
    private final Path home;

    public ProjectFiles(Path home)
    {
        this.home = requireNonNull(home, "home is null").toAbsolutePath().normalize();
    }

    /** The checkout: {@code -Daurum.home} (set by the launcher), else the working directory. */
    public static ProjectFiles fromEnvironment()
    {
        String home = System.getProperty("aurum.home");
        return new ProjectFiles(Path.of(home == null ? "." : home));
    }

    public Path home()
    {
        return home;
    }

    /** A path relative to the checkout, e.g. {@code pipelines/ecommerce.yaml}. */
    public Path path(String relative)
    {
        return home.resolve(relative);
    }

    public String read(String relative)
    {
        Path file = path(relative);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = ProjectFiles.class.getClassLoader().getResourceAsStream("aurum/" + relative)) {
                if (in == null) {
                    throw new AurumException(ErrorCode.BAD_INPUT, "Cannot find " + relative + " in " + home + " nor inside the Aurum jar; run Aurum from its checkout or pass -Daurum.home=DIR.");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
