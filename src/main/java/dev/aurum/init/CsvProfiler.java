package dev.aurum.init;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.init.CsvProfile.Column;
import dev.aurum.init.CsvProfile.ColumnType;
import dev.aurum.init.CsvProfile.ColumnType.Kind;
import dev.aurum.init.CsvProfile.Drop;
import dev.aurum.pipeline.CsvReader;
import dev.aurum.pipeline.CsvRecord;
import dev.aurum.semantic.Language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a folder of CSV drops and profiles each entity: which files are its drops (from their names), its columns
 * (headers in their own spelling mapped to snake_case), their types (inferred from a sample of rows), sample values,
 * and a key when some column set is unique in every file.
 *
 * <p>Drops are either laid out as the landing zone is ({@code <entity>/<YYYY-MM-DD>/<entity>.csv}) or named
 * {@code <entity>_<YYYY-MM-DD>.csv} (also {@code -} or {@code YYYYMMDD}); a file without a date is one drop dated by
 * its last change.
 */
public final class CsvProfiler
{
    /** Rows per file used for types, samples and uniqueness. */
    public static final int SAMPLE_ROWS = 5_000;
    private static final int MAX_DISTINCT = 1_000;
    private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,16}([.]\\d{1,6})?|-?[.]\\d{1,6}");
    private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false");
    /** Time formats tried in order: a column takes the first every sampled value parses with. */
    private static final List<TimeFormat> TIME_FORMATS = List.of(
            new TimeFormat(Kind.DATE, "yyyy-MM-dd", Pattern.compile("\\d{4}-\\d{2}-\\d{2}")),
            new TimeFormat(Kind.TIMESTAMP, "yyyy-MM-dd HH:mm:ss", Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")),
            new TimeFormat(Kind.TIMESTAMP, "yyyy-MM-dd HH:mm", Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")),
            new TimeFormat(Kind.TIMESTAMP, "yyyy-MM-dd'T'HH:mm:ss", Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")),
            new TimeFormat(Kind.DATE, "d/M/yyyy", Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}")),
            new TimeFormat(Kind.TIMESTAMP, "d/M/yyyy H:mm", Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}")));
    /** The last part of a snake_case name that says identifier (en.yaml, init.identifier_endings). */
    private static final Set<String> IDENTIFIER_ENDINGS = Set.copyOf(Language.english().init().identifierEndings());

    private record TimeFormat(Kind kind, String pattern, Pattern regex) {}

    /** Profiles every entity found in {@code folder}, by entity name. @throws AurumException BAD_INPUT when there is nothing to read */
    public List<CsvProfile> profile(Path folder)
    {
        if (!Files.isDirectory(folder)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "The CSV folder " + folder + " does not exist; give the folder that holds your daily CSV drops.");
        }
        Map<String, List<Drop>> drops = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList()) {
                Drop drop = drop(folder, file);
                drops.computeIfAbsent(entityOf(folder, file), name -> new ArrayList<>()).add(drop);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        if (drops.isEmpty()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "No .csv files in " + folder + "; name them <entity>_<YYYY-MM-DD>.csv or lay them out as <entity>/<YYYY-MM-DD>/<entity>.csv.");
        }
        List<CsvProfile> profiles = new ArrayList<>();
        drops.forEach((entity, files) -> profiles.add(profile(entity, files)));
        return profiles;
    }

    /** {@code InvoiceNo} → {@code invoice_no}, {@code Customer ID} and {@code CustomerID} → {@code customer_id}. */
    public static String snakeCase(String text)
    {
        String spaced = text.trim()
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        String snake = spaced.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (snake.isEmpty()) {
            return "column";
        }
        return Character.isDigit(snake.charAt(0)) ? "c_" + snake : snake;
    }

    private static String entityOf(Path folder, Path file)
    {
        Path relative = folder.relativize(file);
        if (relative.getNameCount() == 3 && DATE_IN_NAME.matcher(relative.getName(1).toString()).matches()) {
            return snakeCase(relative.getName(0).toString());
        }
        String stem = file.getFileName().toString().replaceAll("(?i)\\.csv$", "");
        String withoutDate = DATE_IN_NAME.matcher(stem).replaceAll(" ");
        String entity = snakeCase(withoutDate);
        return entity.equals("column") ? "records" : entity;
    }

    private static Drop drop(Path folder, Path file)
            throws IOException
    {
        Path relative = folder.relativize(file);
        List<String> candidates = new ArrayList<>();
        for (int i = relative.getNameCount() - 1; i >= 0; i--) {
            candidates.add(relative.getName(i).toString());
        }
        for (String name : candidates) {
            Matcher matcher = DATE_IN_NAME.matcher(name);
            if (matcher.find()) {
                try {
                    return new Drop(file, LocalDate.parse(matcher.group(1) + "-" + matcher.group(2) + "-" + matcher.group(3)));
                }
                catch (DateTimeParseException e) {
                    // eight digits that are not a date: look further
                }
            }
        }
        return new Drop(file, LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), java.time.ZoneOffset.UTC));
    }

    private CsvProfile profile(String entity, List<Drop> files)
    {
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Integer> presentIn = new HashMap<>();
        List<List<Map<String, String>>> perFile = new ArrayList<>();
        long rows = 0;
        for (Drop drop : files) {
            List<CsvRecord> records;
            try {
                records = CsvReader.parse(Files.readString(drop.path(), StandardCharsets.UTF_8));
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + drop.path(), e);
            }
            if (records.isEmpty()) {
                continue;
            }
            List<String> header = records.get(0).fields().stream().map(String::trim).toList();
            List<String> names = new ArrayList<>();
            for (String spelling : header) {
                String name = snakeCase(spelling);
                names.add(name);
                List<String> known = spellings.computeIfAbsent(name, key -> new ArrayList<>());
                if (!known.contains(spelling)) {
                    known.add(spelling);
                }
                values.computeIfAbsent(name, key -> new ArrayList<>());
                presentIn.merge(name, 1, Integer::sum);
            }
            List<Map<String, String>> sampled = new ArrayList<>();
            for (CsvRecord record : records.subList(1, records.size())) {
                rows++;
                if (sampled.size() >= SAMPLE_ROWS || record.fields().size() != header.size()) {
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String value = record.fields().get(i).trim();
                    row.put(names.get(i), value);
                    values.get(names.get(i)).add(value);
                }
                sampled.add(row);
            }
            perFile.add(sampled);
        }
        int fileCount = perFile.size();
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : spellings.entrySet()) {
            String name = entry.getKey();
            List<String> seen = values.get(name);
            List<String> present = seen.stream().filter(value -> !value.isEmpty()).toList();
            Map<String, Integer> counts = new HashMap<>();
            for (String value : present) {
                if (counts.size() < MAX_DISTINCT || counts.containsKey(value)) {
                    counts.merge(value, 1, Integer::sum);
                }
            }
            List<String> samples = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(8).map(Map.Entry::getKey).toList();
            columns.add(new Column(name, entry.getValue(), type(name, present), presentIn.getOrDefault(name, 0) == fileCount,
                    seen.size() - present.size(), counts.size(), samples));
        }
        return new CsvProfile(entity, files, columns, key(columns, perFile), rows);
    }

    static ColumnType type(String name, List<String> values)
    {
        if (values.isEmpty()) {
            return new ColumnType(Kind.STRING, "string", "");
        }
        String[] parts = name.split("_");
        boolean identifier = name.equals("id") || IDENTIFIER_ENDINGS.contains(parts[parts.length - 1]);
        if (!identifier && values.stream().allMatch(value -> INTEGER.matcher(value).matches())) {
            return new ColumnType(Kind.INTEGER, "bigint", "");
        }
        if (!identifier && values.stream().allMatch(value -> DECIMAL.matcher(value).matches())) {
            int scale = values.stream().mapToInt(value -> value.contains(".") ? value.length() - value.indexOf('.') - 1 : 0).max().orElse(2);
            scale = Math.max(2, Math.min(6, scale));
            return new ColumnType(Kind.DECIMAL, "decimal(18," + scale + ")", "");
        }
        if (values.stream().allMatch(value -> BOOLEAN.matcher(value).matches())) {
            return new ColumnType(Kind.BOOLEAN, "boolean", "");
        }
        for (TimeFormat format : TIME_FORMATS) {
            if (values.stream().allMatch(value -> format.regex().matcher(value).matches() && parses(value, format))) {
                return new ColumnType(format.kind(), format.kind() == Kind.DATE ? "date" : "timestamp", format.pattern());
            }
        }
        return new ColumnType(Kind.STRING, "string", "");
    }

    private static boolean parses(String value, TimeFormat format)
    {
        try {
            // strict, so 2024-02-30 is no date (java.time spells the year uuuu where Spark says yyyy)
            DateTimeFormatter formatter = DateTimeFormatter.ofPattern(format.pattern().replace("yyyy", "uuuu"), Locale.ROOT)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT);
            if (format.kind() == Kind.DATE) {
                LocalDate.parse(value, formatter);
            }
            else {
                java.time.LocalDateTime.parse(value, formatter);
            }
            return true;
        }
        catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * A single column, else a pair, that is never empty and unique within every file (a key may arrive again in a
     * later drop: the latest wins). Identifier-like names are tried first. Empty when none is: append-only.
     */
    static List<String> key(List<Column> columns, List<List<Map<String, String>>> files)
    {
        List<Column> candidates = new ArrayList<>(columns.stream()
                .filter(column -> column.inEveryFile() && column.nulls() == 0 && column.type().kind() != Kind.BOOLEAN
                        && column.type().kind() != Kind.DECIMAL)
                .toList());
        candidates.sort((a, b) -> Boolean.compare(!isIdentifier(a.name()), !isIdentifier(b.name())));
        for (Column column : candidates) {
            if (unique(files, List.of(column.name()))) {
                return List.of(column.name());
            }
        }
        List<Column> few = candidates.subList(0, Math.min(8, candidates.size()));
        for (int i = 0; i < few.size(); i++) {
            for (int j = i + 1; j < few.size(); j++) {
                List<String> pair = List.of(few.get(i).name(), few.get(j).name());
                if (unique(files, pair)) {
                    return pair;
                }
            }
        }
        return List.of();
    }

    private static boolean isIdentifier(String name)
    {
        String[] parts = name.split("_");
        return name.equals("id") || IDENTIFIER_ENDINGS.contains(parts[parts.length - 1]);
    }

    private static boolean unique(List<List<Map<String, String>>> files, List<String> key)
    {
        for (List<Map<String, String>> rows : files) {
            Set<List<String>> seen = new HashSet<>();
            for (Map<String, String> row : rows) {
                List<String> values = new ArrayList<>();
                for (String column : key) {
                    values.add(row.get(column));
                }
                if (!seen.add(values)) {
                    return false;
                }
            }
        }
        return true;
    }
}
