package dev.aurum.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** One daily drop: {@code landing/<entity>/<YYYY-MM-DD>/<entity>.csv}; {@code relativePath} is relative to the lakehouse. */
public record LandingFile(String entity, LocalDate day, String relativePath, Path path)
{
    public LandingFile
    {
        requireNonNull(entity, "entity is null");
        requireNonNull(day, "day is null");
        requireNonNull(relativePath, "relativePath is null");
        requireNonNull(path, "path is null");
    }
}
