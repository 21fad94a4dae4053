package dev.aurum.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes hand-made landing drops: {@code landing/<entity>/<day>/<entity>.csv}. */
final class LandingFixture
{
    private LandingFixture() {}

    static void drop(Path lakehouse, String entity, String day, String... lines)
    {
        Path file = lakehouse.resolve("landing").resolve(entity).resolve(day).resolve(entity + ".csv");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
