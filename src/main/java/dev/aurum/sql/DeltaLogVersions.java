package dev.aurum.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A table's version is the highest commit file in its {@code _delta_log} folder ({@code 00000000000000000012.json}
 * is version 12): one directory listing, no Spark job and no snapshot. Delta keeps the commit files after a
 * checkpoint (for the log retention period), so the newest one is always there.
 */
public final class DeltaLogVersions
        implements TableVersions
{
    private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");

    private final Function<String, Optional<Path>> folders;

    /** @param folders the folder of a qualified table name, empty when the name is not a lakehouse table */
    public DeltaLogVersions(Function<String, Optional<Path>> folders)
    {
        this.folders = requireNonNull(folders, "folders is null");
    }

    @Override
    public long current(String table)
    {
        Optional<Path> folder = folders.apply(table);
        if (folder.isEmpty()) {
            return -1;
        }
        Path log = folder.get().resolve("_delta_log");
        if (!Files.isDirectory(log)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> COMMIT.matcher(name).matches())
                    .mapToLong(name -> Long.parseLong(name.substring(0, 20)))
                    .max()
                    .orElse(-1);
        }
        catch (IOException e) {
            return -1;
        }
    }
}
