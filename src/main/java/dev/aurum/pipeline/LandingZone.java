package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/** Lists the daily drops of the landing zone, oldest first. */
public final class LandingZone
{
    private final LakehouseLayout layout;

    public LandingZone(LakehouseLayout layout)
    {
        this.layout = requireNonNull(layout, "layout is null");
    }

    /** The drops of {@code entity} up to {@code until} (inclusive, when given), by day. */
    public List<LandingFile> files(String entity, Optional<LocalDate> until)
    {
        Path folder = layout.landing().resolve(entity);
        List<LandingFile> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> days = Files.list(folder)) {
            for (Path dayFolder : days.toList()) {
                LocalDate day;
                try {
                    day = LocalDate.parse(dayFolder.getFileName().toString());
                }
                catch (DateTimeParseException e) {
                    continue;
                }
                Path file = dayFolder.resolve(entity + ".csv");
                if (!Files.isRegularFile(file) || (until.isPresent() && day.isAfter(until.get()))) {
                    continue;
                }
                String relative = layout.root().relativize(file).toString().replace('\\', '/');
                files.add(new LandingFile(entity, day, relative, file));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        files.sort(Comparator.comparing(LandingFile::day));
        return files;
    }
}
