package dev.aurum.lakehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The one place that decides whether a folder is a Delta table and at which version: a table exists once its log
 * holds a commit ({@code _delta_log/<20 digits>.json}) or a checkpoint, never merely because {@code _delta_log}
 * exists. A write killed before its first commit leaves data files (and often an empty {@code _delta_log}) behind;
 * such a folder is {@linkplain #isUncommitted uncommitted}: no commit references its files, so it is a table that
 * does not exist yet, and {@link #removeUncommitted} clears it so the next write creates the table afresh
 * (docs/reference.md, "Crash safety").
 */
public final class DeltaTables
{
    public static final String LOG_FOLDER = "_delta_log";

    private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
    // classic (n.checkpoint.parquet), multi-part (n.checkpoint.i.k.parquet) and V2 (n.checkpoint.<uuid>.json|parquet)
    private static final Pattern CHECKPOINT = Pattern.compile("(\\d{20})\\.checkpoint(\\.[^/]+)?\\.(parquet|json)");

    private DeltaTables() {}

    /** The latest committed version of the Delta table in {@code table}, or -1 when nothing was ever committed. */
    public static long latestVersion(Path table)
    {
        requireNonNull(table, "table is null");
        Path log = table.resolve(LOG_FOLDER);
        if (!Files.isDirectory(log)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.mapToLong(file -> versionOf(file.getFileName().toString())).max().orElse(-1);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list the Delta log " + log, e);
        }
    }

    /** Whether {@code table} is a Delta table: its log holds at least one commit or checkpoint. */
    public static boolean exists(Path table)
    {
        return latestVersion(table) >= 0;
    }

    /**
     * Whether {@code folder} holds what a write killed before the table's first commit leaves: files (data files,
     * an empty log folder) but no commit. Reading or appending to it as a table fails; it is a table that does not
     * exist yet.
     */
    public static boolean isUncommitted(Path folder)
    {
        requireNonNull(folder, "folder is null");
        if (!Files.isDirectory(folder) || exists(folder)) {
            return false;
        }
        if (Files.isDirectory(folder.resolve(LOG_FOLDER))) {
            return true;
        }
        try (Stream<Path> files = Files.walk(folder, 2)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /**
     * Deletes {@code folder} when it is {@linkplain #isUncommitted uncommitted}: no commit references its files,
     * so nothing is lost. Only the process that holds the pipeline lock (the only Delta writer) may call this.
     * Returns whether it deleted anything.
     */
    public static boolean removeUncommitted(Path folder)
    {
        if (!isUncommitted(folder)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + folder + ", which a crash left before its table's first commit; delete it by hand", e);
        }
        return true;
    }

    /** The Delta tables (folders with a commit) directly inside {@code folder}, sorted by name. */
    public static List<Path> tablesIn(Path folder)
    {
        return children(folder).stream().filter(DeltaTables::exists).toList();
    }

    /** The folders directly inside {@code folder} that a crash left before their table's first commit, sorted. */
    public static List<Path> uncommittedIn(Path folder)
    {
        return children(folder).stream().filter(DeltaTables::isUncommitted).toList();
    }

    /** Every uncommitted table folder of the lakehouse, in all layers. */
    public static List<Path> uncommitted(LakehouseLayout layout)
    {
        List<Path> found = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            found.addAll(uncommittedIn(layout.root().resolve(layer.folder())));
        }
        return found;
    }

    private static List<Path> children(Path folder)
    {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private static long versionOf(String name)
    {
        Matcher commit = COMMIT.matcher(name);
        if (commit.matches()) {
            return Long.parseLong(commit.group(1));
        }
        Matcher checkpoint = CHECKPOINT.matcher(name);
        if (checkpoint.matches()) {
            return Long.parseLong(checkpoint.group(1));
        }
        return -1;
    }
}
