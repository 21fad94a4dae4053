package dev.aurum.pipeline.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/** Test helper: the landing zone read back with an independent RFC 4180 reading, columns matched by header name. */
final class LandingFiles
{
    record DayFile(LandingEntity entity, LocalDate day, List<String> header, List<List<String>> records)
    {
        DayFile
        {
            requireNonNull(entity, "entity is null");
            requireNonNull(day, "day is null");
            header = List.copyOf(header);
            records = List.copyOf(records);
        }

        /** Records whose field count matches the header, as column name → value. */
        List<Map<String, String>> rows()
        {
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> record : records) {
                if (record.size() == header.size()) {
                    Map<String, String> row = new HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        row.put(header.get(i), record.get(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private LandingFiles() {}

    /** Every landing file of the entity, by day. */
    static TreeMap<LocalDate, DayFile> read(Path lakehouse, LandingEntity entity)
    {
        TreeMap<LocalDate, DayFile> files = new TreeMap<>();
        Path folder = lakehouse.resolve("landing").resolve(entity.entityName());
        try (Stream<Path> days = Files.list(folder)) {
            for (Path dayFolder : days.toList()) {
                LocalDate day = LocalDate.parse(dayFolder.getFileName().toString());
                List<List<String>> records = Csv.parse(Files.readString(dayFolder.resolve(entity.entityName() + ".csv"), StandardCharsets.UTF_8));
                files.put(day, new DayFile(entity, day, records.get(0), records.subList(1, records.size())));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<Map<String, String>> allRows(Path lakehouse, LandingEntity entity)
    {
        List<Map<String, String>> rows = new ArrayList<>();
        read(lakehouse, entity).values().forEach(file -> rows.addAll(file.rows()));
        return rows;
    }

    /** Relative path → bytes of every file under landing/, for byte-for-byte comparisons. */
    static Map<String, byte[]> contents(Path lakehouse)
    {
        Path landing = lakehouse.resolve("landing");
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(landing)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(landing.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents;
    }
}
