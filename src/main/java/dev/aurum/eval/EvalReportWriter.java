package dev.aurum.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes an {@link EvalReport} as Markdown (for people), JSON (for tools and {@code --baseline}) and JUnit XML (for CI). */
public final class EvalReportWriter
{
    private static final int SQL_SHOWN = 400;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String markdown(EvalReport report)
    {
        EvalSummary summary = report.summary();
        StringBuilder out = new StringBuilder();
        out.append("# Eval report: ").append(report.suiteName()).append("\n\n");
        out.append("| | |\n| --- | --- |\n");
        row(out, "suite", "`" + report.suiteSource() + "`");
        row(out, "engine", report.engine());
        row(out, "data", report.data() + report.dataDate().map(date -> "; data date " + date).orElse(""));
        row(out, "started", report.startedAt().toString());
        row(out, "duration", String.format(Locale.ROOT, "%.1f s", report.durationMillis() / 1000.0));
        row(out, "questions", Integer.toString(summary.total()));
        row(out, "**accuracy**", "**" + EvalGate.percent(summary.accuracy()) + "** (" + summary.correct() + " right)");
        row(out, "**wrong-answer rate**", "**" + EvalGate.percent(summary.wrongRate()) + "** (" + summary.wrong() + " answered but wrong)");
        row(out, "abstentions", EvalGate.percent(summary.abstentionRate()) + " (" + summary.abstained() + " asked back or refused instead)");
        row(out, "errors", Integer.toString(summary.errors()));
        row(out, "latency p50 / p95", summary.latencyP50Millis() + " ms / " + summary.latencyP95Millis() + " ms");
        row(out, "LLM tokens (prompt / completion)", summary.promptTokens() + " / " + summary.completionTokens());
        row(out, "gate", gateText(report));
        out.append('\n');

        out.append("## Accuracy per tag\n\n| tag | questions | right | wrong | accuracy |\n| --- | ---: | ---: | ---: | ---: |\n");
        summary.byTag().forEach((tag, score) -> out.append("| ").append(tag).append(" | ").append(score.total()).append(" | ").append(score.correct())
                .append(" | ").append(score.wrong()).append(" | ").append(EvalGate.percent(score.accuracy())).append(" |\n"));
        out.append('\n');

        out.append("## Accuracy per route\n\n| route | questions | right | wrong | accuracy |\n| --- | ---: | ---: | ---: | ---: |\n");
        summary.routeScores().forEach((route, score) -> out.append("| ").append(route).append(" | ").append(score.total()).append(" | ").append(score.correct())
                .append(" | ").append(score.wrong()).append(" | ").append(EvalGate.percent(score.accuracy())).append(" |\n"));
        out.append('\n');

        out.append("## Failure reasons\n\n");
        if (summary.byReason().isEmpty()) {
            out.append("None: every question was scored right.\n\n");
        }
        else {
            out.append("| reason | questions |\n| --- | ---: |\n");
            summary.byReason().forEach((reason, count) -> out.append("| ").append(reason).append(" | ").append(count).append(" |\n"));
            out.append('\n');
        }

        if (!report.changes().isEmpty() || report.baselineSource().isPresent()) {
            out.append("## Changes against the baseline\n\n");
            out.append("Baseline: `").append(report.baselineSource().orElse("?")).append("`.\n\n");
            if (report.changes().isEmpty()) {
                out.append("No question changed.\n\n");
            }
            else {
                out.append("| question | change | before | after |\n| --- | --- | --- | --- |\n");
                for (BaselineChange change : report.changes()) {
                    out.append("| ").append(change.id()).append(" | ").append(change.kind()).append(" | ").append(change.before())
                            .append(" | ").append(change.after()).append(" |\n");
                }
                out.append('\n');
            }
        }

        out.append("## Questions not scored right\n\n");
        List<QuestionOutcome> failed = report.outcomes().stream().filter(outcome -> !outcome.correct()).toList();
        if (failed.isEmpty()) {
            out.append("None.\n\n");
        }
        for (QuestionOutcome outcome : failed) {
            out.append("### ").append(outcome.id()).append(" — ").append(outcome.reason().map(Enum::name).orElse("")).append("\n\n");
            out.append("> ").append(outcome.question()).append("\n\n");
            out.append("Expected ").append(outcome.expect().yamlName()).append("; got ").append(outcome.status())
                    .append(outcome.route() == null ? "" : " (route " + outcome.route() + ")").append(". ")
                    .append(cell(outcome.detail())).append("\n\n");
            if (outcome.sql() != null) {
                out.append("```sql\n").append(shorten(outcome.sql())).append("\n```\n\n");
            }
        }

        report.coverage().ifPresent(coverage -> {
            out.append("## Coverage of the semantic model\n\n");
            out.append(String.format(Locale.ROOT, "Used by some answer: %d of %d metrics, %d of %d dimensions, %d of %d named filters.%n%n",
                    coverage.metrics() - coverage.unusedMetrics().size(), coverage.metrics(),
                    coverage.dimensions() - coverage.unusedDimensions().size(), coverage.dimensions(),
                    coverage.filters() - coverage.unusedFilters().size(), coverage.filters()));
            unused(out, "Metrics no question exercises", coverage.unusedMetrics());
            unused(out, "Dimensions no question exercises", coverage.unusedDimensions());
            unused(out, "Named filters no question exercises", coverage.unusedFilters());
        });

        out.append("## All questions\n\n| question | tags | expected | got | route | verdict | ms |\n| --- | --- | --- | --- | --- | --- | ---: |\n");
        for (QuestionOutcome outcome : report.outcomes()) {
            out.append("| ").append(outcome.id()).append(" | ").append(String.join(", ", outcome.tags())).append(" | ").append(outcome.expect().yamlName())
                    .append(" | ").append(outcome.status()).append(" | ").append(outcome.route() == null ? "" : outcome.route()).append(" | ")
                    .append(outcome.verdict().jsonName()).append(outcome.reason().map(reason -> " (" + reason + ")").orElse(""))
                    .append(" | ").append(outcome.latencyMillis()).append(" |\n");
        }
        return out.toString();
    }

    public String json(EvalReport report)
    {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode suite = root.putObject("suite");
        suite.put("name", report.suiteName());
        suite.put("source", report.suiteSource());
        root.put("engine", report.engine());
        root.put("data", report.data());
        root.put("data_date", report.dataDate().orElse(null));
        root.put("started_at", report.startedAt().toString());
        root.put("duration_ms", report.durationMillis());

        EvalSummary summary = report.summary();
        ObjectNode numbers = root.putObject("summary");
        numbers.put("total", summary.total());
        numbers.put("correct", summary.correct());
        numbers.put("wrong", summary.wrong());
        numbers.put("abstained", summary.abstained());
        numbers.put("errors", summary.errors());
        numbers.put("accuracy", summary.accuracy());
        numbers.put("wrong_rate", summary.wrongRate());
        numbers.put("abstention_rate", summary.abstentionRate());
        numbers.put("latency_p50_ms", summary.latencyP50Millis());
        numbers.put("latency_p95_ms", summary.latencyP95Millis());
        numbers.put("prompt_tokens", summary.promptTokens());
        numbers.put("completion_tokens", summary.completionTokens());
        ObjectNode tags = numbers.putObject("by_tag");
        summary.byTag().forEach((tag, score) -> {
            ObjectNode node = tags.putObject(tag);
            node.put("total", score.total());
            node.put("correct", score.correct());
            node.put("wrong", score.wrong());
            node.put("accuracy", score.accuracy());
        });
        ObjectNode reasons = numbers.putObject("by_reason");
        summary.byReason().forEach((reason, count) -> reasons.put(reason.name(), count));
        ObjectNode routes = numbers.putObject("by_route");
        summary.byRoute().forEach(routes::put);
        ObjectNode routeAccuracy = numbers.putObject("accuracy_by_route");
        summary.routeScores().forEach((route, score) -> {
            ObjectNode node = routeAccuracy.putObject(route);
            node.put("total", score.total());
            node.put("correct", score.correct());
            node.put("wrong", score.wrong());
            node.put("accuracy", score.accuracy());
        });

        ObjectNode gate = root.putObject("gate");
        if (report.gate().minAccuracy().isPresent()) {
            gate.put("min_accuracy", report.gate().minAccuracy().getAsDouble());
        }
        else {
            gate.putNull("min_accuracy");
        }
        if (report.gate().maxWrongRate().isPresent()) {
            gate.put("max_wrong_rate", report.gate().maxWrongRate().getAsDouble());
        }
        else {
            gate.putNull("max_wrong_rate");
        }
        gate.put("passed", report.gatePassed());
        ArrayNode misses = gate.putArray("misses");
        report.gateMisses().forEach(misses::add);

        if (report.coverage().isPresent()) {
            Coverage coverage = report.coverage().get();
            ObjectNode node = root.putObject("coverage");
            node.put("metrics", coverage.metrics());
            node.put("dimensions", coverage.dimensions());
            node.put("filters", coverage.filters());
            coverage.unusedMetrics().forEach(node.withArray("unused_metrics")::add);
            coverage.unusedDimensions().forEach(node.withArray("unused_dimensions")::add);
            coverage.unusedFilters().forEach(node.withArray("unused_filters")::add);
        }
        else {
            root.putNull("coverage");
        }

        ObjectNode baseline = root.putObject("baseline");
        baseline.put("source", report.baselineSource().orElse(null));
        ArrayNode changes = baseline.putArray("changes");
        for (BaselineChange change : report.changes()) {
            ObjectNode node = changes.addObject();
            node.put("id", change.id());
            node.put("change", change.kind().name().toLowerCase(Locale.ROOT));
            node.put("before", change.before());
            node.put("after", change.after());
        }

        ArrayNode questions = root.putArray("questions");
        for (QuestionOutcome outcome : report.outcomes()) {
            ObjectNode node = questions.addObject();
            node.put("id", outcome.id());
            node.put("question", outcome.question());
            node.put("expect", outcome.expect().yamlName());
            outcome.tags().forEach(node.putArray("tags")::add);
            node.put("conversation", outcome.conversation().orElse(null));
            node.put("verdict", outcome.verdict().jsonName());
            node.put("reason", outcome.reason().map(Enum::name).orElse(null));
            node.put("detail", outcome.detail());
            node.put("status", outcome.status());
            node.put("route", outcome.route());
            node.put("sql", outcome.sql());
            if (outcome.rowCount() == null) {
                node.putNull("row_count");
            }
            else {
                node.put("row_count", outcome.rowCount());
            }
            node.put("latency_ms", outcome.latencyMillis());
            node.put("prompt_tokens", outcome.promptTokens());
            node.put("completion_tokens", outcome.completionTokens());
            ObjectNode usage = node.putObject("usage");
            outcome.usage().metrics().forEach(usage.putArray("metrics")::add);
            outcome.usage().dimensions().forEach(usage.putArray("dimensions")::add);
            outcome.usage().filters().forEach(usage.putArray("filters")::add);
            usage.put("verified_query", outcome.usage().verifiedQuery());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    /** One {@code testcase} per question: wrong answers and abstentions are failures, errors are errors. */
    public String junit(EvalReport report)
    {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            EvalSummary summary = report.summary();
            Element suites = document.createElement("testsuites");
            document.appendChild(suites);
            Element suite = document.createElement("testsuite");
            suites.appendChild(suite);
            String suiteName = "aurum-eval." + report.suiteName();
            String seconds = seconds(report.durationMillis());
            int failures = summary.wrong() + summary.abstained();
            for (Element element : List.of(suites, suite)) {
                element.setAttribute("name", suiteName);
                element.setAttribute("tests", Integer.toString(summary.total()));
                element.setAttribute("failures", Integer.toString(failures));
                element.setAttribute("errors", Integer.toString(summary.errors()));
                element.setAttribute("time", seconds);
            }
            suite.setAttribute("skipped", "0");
            suite.setAttribute("timestamp", report.startedAt().toString());
            Element properties = document.createElement("properties");
            suite.appendChild(properties);
            for (Map.Entry<String, String> property : Map.of(
                    "engine", report.engine(),
                    "data", report.data(),
                    "accuracy", EvalGate.percent(summary.accuracy()),
                    "wrong_rate", EvalGate.percent(summary.wrongRate())).entrySet()) {
                Element element = document.createElement("property");
                element.setAttribute("name", property.getKey());
                element.setAttribute("value", property.getValue());
                properties.appendChild(element);
            }
            for (QuestionOutcome outcome : report.outcomes()) {
                Element testcase = document.createElement("testcase");
                testcase.setAttribute("classname", suiteName + "." + (outcome.tags().isEmpty() ? "untagged" : outcome.tags().get(0)));
                testcase.setAttribute("name", outcome.id());
                testcase.setAttribute("time", seconds(outcome.latencyMillis()));
                if (!outcome.correct()) {
                    Element problem = document.createElement(outcome.verdict() == Verdict.ERROR ? "error" : "failure");
                    String reason = outcome.reason().map(Enum::name).orElse("");
                    problem.setAttribute("type", reason);
                    problem.setAttribute("message", reason + ": " + outcome.detail());
                    problem.setTextContent("question: " + outcome.question() + "\nexpected: " + outcome.expect().yamlName() + "\ngot: " + outcome.status()
                            + (outcome.route() == null ? "" : " (route " + outcome.route() + ")") + "\n" + outcome.detail()
                            + (outcome.sql() == null ? "" : "\nsql: " + outcome.sql()));
                    testcase.appendChild(problem);
                }
                suite.appendChild(testcase);
            }
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out + "\n";
        }
        catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot write the JUnit XML report", e);
        }
    }

    private static String gateText(EvalReport report)
    {
        if (report.gate().minAccuracy().isEmpty() && report.gate().maxWrongRate().isEmpty()) {
            return "none set";
        }
        StringBuilder text = new StringBuilder();
        report.gate().minAccuracy().ifPresent(value -> text.append("accuracy ≥ ").append(EvalGate.percent(value)).append("; "));
        report.gate().maxWrongRate().ifPresent(value -> text.append("wrong-answer rate ≤ ").append(EvalGate.percent(value)).append("; "));
        text.append(report.gatePassed() ? "**passed**" : "**missed**: " + String.join("; ", report.gateMisses()));
        return text.toString();
    }

    private static void unused(StringBuilder out, String title, List<String> names)
    {
        out.append(title).append(": ").append(names.isEmpty() ? "none." : names.size() + " — `" + String.join("`, `", names) + "`").append("\n\n");
    }

    private static void row(StringBuilder out, String name, String value)
    {
        out.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String cell(String text)
    {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String shorten(String sql)
    {
        return sql.length() <= SQL_SHOWN ? sql : sql.substring(0, SQL_SHOWN) + " …";
    }

    private static String seconds(long millis)
    {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
