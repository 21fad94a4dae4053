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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /** What one file contributed: rows, and the required columns its header lacked (empty when it was fine). */
    public record FileResult(LandingFile file, long rows, long malformedRows, List<String> missingColumns)
    {
        public FileResult
        {
            requireNonNull(file, "file is null");
            missingColumns = List.copyOf(requireNonNull(missingColumns, "missingColumns is null"));
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
        String text;
        try {
            text = Files.readString(file.path(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read landing file " + file.path(), e);
        }
        List<CsvRecord> records = CsvReader.parse(text);
        if (records.isEmpty()) {
            return new ParsedFile(file, List.of(), List.of(), new FileResult(file, 0, 0, List.of()));
        }
        List<String> header = records.get(0).fields().stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
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
        return new ParsedFile(file, header, rows, new FileResult(file, rows.size(), malformed, missing));
    }

    private void append(SourceSpec source, List<ParsedFile> files, long batchId, Instant ingestedAt)
    {
        long total = files.stream().mapToLong(file -> file.rows().size()).sum();
        if (total == 0) {
            return;
        }
        Set<String> columns = new LinkedHashSet<>(source.columns());
        for (ParsedFile file : files) {
            for (String name : file.header()) {
                if (!name.isEmpty() && !name.startsWith("_")) {
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
