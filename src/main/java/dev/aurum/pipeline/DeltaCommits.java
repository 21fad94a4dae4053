package dev.aurum.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads what a Delta commit says about itself from its JSON log file, without a Spark job: the
 * {@code commitInfo.operationMetrics} Delta records for every write (history metrics are on by default).
 */
final class DeltaCommits
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeltaCommits() {}

    /** {@code numOutputRows} of the table's latest commit, when that commit recorded it. */
    static OptionalLong latestOutputRows(Path table)
    {
        long version = PipelineRunner.deltaVersion(table);
        if (version < 0) {
            return OptionalLong.empty();
        }
        Path commit = table.resolve("_delta_log").resolve(String.format("%020d.json", version));
        try {
            for (String line : Files.readAllLines(commit, StandardCharsets.UTF_8)) {
                JsonNode rows = JSON.readTree(line).path("commitInfo").path("operationMetrics").path("numOutputRows");
                if (rows.isTextual() || rows.isNumber()) {
                    return OptionalLong.of(Long.parseLong(rows.asText()));
                }
            }
            return OptionalLong.empty();
        }
        catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
