package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Assistant;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.Route;
import dev.aurum.eval.ErrorClassifier;
import dev.aurum.eval.GoldQueryRunner;
import dev.aurum.eval.ResultTable;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCommandTest
{
    private static final String SUITE = """
            name: gate
            items:
              - {id: one, question: revenue one, expect: answer, tags: [metric], sql: SELECT 1}
              - {id: two, question: revenue two, expect: answer, tags: [metric], sql: SELECT 2}
              - {id: three, question: revenue three, expect: answer, tags: [metric], sql: SELECT 3}
              - {id: vague, question: how did we do, expect: clarify, tags: [ambiguous]}
            """;

    private static final List<ResultColumn> REVENUE = List.of(new ResultColumn("revenue", "decimal(12,2)"));

    /** Gold "SELECT n" is n.00; the assistant answers "revenue n" with n.00, except for the question named wrong. */
    private static EvalEnvironment environment(String wrongQuestion, boolean goldFails)
    {
        return new EvalEnvironment()
        {
            @Override
            public GoldQueryRunner gold()
            {
                return sql -> {
                    if (goldFails && sql.equals("SELECT 2")) {
                        throw new AurumException(ErrorCode.RUN_FAILED, "column not found");
                    }
                    return new ResultTable(REVENUE, List.of(List.of(new BigDecimal(sql.substring(7) + ".00"))));
                };
            }

            @Override
            public ErrorClassifier errors()
            {
                return new ErrorClassifier(sql -> false);
            }

            @Override
            public Assistant assistant(Engine engine)
            {
                return ignored -> new Conversation()
                {
                    @Override
                    public Answer ask(String id, String question)
                    {
                        if (!question.startsWith("revenue")) {
                            return new Answer(id, question, AnswerStatus.CLARIFICATION, Route.PLANNER, null, null, null, null, null, null, "Which?",
                                    List.of("revenue"), null, null, null, null);
                        }
                        String number = switch (question) {
                            case "revenue one" -> "1";
                            case "revenue two" -> "2";
                            default -> "3";
                        };
                        BigDecimal value = new BigDecimal(question.equals(wrongQuestion) ? "99.00" : number + ".00");
                        return new Answer(id, question, AnswerStatus.ANSWERED, Route.PLANNER, "SELECT x", REVENUE, List.of(List.of(value)), 1L, false,
                                null, null, null, null, null, null, new Answer.Timings(3L, null, null, null, null, null));
                    }

                    @Override
                    public Optional<Answer> lastAnswer()
                    {
                        return Optional.empty();
                    }

                    @Override
                    public void reset() {}
                };
            }

            @Override
            public Optional<SemanticModel> model()
            {
                return Optional.empty();
            }

            @Override
            public String data()
            {
                return "scripted";
            }

            @Override
            public Optional<String> dataDate()
            {
                return Optional.of("2018-06-24");
            }

            @Override
            public void close() {}
        };
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run run(EvalEnvironment environment, String... args)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new EvalCommand(common -> environment, new PrintStream(out, true, StandardCharsets.UTF_8)));
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("error: " + exception.getMessage());
            return exception instanceof AurumException aurum ? aurum.exitCode() : 1;
        });
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void passingTheGateExitsZeroAndWritesTheThreeReports(@TempDir Path folder) throws Exception
    {
        Path suite = Files.writeString(folder.resolve("suite.yaml"), SUITE);
        Run run = run(environment(null, false), "--suite", suite.toString(), "--min-accuracy", "0.9", "--max-wrong-rate", "0",
                "--report", folder.resolve("out/report.md").toString(), "--json", folder.resolve("out/report.json").toString(),
                "--junit", folder.resolve("out/junit.xml").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("accuracy 100.00% (4/4 right)", "gate: passed");
        assertThat(Files.readString(folder.resolve("out/report.md"))).contains("**100.00%**");
        assertThat(Files.readString(folder.resolve("out/report.json"))).contains("\"passed\" : true");
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(folder.resolve("out/junit.xml").toFile());
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(4);
    }

    @Test
    void missingAGateExitsOne(@TempDir Path folder) throws Exception
    {
        Path suite = Files.writeString(folder.resolve("suite.yaml"), SUITE);
        Run wrong = run(environment("revenue two", false), "--suite", suite.toString(), "--max-wrong-rate", "0");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.out()).contains("gate missed: wrong-answer rate 25.00% is above the maximum 0.00%");

        Run accuracy = run(environment("revenue two", false), "--suite", suite.toString(), "--min-accuracy", "0.8");
        assertThat(accuracy.exitCode()).isEqualTo(1);
        assertThat(accuracy.out()).contains("accuracy 75.00% is below the minimum 80.00%");

        Run noGate = run(environment("revenue two", false), "--suite", suite.toString());
        assertThat(noGate.exitCode()).as("without a gate the run itself succeeds").isZero();
    }

    @Test
    void badInputExitsTwo(@TempDir Path folder) throws Exception
    {
        Path suite = Files.writeString(folder.resolve("suite.yaml"), SUITE);
        Run brokenGold = run(environment(null, true), "--suite", suite.toString());
        assertThat(brokenGold.exitCode()).isEqualTo(2);
        assertThat(brokenGold.err()).contains("suite.yaml:4 two: the gold SQL fails: column not found");

        assertThat(run(environment(null, false), "--suite", suite.toString(), "--min-accuracy", "90").exitCode()).isEqualTo(2);
        assertThat(run(environment(null, false), "--suite", suite.toString(), "--engine", "psychic").exitCode()).isEqualTo(2);
        assertThat(run(environment(null, false), "--suite", folder.resolve("missing.yaml").toString()).exitCode()).isEqualTo(2);
        assertThat(run(environment(null, false), "--suite", suite.toString(), "--baseline", suite.toString()).exitCode()).isEqualTo(2);
    }
}
