package dev.aurum.eval;

import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Engine;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.aurum.eval.ResultComparatorTest.row;
import static org.assertj.core.api.Assertions.assertThat;

class EvalReportWriterTest
{
    private final EvalSuite suite = new EvalSuiteLoader().parse(EvalRunnerTest.SUITE, "tiny.yaml");
    private final EvalReportWriter writer = new EvalReportWriter();

    private EvalReport report(ScriptedAssistant assistant, EvalGate gate, Optional<Baseline> baseline)
    {
        SemanticModel model = new SemanticModel("m", null, List.of(new SemanticTable("order_facts", null, "gold.order_facts", null, null, null, null, null,
                List.of(Metric.simple("revenue", "sum", "x", null, null, null), Metric.simple("orders", "count", null, null, null, null)), null)),
                null, null, null);
        Evaluation evaluation = new Evaluation(EvalRunnerTest.runner(assistant, Duration.ofSeconds(10)), Optional.of(model),
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        return evaluation.run(suite, Engine.OFFLINE, "scale 0.05 <&> \"quoted\"", Optional.of("2018-06-24"), gate, baseline, outcome -> {});
    }

    private static ScriptedAssistant someWrong()
    {
        return EvalRunnerTest.allRight()
                .answer("total revenue", EvalRunnerTest.REVENUE, List.of(row(new BigDecimal("299.00"))))
                .status("how did we do", AnswerStatus.REFUSED, null, "No <idea> & \"why\"")
                .status("top states", AnswerStatus.ERROR, "SELECT nope", "[UNRESOLVED_COLUMN] nope");
    }

    @Test
    void accuracyPerRouteCountsEachRoutesRightAndWrongAnswers() throws Exception
    {
        EvalReport report = report(someWrong(), EvalGate.none(), Optional.empty());
        EvalSummary summary = report.summary();

        assertThat(summary.routeScores()).containsKey("planner");
        summary.routeScores().forEach((route, score) -> {
            List<QuestionOutcome> ofRoute = report.outcomes().stream().filter(outcome -> route.equals(outcome.route() == null ? "none" : outcome.route())).toList();
            assertThat(score.total()).isEqualTo(ofRoute.size());
            assertThat(score.correct()).isEqualTo((int) ofRoute.stream().filter(QuestionOutcome::correct).count());
            assertThat(score.wrong()).isEqualTo((int) ofRoute.stream().filter(outcome -> outcome.verdict() == Verdict.WRONG).count());
        });
        EvalSummary.TagScore planner = summary.routeScores().get("planner");
        assertThat(planner.wrong()).isEqualTo(1);
        assertThat(writer.markdown(report)).contains("## Accuracy per route")
                .contains("| planner | " + planner.total() + " | " + planner.correct() + " | 1 | " + EvalGate.percent(planner.accuracy()) + " |");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(writer.json(report)).at("/summary/accuracy_by_route/planner/correct").asInt())
                .isEqualTo(planner.correct());
    }

    @Test
    void junitXmlIsValidAndCountsEveryQuestion() throws Exception
    {
        String xml = writer.junit(report(someWrong(), EvalGate.none(), Optional.empty()));
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element testsuite = (Element) document.getElementsByTagName("testsuite").item(0);
        assertThat(testsuite.getAttribute("tests")).isEqualTo("7");
        assertThat(testsuite.getAttribute("failures")).isEqualTo("2");
        assertThat(testsuite.getAttribute("errors")).isEqualTo("1");
        NodeList testcases = document.getElementsByTagName("testcase");
        assertThat(testcases.getLength()).isEqualTo(suite.items().size());
        assertThat(((Element) testcases.item(0)).getAttribute("name")).isEqualTo("total");
        Element failure = (Element) ((Element) testcases.item(0)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("SINGLE_CELL_DIFFERENCE");
        Element refused = (Element) ((Element) testcases.item(3)).getElementsByTagName("failure").item(0);
        assertThat(refused.getTextContent()).contains("No <idea> & \"why\"");
        assertThat(((Element) testcases.item(2)).getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(((Element) testcases.item(1)).getChildNodes().getLength()).as("a right answer has no failure").isZero();
    }

    @Test
    void jsonReportIsABaselineForTheNextRun(@TempDir Path folder) throws Exception
    {
        Path json = folder.resolve("before.json");
        Files.writeString(json, writer.json(report(EvalRunnerTest.allRight(), EvalGate.none(), Optional.empty())));
        Baseline baseline = Baseline.read(json);

        EvalReport after = report(someWrong(), EvalGate.none(), Optional.of(baseline));
        assertThat(after.changes()).extracting(BaselineChange::id, BaselineChange::kind, BaselineChange::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple("total", BaselineChange.Kind.REGRESSED, "wrong: SINGLE_CELL_DIFFERENCE"),
                org.assertj.core.groups.Tuple.tuple("top", BaselineChange.Kind.REGRESSED, "error: SQL_ERROR"),
                org.assertj.core.groups.Tuple.tuple("vague", BaselineChange.Kind.REGRESSED, "abstained: REFUSED_INSTEAD"));

        Path worse = folder.resolve("worse.json");
        Files.writeString(worse, writer.json(after));
        EvalReport fixed = report(EvalRunnerTest.allRight(), EvalGate.none(), Optional.of(Baseline.read(worse)));
        assertThat(fixed.changes()).extracting(BaselineChange::kind).containsOnly(BaselineChange.Kind.FIXED).hasSize(3);
        assertThat(writer.markdown(fixed)).contains("## Changes against the baseline", "| total | FIXED | wrong: SINGLE_CELL_DIFFERENCE | correct |");
    }

    @Test
    void jsonAndMarkdownCarryTheNumbers()
    {
        EvalReport report = report(someWrong(), new EvalGate(OptionalDouble.of(0.9), OptionalDouble.of(0.0)), Optional.empty());
        assertThat(report.summary().correct()).isEqualTo(4);
        assertThat(report.gateMisses()).hasSize(2);
        String json = writer.json(report);
        assertThat(json).contains("\"accuracy\" : 0.5714", "\"wrong_rate\" : 0.1428", "\"passed\" : false", "\"SINGLE_CELL_DIFFERENCE\" : 1",
                "\"prompt_tokens\" : 400", "\"planner\" : 7");
        String markdown = writer.markdown(report);
        assertThat(markdown).contains("**57.14%**", "**14.29%**", "| top-n | 1 | 0 | 0 | 0.00% |", "### total — SINGLE_CELL_DIFFERENCE",
                "accuracy 57.14% is below the minimum 90.00%", "| planner | 7 |");
        // coverage: the scripted answers name revenue only
        assertThat(report.coverage().orElseThrow().unusedMetrics()).containsExactly("order_facts.orders");
        assertThat(markdown).contains("Metrics no question exercises: 1 — `order_facts.orders`");
    }
}
