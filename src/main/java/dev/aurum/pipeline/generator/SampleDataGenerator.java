package dev.aurum.pipeline.generator;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.LakehouseLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Writes deterministic sample landing data: {@code landing/<entity>/<YYYY-MM-DD>/<entity>.csv} for five entities,
 * shaped like the public Olist e-commerce data, with order lifecycles, customers who move, new products, schema
 * evolution and every kind of bad row. Plain Java, no Spark.
 *
 * <p>The simulation always runs from the original start date recorded in {@code _aurum/generator.json} and only the
 * requested days are written, so generating day by day gives the same bytes as generating all days at once.
 */
public final class SampleDataGenerator
{
    private final LakehouseLayout layout;

    public SampleDataGenerator(LakehouseLayout layout)
    {
        this.layout = requireNonNull(layout, "layout is null");
    }

    /** Writes landing/<entity>/<YYYY-MM-DD>/<entity>.csv for each requested day; returns what it wrote. */
    public GenerationReport generate(GeneratorSettings settings, ProgressListener progress)
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(progress, "progress is null");
        Optional<GeneratorRecord> existing = readRecord();
        Optional<LocalDate> lastLanded = lastLandedDay(existing);
        GeneratorRecord record;
        if (existing.isPresent()) {
            record = existing.get();
            checkCompatible(record, settings, lastLanded);
        }
        else {
            // without a record, any landing file at all is someone else's data, even a day that is not complete
            Optional<LocalDate> foreign = lastLandedDay(existing, false);
            if (foreign.isPresent()) {
                throw new AurumException(ErrorCode.BAD_INPUT, "The landing zone " + layout.landing() + " already holds data (up to " + foreign.get()
                        + ") that the sample generator did not write; generating into it would mix two data sets. Use another --lakehouse, or empty " + layout.landing() + " first.");
            }
            record = new GeneratorRecord(GeneratorRecord.CURRENT_VERSION, settings.scale(), settings.start(), settings.seed(), settings.defectRate(), Optional.empty());
        }
        // record the settings before writing, so a run killed part-way can be resumed with the same settings
        record.write(recordFile());
        removeTemporaryFiles();
        GenerationReport report = write(record, settings.start(), settings.lastDay(), progress);
        LocalDate newLastDay = lastLanded.filter(day -> day.isAfter(settings.lastDay())).orElse(settings.lastDay());
        record.withLastDay(newLastDay).write(recordFile());
        return report;
    }

    /** Appends N days after the last landed day, reusing the settings recorded in the lakehouse. */
    public GenerationReport appendDays(int days, ProgressListener progress)
    {
        GeneratorRecord record = readRecord().orElseThrow(() -> new AurumException(ErrorCode.BAD_INPUT,
                "The lakehouse " + layout.root() + " has no sample data to continue (no " + recordFile() + "); run ./aurum data generate first."));
        LocalDate next = lastLandedDay(Optional.of(record)).map(day -> day.plusDays(1)).orElse(record.start());
        return generate(new GeneratorSettings(record.scale(), days, next, record.seed(), record.defectRate()), progress);
    }

    /**
     * The settings recorded in this lakehouse, if sample data was generated here: {@code start} is the original
     * start and {@code days} runs to the last landed day.
     */
    public Optional<GeneratorSettings> recordedSettings()
    {
        return readRecord().map(record -> new GeneratorSettings(record.scale(),
                (int) ChronoUnit.DAYS.between(record.start(), lastLandedDay(Optional.of(record)).orElse(record.start())) + 1,
                record.start(), record.seed(), record.defectRate()));
    }

    /** Whether the first generation here was stopped before it finished (its record has no last day yet). */
    public boolean unfinished()
    {
        return readRecord().map(record -> record.lastDay().isEmpty()).orElse(false);
    }

    /** The last day with landing files or recorded as written (landing files may be removed after ingestion). */
    public Optional<LocalDate> lastLandedDay()
    {
        return lastLandedDay(readRecord());
    }

    private Optional<GeneratorRecord> readRecord()
    {
        return GeneratorRecord.read(recordFile());
    }

    private Path recordFile()
    {
        return layout.state().resolve(GeneratorRecord.FILE_NAME);
    }

    private void checkCompatible(GeneratorRecord record, GeneratorSettings settings, Optional<LocalDate> lastLanded)
    {
        String startOver = " To start over with other settings, use another --lakehouse or delete " + layout.root() + ".";
        if (record.version() != GeneratorRecord.CURRENT_VERSION) {
            throw new AurumException(ErrorCode.BAD_INPUT, "The sample data in " + layout.root() + " was written by another version of the generator (" + record.version()
                    + ", this is " + GeneratorRecord.CURRENT_VERSION + "), so new days would not continue it." + startOver);
        }
        if (record.scale() != settings.scale() || record.seed() != settings.seed() || record.defectRate() != settings.defectRate()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "The lakehouse " + layout.root() + " already holds sample data generated with " + record.describe()
                    + "; new days must use the same --scale, --seed and --defect-rate (or leave them out)." + startOver);
        }
        if (settings.start().isBefore(record.start())) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--start " + settings.start() + " is before " + record.start() + ", where the sample data in " + layout.root()
                    + " begins; use --start " + record.start() + " or later, or leave --start out to append after the last landed day." + startOver);
        }
        LocalDate firstMissing = lastLanded.map(day -> day.plusDays(1)).orElse(record.start());
        if (settings.start().isAfter(firstMissing)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--start " + settings.start() + " would leave a gap: the sample data in " + layout.root() + " ends on "
                    + lastLanded.map(LocalDate::toString).orElse("(no day yet)") + ". Use --start " + firstMissing + ", or leave --start out to append after the last landed day.");
        }
    }

    private GenerationReport write(GeneratorRecord record, LocalDate first, LocalDate last, ProgressListener progress)
    {
        Simulation simulation = new Simulation(record.scale(), record.seed(), record.defectRate(), record.start());
        int firstIndex = (int) ChronoUnit.DAYS.between(record.start(), first);
        int lastIndex = (int) ChronoUnit.DAYS.between(record.start(), last);
        int totalDays = lastIndex - firstIndex + 1;
        Map<String, Long> rowsPerEntity = new LinkedHashMap<>();
        for (LandingEntity entity : LandingEntity.values()) {
            rowsPerEntity.put(entity.entityName(), 0L);
        }
        Map<String, Long> defectsPerKind = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        for (int dayIndex = 0; dayIndex <= lastIndex; dayIndex++) {
            DayOutput day = simulation.simulateDay(dayIndex);
            if (dayIndex < firstIndex) {
                continue;
            }
            for (LandingEntity entity : LandingEntity.values()) {
                Path file = layout.landingDay(entity.entityName(), day.date().toString());
                writeAtomically(file, day.render(entity));
                files.add(file);
                List<Line> lines = day.lines(entity);
                rowsPerEntity.merge(entity.entityName(), (long) lines.size(), Long::sum);
                for (Line line : lines) {
                    if (line.defect() != null) {
                        defectsPerKind.merge(line.defect().key(), 1L, Long::sum);
                    }
                }
            }
            progress.day(day.date(), dayIndex - firstIndex, totalDays);
        }
        return new GenerationReport(first, last, rowsPerEntity, defectsPerKind, files);
    }

    /** Writes through a hidden temporary file, so a reader never sees half a landing file. */
    private static void writeAtomically(Path file, String text)
    {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Cannot write " + file + ": " + e.getMessage() + ". Check that the lakehouse folder is writable and has space.", e);
        }
    }

    /**
     * The recorded last day, or a later day whose files are all there. A {@code data generate} killed part-way
     * leaves its last day with only some entities' files (each file is whole: see {@link #writeAtomically}); that
     * day does not count, so the next run writes it again in full.
     */
    private Optional<LocalDate> lastLandedDay(Optional<GeneratorRecord> record)
    {
        return lastLandedDay(record, true);
    }

    /** @param completeOnly count a day only when every entity's file is there (a day a killed run left half-written is not landed) */
    private Optional<LocalDate> lastLandedDay(Optional<GeneratorRecord> record, boolean completeOnly)
    {
        Optional<LocalDate> latest = record.flatMap(GeneratorRecord::lastDay);
        for (LandingEntity entity : LandingEntity.values()) {
            Path folder = layout.landing().resolve(entity.entityName());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> days = Files.newDirectoryStream(folder)) {
                for (Path day : days) {
                    Optional<LocalDate> date = parseDate(day.getFileName().toString());
                    if (date.isPresent() && Files.isDirectory(day) && (latest.isEmpty() || date.get().isAfter(latest.get())) && (!completeOnly || complete(date.get()))) {
                        latest = date;
                    }
                }
            }
            catch (IOException e) {
                throw new AurumException(ErrorCode.RUN_FAILED, "Cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
        return latest;
    }

    /** Whether every entity's file of {@code day} is there. */
    private boolean complete(LocalDate day)
    {
        for (LandingEntity entity : LandingEntity.values()) {
            if (!Files.isRegularFile(layout.landingDay(entity.entityName(), day.toString()))) {
                return false;
            }
        }
        return true;
    }

    /** Removes the hidden temporary files a killed {@code data generate} left (the pipeline never reads them). */
    private void removeTemporaryFiles()
    {
        if (!Files.isDirectory(layout.landing())) {
            return;
        }
        try (Stream<Path> files = Files.walk(layout.landing(), 3)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith(".") && path.getFileName().toString().endsWith(".csv.tmp")).toList()) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Cannot clean " + layout.landing() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<LocalDate> parseDate(String name)
    {
        try {
            return Optional.of(LocalDate.parse(name));
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
