package dev.aurum.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Test code only, independent of the pipeline's own reader: the raw landing CSV files of one entity, oldest drop
 * first, read with a separate RFC 4180 parser. A record whose field count differs from its header stays in
 * {@link DropFile#records()} but has no {@link DropFile#row(int) row}.
 */
final class RawLanding
{
    private RawLanding() {}

    record DropFile(String day, List<String> header, List<List<String>> records)
    {
        DropFile
        {
            requireNonNull(day, "day is null");
            header = List.copyOf(header);
            records = List.copyOf(records);
        }

        boolean hasColumns(List<String> columns)
        {
            return header.containsAll(columns);
        }

        /** The value of {@code column} in record {@code index}, or null when the record is malformed. */
        String value(int index, String column)
        {
            List<String> record = records.get(index);
            if (record.size() != header.size()) {
                return null;
            }
            return record.get(header.indexOf(column));
        }

        boolean wellFormed(int index)
        {
            return records.get(index).size() == header.size();
        }
    }

    /** Every drop of the entity, by day. */
    static List<DropFile> read(Path lakehouse, String entity)
    {
        Path folder = lakehouse.resolve("landing").resolve(entity);
        List<DropFile> files = new ArrayList<>();
        try (Stream<Path> days = Files.list(folder)) {
            for (Path day : days.sorted().toList()) {
                Path file = day.resolve(entity + ".csv");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
                List<String> header = records.get(0).stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
                files.add(new DropFile(day.getFileName().toString(), header, records.subList(1, records.size())));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF ends a record; blank lines are not records. */
    static List<List<String>> parse(String text)
    {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean recordHasContent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                }
                else if (c == '"') {
                    inQuotes = false;
                }
                else {
                    field.append(c);
                }
                continue;
            }
            if (c == '"') {
                inQuotes = true;
                recordHasContent = true;
            }
            else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                recordHasContent = true;
            }
            else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (recordHasContent || field.length() > 0) {
                    fields.add(field.toString());
                    records.add(List.copyOf(fields));
                }
                fields.clear();
                field.setLength(0);
                recordHasContent = false;
            }
            else {
                field.append(c);
                recordHasContent = true;
            }
        }
        if (recordHasContent || field.length() > 0) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
        }
        return records;
    }
}
