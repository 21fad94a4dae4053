package dev.aurum.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.lakehouse.DeltaTables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a Delta commit says about itself from its JSON log file, without a Spark job: the
 * {@code commitInfo.operationMetrics} Delta records for every write (history metrics are on by default), and the
 * Bronze batch id the pipeline stamps into {@code commitInfo.userMetadata} of every Bronze and Silver commit
 * ({@value #BATCH_PREFIX}&lt;id&gt;). Those stamps let a run learn which batches a table holds without scanning it.
 */
final class DeltaCommits
{
    static final String BATCH_PREFIX = "aurum-batch=";
    private static final Pattern BATCH = Pattern.compile(Pattern.quote(BATCH_PREFIX) + "(-?\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeltaCommits() {}

    /** The {@code userMetadata} stamp for a commit that holds (or completes) Bronze batch {@code batchId}. */
    static String batchStamp(long batchId)
    {
        return BATCH_PREFIX + batchId;
    }

    /** {@code numOutputRows} of the table's latest commit, when that commit recorded it. */
    static OptionalLong latestOutputRows(Path table)
    {
        return latestMetric(table, "numOutputRows");
    }

    /** One {@code operationMetrics} value of the table's latest commit, when that commit recorded it. */
    static OptionalLong latestMetric(Path table, String metric)
    {
        long version = DeltaTables.latestVersion(table);
        if (version < 0) {
            return OptionalLong.empty();
        }
        Optional<JsonNode> info = commitInfo(table, version);
        if (info.isEmpty()) {
            return OptionalLong.empty();
        }
        JsonNode rows = info.get().path("operationMetrics").path(metric);
        if (rows.isTextual() || rows.isNumber()) {
            try {
                return OptionalLong.of(Long.parseLong(rows.asText()));
            }
            catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    static OptionalLong latestBatch(Path table)
    {
        long version = DeltaTables.latestVersion(table);
        return version < 0 ? OptionalLong.empty() : batchOf(table, version);
    }

    /**
     * The batches stamped on the table's commits newer than the newest commit whose batch is at most
     * {@code watermark}, sorted. Empty (unknown) when a commit on the way has no stamp (an OPTIMIZE, a table
     * written by an older version) or its log file is gone: the caller must then read the table.
     */
    static Optional<List<Long>> batchesAfter(Path table, long watermark)
    {
        TreeSet<Long> batches = new TreeSet<>();
        for (long version = DeltaTables.latestVersion(table); version >= 0; version--) {
            OptionalLong batch = batchOf(table, version);
            if (batch.isEmpty()) {
                return Optional.empty();
            }
            if (batch.getAsLong() <= watermark) {
                return Optional.of(new ArrayList<>(batches));
            }
            batches.add(batch.getAsLong());
        }
        return Optional.of(new ArrayList<>(batches));
    }

    private static OptionalLong batchOf(Path table, long version)
    {
        Optional<JsonNode> info = commitInfo(table, version);
        if (info.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher matcher = BATCH.matcher(info.get().path("userMetadata").asText(""));
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    private static Optional<JsonNode> commitInfo(Path table, long version)
    {
        Path commit = table.resolve(DeltaTables.LOG_FOLDER).resolve(String.format("%020d.json", version));
        try {
            for (String line : Files.readAllLines(commit, StandardCharsets.UTF_8)) {
                JsonNode info = JSON.readTree(line).path("commitInfo");
                if (!info.isMissingNode()) {
                    return Optional.of(info);
                }
            }
            return Optional.empty();
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
