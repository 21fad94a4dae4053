package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Appends new landing files to {@code bronze.<entity>}: every row as text, columns matched by header name (extra
 * columns kept, the table's schema grows), plus audit columns. A row whose field count differs from its header is
 * kept whole in {@code _raw_line} with {@code _bronze_issue = 'malformed_row'}; every row of a file whose header
 * lacks a required column is kept the same way with {@code 'missing_column'}. Each file lands inside exactly one
 * Delta commit, and {@code _source_file} is how later runs know it was ingested, so a crash never half-ingests a
 * file. Every commit is stamped with its batch id ({@link DeltaCommits#batchStamp}), so a run can tell from the
 * log alone whether the last Bronze commit was recorded in {@code ingested_files} and skip scanning Bronze.
 */
public final class BronzeIngest
{
    public static final String SOURCE_FILE = "_source_file";
    public static final String DROP_DATE = "_drop_date";
    public static final String INGESTED_AT = "_ingested_at";
    public static final String BATCH_ID = "_batch_id";
    public static final String LINE_NUMBER = "_line_number";
    public static final String RAW_LINE = "_raw_line";
    public static final String ISSUE = "_bronze_issue";
    public static final String MALFORMED_ROW = "malformed_row";
    public static final String MISSING_COLUMN = "missing_column";

    private static final Pattern COLUMN_NAME = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private final SparkSession spark;
    private final LakehouseLayout layout;
    private final int rowsPerCommit;

    public BronzeIngest(SparkSession spark, LakehouseLayout layout, int rowsPerCommit)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
        if (rowsPerCommit < 1) {
            throw new IllegalArgumentException("rowsPerCommit must be positive");
        }
        this.rowsPerCommit = rowsPerCommit;
    }

    /**
     * What one file contributed: rows, and the required columns its header lacked (empty when it was fine); the
     * file's fingerprint (size, modification time, SHA-256), by which a later run tells a changed re-delivery of the
     * same day's drop from the same file delivered again; and notes on what was odd about it (empty, header only,
     * not UTF-8, binary), which the run reports.
     */
    public record FileResult(LandingFile file, long rows, long malformedRows, List<String> missingColumns, Fingerprint fingerprint, List<String> notes)
    {
        public FileResult
        {
            requireNonNull(file, "file is null");
            missingColumns = List.copyOf(requireNonNull(missingColumns, "missingColumns is null"));
            requireNonNull(fingerprint, "fingerprint is null");
            notes = List.copyOf(requireNonNull(notes, "notes is null"));
        }
    }

    /** A landing file's size, modification time (epoch milliseconds) and SHA-256 (hex) when it was read. */
    public record Fingerprint(long size, long modifiedMillis, String sha256)
    {
        public Fingerprint
        {
            requireNonNull(sha256, "sha256 is null");
        }

        /** Reads {@code file} and fingerprints it. */
        static Fingerprint of(Path file, byte[] bytes)
        {
            try {
                return new Fingerprint(bytes.length, Files.getLastModifiedTime(file).toMillis(), sha256(bytes));
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read landing file " + file, e);
            }
        }

        static String sha256(byte[] bytes)
        {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            }
            catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public List<FileResult> ingest(SourceSpec source, List<LandingFile> files, long batchId, Instant ingestedAt)
    {
        List<FileResult> results = new ArrayList<>();
        List<ParsedFile> pending = new ArrayList<>();
        long pendingRows = 0;
        for (LandingFile file : files) {
            ParsedFile parsed = parse(source, file);
            results.add(parsed.result());
            pending.add(parsed);
            pendingRows += parsed.rows().size();
            if (pendingRows >= rowsPerCommit) {
                append(source, pending, batchId, ingestedAt);
                pending.clear();
                pendingRows = 0;
            }
        }
        append(source, pending, batchId, ingestedAt);
        return results;
    }

    /** What {@link #ingest} would report for a file, without writing: for files a crashed run left in Bronze. */
    public FileResult inspect(SourceSpec source, LandingFile file)
    {
        return parse(source, file).result();
    }

    private record ParsedFile(LandingFile file, List<String> header, List<String[]> rows, FileResult result) {}

    private ParsedFile parse(SourceSpec source, LandingFile file)
    {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read landing file " + file.path(), e);
        }
        Fingerprint fingerprint = Fingerprint.of(file.path(), bytes);
        List<String> notes = new ArrayList<>();
        String text = decode(bytes, notes);
        List<CsvRecord> records = CsvReader.parse(text);
        if (records.isEmpty()) {
            notes.add(bytes.length == 0 ? "empty file" : "no CSV records");
            return new ParsedFile(file, List.of(), List.of(), new FileResult(file, 0, 0, List.of(), fingerprint, notes));
        }
        if (records.size() == 1) {
            notes.add("header only, no rows");
        }
        // a header in the file's own spelling ("InvoiceNo") is read as the column the source maps it to ("invoice_no")
        List<String> header = records.get(0).fields().stream().map(source::columnOf).toList();
        List<String> missing = source.columns().stream().filter(column -> !header.contains(column)).toList();
        List<String[]> rows = new ArrayList<>();
        long malformed = 0;
        for (CsvRecord record : records.subList(1, records.size())) {
            // values by header position, then the line number, raw line and issue
            String[] row = new String[header.size() + 3];
            boolean fits = record.fields().size() == header.size();
            if (fits) {
                for (int i = 0; i < header.size(); i++) {
                    row[i] = record.fields().get(i);
                }
            }
            row[header.size()] = String.valueOf(record.lineNumber());
            if (!missing.isEmpty()) {
                row[header.size() + 1] = record.rawLine();
                row[header.size() + 2] = MISSING_COLUMN;
            }
            else if (!fits) {
                row[header.size() + 1] = record.rawLine();
                row[header.size() + 2] = MALFORMED_ROW;
                malformed++;
            }
            rows.add(row);
        }
        if (malformed > 0) {
            notes.add(malformed + " malformed rows (a field count that differs from the header, as in a file cut off mid-row)");
        }
        return new ParsedFile(file, header, rows, new FileResult(file, rows.size(), malformed, missing, fingerprint, notes));
    }

    /**
     * UTF-8 (a byte-order mark is skipped by the CSV reader); a file that is not valid UTF-8 is read as ISO-8859-1
     * (Latin-1, what spreadsheet exports on older systems write), which maps every byte to a character, so nothing
     * is lost and the run goes on. Binary content is read the same way and noted: its header names no required
     * column, so all its rows are quarantined as {@code missing_column}.
     */
    private static String decode(byte[] bytes, List<String> notes)
    {
        for (byte value : bytes) {
            if (value == 0) {
                notes.add("binary content (NUL bytes), not a CSV file");
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException e) {
            notes.add("not UTF-8: read as ISO-8859-1 (Latin-1)");
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private void append(SourceSpec source, List<ParsedFile> files, long batchId, Instant ingestedAt)
    {
        long total = files.stream().mapToLong(file -> file.rows().size()).sum();
        if (total == 0) {
            return;
        }
        Set<String> columns = new LinkedHashSet<>(source.columns());
        for (ParsedFile file : files) {
            // a rejected file's header (binary garbage, another file's header) adds no columns: its rows are kept
            // whole in _raw_line; nor does a name Delta cannot store (spaces, commas, braces, control characters)
            if (!file.result().missingColumns().isEmpty()) {
                continue;
            }
            for (String name : file.header()) {
                if (!name.isEmpty() && !name.startsWith("_") && COLUMN_NAME.matcher(name).matches()) {
                    columns.add(name);
                }
            }
        }
        List<String> columnList = List.copyOf(columns);
        List<StructField> fields = new ArrayList<>();
        for (String column : columnList) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(DROP_DATE, DataTypes.DateType, false));
        fields.add(DataTypes.createStructField(INGESTED_AT, DataTypes.TimestampType, false));
        fields.add(DataTypes.createStructField(BATCH_ID, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(LINE_NUMBER, DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField(RAW_LINE, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(ISSUE, DataTypes.StringType, true));
        StructType schema = DataTypes.createStructType(fields);

        List<Row> rows = new ArrayList<>((int) total);
        for (ParsedFile file : files) {
            int[] positions = new int[columnList.size()];
            for (int i = 0; i < columnList.size(); i++) {
                positions[i] = file.header().indexOf(columnList.get(i));
            }
            int width = file.header().size();
            for (String[] parsed : file.rows()) {
                Object[] values = new Object[columnList.size() + 7];
                for (int i = 0; i < positions.length; i++) {
                    values[i] = positions[i] < 0 ? null : parsed[positions[i]];
                }
                int audit = columnList.size();
                values[audit] = file.file().relativePath();
                values[audit + 1] = file.file().day();
                values[audit + 2] = ingestedAt;
                values[audit + 3] = batchId;
                values[audit + 4] = Integer.parseInt(parsed[width]);
                values[audit + 5] = parsed[width + 1];
                values[audit + 6] = parsed[width + 2];
                rows.add(RowFactory.create(values));
            }
        }
        spark.createDataFrame(rows, schema)
                .write()
                .format("delta")
                .mode(SaveMode.Append)
                .option("mergeSchema", "true")
                .option("userMetadata", DeltaCommits.batchStamp(batchId))
                .save(layout.table(Layer.BRONZE, source.entity()).toString());
    }
}
