package dev.aurum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCommandTest
{
    @TempDir
    Path folder;

    private CommandRun batch(String... args)
    {
        String[] all = new String[args.length + 3];
        all[0] = "batch";
        all[1] = "--lakehouse";
        all[2] = folder.resolve("lakehouse").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CommandRun.run(new FakeAssistant(folder).commandLine(), all);
    }

    private Path write(String name, String text)
            throws Exception
    {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void textFileOneQuestionPerLineKeepsGoingPastFailures()
            throws Exception
    {
        Path file = write("questions.txt", "# a comment\nrevenue in RJ for 2018\n\nbroken revenue by state\nvalue\nforecast revenue\nrevenue by state\n");
        CommandRun run = batch(file.toString(), "--format", "jsonl");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> answers = jsonLines(run.out());
        assertThat(answers).extracting(answer -> answer.get("id").asText()).containsExactly("2", "4", "5", "6", "7");
        assertThat(answers).extracting(answer -> answer.get("status").asText())
                .containsExactly("answered", "error", "clarification", "refused", "answered");
        assertThat(run.err()).contains("5 of 5 questions: 2 answered, 1 clarified, 1 refused, 1 errors in ");
    }

    @Test
    void yamlAndJsonlItemsKeepTheirIds()
            throws Exception
    {
        Path yaml = write("suite.yaml", "questions:\n  - id: rj\n    question: revenue in RJ for 2018\n  - id: states\n    question: revenue by state\n");
        CommandRun fromYaml = batch(yaml.toString(), "--format", "jsonl");
        assertThat(fromYaml.exitCode()).as(fromYaml.err()).isZero();
        assertThat(jsonLines(fromYaml.out())).extracting(answer -> answer.get("id").asText()).containsExactly("rj", "states");

        Path list = write("list.yml", "- id: a\n  question: revenue by state\n");
        assertThat(jsonLines(batch(list.toString(), "--format", "jsonl").out())).hasSize(1);

        Path jsonl = write("suite.jsonl", "{\"id\": \"x1\", \"question\": \"revenue by state\"}\n\n{\"id\": \"x2\", \"question\": \"value\"}\n");
        Path out = folder.resolve("out/answers.json");
        CommandRun fromJsonl = batch(jsonl.toString(), "--format", "json", "--out", out.toString());
        assertThat(fromJsonl.exitCode()).isZero();
        assertThat(fromJsonl.out()).isEmpty();
        JsonNode array = new ObjectMapper().readTree(Files.readString(out));
        assertThat(array.isArray()).isTrue();
        assertThat(array.get(0).get("id").asText()).isEqualTo("x1");
        assertThat(array.get(1).get("status").asText()).isEqualTo("clarification");
    }

    @Test
    void tableFormatLabelsEachQuestion()
            throws Exception
    {
        Path file = write("q.txt", "revenue by state\n");
        CommandRun run = batch(file.toString());
        assertThat(run.out()).contains("[1] revenue by state", "SP", "R$ 5,000.00");
    }

    @Test
    void failFastStopsAtTheFirstError()
            throws Exception
    {
        Path file = write("q.txt", "revenue by state\nbroken revenue by state\nrevenue in RJ for 2018\n");
        CommandRun run = batch(file.toString(), "--format", "jsonl", "--fail-fast");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(jsonLines(run.out())).hasSize(2);
        assertThat(run.err()).contains("2 of 3 questions", "stopped at the first error");
    }

    @Test
    void strictFailsWhenAnyQuestionIsNotAnswered()
            throws Exception
    {
        Path mixed = write("mixed.txt", "revenue by state\nvalue\n");
        assertThat(batch(mixed.toString(), "--format", "jsonl").exitCode()).isZero();
        assertThat(batch(mixed.toString(), "--format", "jsonl", "--strict").exitCode()).isEqualTo(1);
        Path good = write("good.txt", "revenue by state\nrevenue in SP for 2017\n");
        assertThat(batch(good.toString(), "--format", "jsonl", "--strict").exitCode()).isZero();
    }

    @Test
    void unreadableOrMalformedFilesExitTwo()
            throws Exception
    {
        CommandRun missing = batch(folder.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Cannot read the batch file", "no such file");
        assertThat(batch(write("q.csv", "a\n").toString()).exitCode()).isEqualTo(2);
        CommandRun badJson = batch(write("bad.jsonl", "{\"id\": 1, \"question\": \"revenue\"}\nnot json\n").toString());
        assertThat(badJson.exitCode()).isEqualTo(2);
        assertThat(badJson.err()).contains("line 2 is not JSON");
        assertThat(batch(write("bad.yaml", "- id: a\n  text: revenue\n").toString()).err()).contains("item 1 has no question");
        assertThat(batch(write("dup.jsonl", "{\"id\": \"a\", \"question\": \"x\"}\n{\"id\": \"a\", \"question\": \"y\"}\n").toString()).exitCode()).isEqualTo(2);
    }

    private static List<JsonNode> jsonLines(String text)
            throws Exception
    {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                nodes.add(mapper.readTree(line));
            }
        }
        return nodes;
    }
}
