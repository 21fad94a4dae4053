package dev.aurum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.assistant.llm.ScriptedOpenAiServer;
import dev.aurum.init.ProjectDrafter;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.SemanticTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aurum init --describe} against a scripted OpenAI-compatible server on 127.0.0.1, no Spark: what is sent
 * (column names and sample values only), what the reply fills in (marked for review), and that a bad reply or a
 * missing model never leaves a half-written project.
 */
class InitDescribeTest
{
    /** A fare that occurs once: never among a column's most frequent values, so it must never be sent. */
    private static final String RARE_FARE = "987.65";

    @TempDir
    Path folder;

    @Test
    void theModelWritesDescriptionsAndSynonymsFromNamesAndSamplesOnly()
            throws Exception
    {
        Path drops = drops();
        Path project = folder.resolve("trips");
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer()) {
            server.reply("""
                    {"tables": {"trips": {"description": "Taxi trips, one per ride.", "synonyms": ["rides", "journeys"],
                      "columns": {"status": {"description": "Whether the trip was completed or cancelled.", "synonyms": ["trip state"]},
                                  "start_date": {"description": "The day the ride began.", "synonyms": ["ride day"]}}}}}""");

            CommandRun run = init(server, project, drops, "--describe");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(server.requests()).hasSize(1);
            String sent = server.lastMessage(0);
            assertThat(sent).contains("trips", "trip_id", "start_date", "fare", "status", "completed", "cancelled", "T0001");
            JsonNode body = new ObjectMapper().readTree(server.requests().get(0));
            assertThat(body.get("messages")).hasSize(1);
            String request = server.requests().get(0);
            assertThat(request).as("no row beyond the samples").doesNotContain(RARE_FARE)
                    .as("no file path or file name").doesNotContain(drops.toString()).doesNotContain("trips_2024-01-10").doesNotContain(folder.toString())
                    .as("the headers' own spelling is not needed").doesNotContain("Trip ID");

            String yaml = Files.readString(project.resolve("semantic-model/trips.yaml"));
            assertThat(yaml).contains(ProjectDrafter.WRITTEN_BY_MODEL + "\n    description: '[review] Taxi trips, one per ride.'");
            assertThat(yaml).contains(ProjectDrafter.WRITTEN_BY_MODEL + "\n        description: '[review] Whether the trip was completed or cancelled.'");
            SemanticModel model = new SemanticModelLoader().load(project.resolve("semantic-model/trips.yaml"));
            SemanticTable trips = model.tables().get(0);
            assertThat(trips.synonyms()).contains("trips", "rides", "journeys");
            Dimension status = trips.dimensions().stream().filter(dimension -> dimension.name().equals("status")).findFirst().orElseThrow();
            assertThat(status.description()).isEqualTo("[review] Whether the trip was completed or cancelled.");
            assertThat(status.synonyms()).containsExactly("status", "trip state");
            assertThat(trips.timeDimensions().get(0).synonyms()).contains("start date", "date", "day", "ride day");
            assertThat(run.out()).contains("the language model wrote 1 table and 2 column");
        }
    }

    @Test
    void aReplyThatIsNotJsonOrNamesAnUnknownColumnIsIgnoredWithAWarning()
            throws Exception
    {
        Path drops = drops();
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer()) {
            server.reply("Sure! Here are some descriptions: trips are rides.");
            server.reply("{\"tables\": {\"trips\": {\"description\": \"Rides.\", \"columns\": {\"driver\": {\"description\": \"Who drove.\"}}}}}");

            CommandRun notJson = init(server, folder.resolve("one"), drops, "--describe");
            CommandRun unknown = init(server, folder.resolve("two"), drops, "--describe");

            assertThat(notJson.exitCode()).as(notJson.err()).isZero();
            assertThat(notJson.err()).contains("Warning: the language model's reply is not the JSON object asked for");
            assertThat(unknown.exitCode()).as(unknown.err()).isZero();
            assertThat(unknown.err()).contains("Warning:", "trips.driver", "ignored");
            for (String name : new String[] {"one", "two"}) {
                String yaml = Files.readString(folder.resolve(name).resolve("semantic-model/" + name + ".yaml"));
                assertThat(yaml).doesNotContain(ProjectDrafter.WRITTEN_BY_MODEL).doesNotContain("Rides.");
                assertThat(new SemanticModelLoader().load(folder.resolve(name).resolve("semantic-model/" + name + ".yaml")).tables()).hasSize(1);
            }
        }
    }

    @Test
    void describeWithoutAModelIsBadUsageAndWritesNothing()
            throws Exception
    {
        Path drops = drops();
        Path project = folder.resolve("nothing");

        CommandRun run = CommandRun.run(commandLine(Map.of("AURUM_LLM_BASE_URL", "http://127.0.0.1:9/v1")),
                "init", project.toString(), "--from", drops.toString(), "--describe");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--describe needs a language model", "AURUM_LLM_MODEL", "--llm-model");
        assertThat(project).doesNotExist();
    }

    @Test
    void withoutDescribeNothingIsSent()
            throws Exception
    {
        Path drops = drops();
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer()) {
            CommandRun run = init(server, folder.resolve("quiet"), drops);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(server.requests()).isEmpty();
        }
    }

    private CommandRun init(ScriptedOpenAiServer server, Path project, Path drops, String... more)
    {
        String[] args = new String[4 + more.length];
        args[0] = "init";
        args[1] = project.toString();
        args[2] = "--from";
        args[3] = drops.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return CommandRun.run(commandLine(Map.of("AURUM_LLM_MODEL", "scripted", "AURUM_LLM_BASE_URL", server.baseUrl(),
                "AURUM_LLM_JSON_MODE", "false")), args);
    }

    private static CommandLine commandLine(Map<String, String> environment)
    {
        return Main.commandLine(false, new CommandLine.IFactory()
        {
            @Override
            public <K> K create(Class<K> type)
                    throws Exception
            {
                if (type == InitCommand.class) {
                    return type.cast(new InitCommand(environment));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
    }

    /** Two daily drops of taxi trips: 40 rows, fares from nine tariffs but one fare seen once. */
    private Path drops()
            throws Exception
    {
        Path drops = folder.resolve("drops");
        Files.createDirectories(drops);
        // nine tariffs, each seen at least four times: they fill the eight samples, the rare fare never does
        String[] tariffs = {"12.50", "18.00", "25.00", "31.00", "40.00", "45.50", "52.00", "60.00", "75.00"};
        int id = 1;
        for (String day : new String[] {"2024-01-10", "2024-01-11"}) {
            StringBuilder csv = new StringBuilder("Trip ID,Start Date,Fare,Status\n");
            for (int i = 0; i < 20; i++, id++) {
                String fare = id == 7 ? RARE_FARE : tariffs[id % tariffs.length];
                csv.append(String.format(Locale.ROOT, "T%04d,%s,%s,%s%n", id, day, fare, id % 5 == 0 ? "cancelled" : "completed"));
            }
            Files.writeString(drops.resolve("trips_" + day + ".csv"), csv.toString());
        }
        return drops;
    }
}
