package dev.aurum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AskCommandTest
{
    @TempDir
    Path folder;

    private CommandRun ask(String... args)
    {
        String[] all = new String[args.length + 3];
        all[0] = "ask";
        all[1] = "--lakehouse";
        all[2] = folder.resolve("lakehouse").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CommandRun.run(new FakeAssistant(folder).commandLine(), all);
    }

    @Test
    void answeredExitsZeroAndPrintsTheTableAndSummary()
    {
        CommandRun run = ask("revenue in RJ for 2018");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("R$ 1,234.50", "Revenue was R$ 1,234.50 (customer_state = RJ, year = 2018).");
    }

    @Test
    void exitCodesFollowTheStatus()
    {
        assertThat(ask("forecast revenue for 2030")).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).contains("refused: Aurum answers questions about past orders");
        });
        assertThat(ask("value")).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).contains("Which value do you mean?", "1. revenue", "2. payment value");
        });
        assertThat(ask("broken revenue by state")).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("error: only one SELECT");
        });
        assertThat(ask("--engine", "llm", "revenue by state")).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("--engine llm needs a model");
        });
        assertThat(ask("is revenue different across states?").exitCode()).isEqualTo(1);
    }

    @Test
    void badUsageExitsTwo()
    {
        assertThat(ask("--format", "xml", "revenue by state").exitCode()).isEqualTo(2);
        CommandRun engine = ask("--engine", "quantum", "revenue by state");
        assertThat(engine.exitCode()).isEqualTo(2);
        assertThat(engine.err()).contains("Unknown engine 'quantum'");
        assertThat(ask().exitCode()).isEqualTo(2);
    }

    @Test
    void jsonFormatIsTheJsonAnswer()
            throws Exception
    {
        CommandRun run = ask("--format", "json", "revenue", "by", "state");
        assertThat(run.exitCode()).isZero();
        JsonNode answer = new ObjectMapper().readTree(run.out());
        assertThat(answer.get("question").asText()).isEqualTo("revenue by state");
        assertThat(answer.get("status").asText()).isEqualTo("answered");
        assertThat(answer.get("route").asText()).isEqualTo("planner");
        assertThat(answer.get("row_count").asLong()).isEqualTo(2);
        assertThat(answer.get("provenance").get("metrics").get(0).asText()).isEqualTo("revenue");
        assertThat(answer.get("timings").has("total_ms")).isTrue();
    }

    @Test
    void chartOptionWritesAPng()
            throws Exception
    {
        Path png = folder.resolve("chart.png");
        CommandRun run = ask("--chart", png.toString(), "revenue by state");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Chart written to");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        Path none = folder.resolve("none.png");
        CommandRun single = ask("--chart", none.toString(), "revenue in RJ for 2018");
        assertThat(single.err()).contains("nothing to chart");
        assertThat(none).doesNotExist();
    }
}
