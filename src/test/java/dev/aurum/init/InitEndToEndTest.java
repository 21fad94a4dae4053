package dev.aurum.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.testing.ChildAurum;
import dev.aurum.testing.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aurum on a user's own data (docs/reference.md, "Your own data"): {@code aurum init} on CSV drops of a car-rental agency (dates,
 * amounts, a status column, a header spelled differently one day, a source without a unique key), then
 * {@code pipeline run --project} and {@code ask --project "how many rentals by month"}, each in a child JVM as a user
 * runs them, so their Spark sessions stay apart from the test run's shared one.
 */
@SparkTest
class InitEndToEndTest
{
    @TempDir
    Path folder;

    @Test
    void initThenPipelineRunThenAskAnswersFromTheUsersDrops()
            throws Exception
    {
        RentalDrops drops = RentalDrops.write(folder.resolve("drops"));
        Path project = folder.resolve("rentals");

        Run init = aurum("init", project.toString(), "--from", folder.resolve("drops").toString(), "--currency", "EUR");
        assertThat(init.exitCode()).as(init.output()).isZero();
        assertThat(init.output()).contains("extras", "append-only", "rentals", "key [rental_id]");

        Run pipeline = aurum("pipeline", "run", "--project", project.toString());
        assertThat(pipeline.exitCode()).as(pipeline.output()).isZero();

        Run ask = aurum("ask", "--project", project.toString(), "--engine", "offline", "--format", "json", "how many rentals by month");
        assertThat(ask.exitCode()).as(ask.output()).isZero();
        JsonNode answer = new ObjectMapper().readTree(ask.output().substring(ask.output().indexOf('{')));
        assertThat(answer.get("status").asText()).isEqualTo("answered");
        Map<String, Integer> byMonth = new HashMap<>();
        List<String> columns = new ArrayList<>();
        answer.get("columns").forEach(column -> columns.add(column.get("name").asText()));
        for (JsonNode row : answer.get("rows")) {
            String month = columns.contains("year")
                    ? row.get(columns.indexOf("year")).asText() + "-" + String.format("%02d", row.get(columns.indexOf("month")).asInt())
                    : row.get(0).asText().substring(0, 7);
            byMonth.put(month, row.get(columns.size() - 1).asInt());
        }
        assertThat(byMonth).isEqualTo(drops.rentalsByMonth);

        Run extras = aurum("sql", "--project", project.toString(), "--format", "json", "SELECT COUNT(*) AS n FROM gold.extras");
        assertThat(extras.exitCode()).as(extras.output()).isZero();
        JsonNode counted = new ObjectMapper().readTree(extras.output().substring(extras.output().indexOf('{')));
        assertThat(counted.get("rows").get(0).get(0).asInt()).as("every line kept, the exact duplicate dropped")
                .isEqualTo(drops.extraLines - drops.duplicateLines);
    }

    private record Run(int exitCode, String output) {}

    private Run aurum(String... arguments)
            throws Exception
    {
        List<String> command = ChildAurum.command(List.of("-Xmx1g"), List.of(arguments));
        Path log = Files.createTempFile(folder, "aurum", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("AURUM_PROJECT");
        builder.environment().remove("AURUM_LAKEHOUSE");
        Process process = builder.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("aurum " + String.join(" ", arguments) + " finished").isTrue();
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
