package dev.aurum.assistant.offline;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.eval.EvalItem;
import dev.aurum.eval.EvalSuite;
import dev.aurum.eval.EvalSuiteLoader;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.InMemoryValueIndex;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.ValueIndexEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files for the planner, without Spark: every question of an eval suite, read by the planner over the shipped
 * semantic model, gives the reading stored in {@code src/test/resources/golden/planner/<suite>.json} (what it
 * understood, the plan, the SQL, or the question back). A change of the planner or the model shows as a diff of
 * that file.
 *
 * <p>After reviewing a change, regenerate the files with
 * {@code mvn -B -q test -Pquick -Dtest=PlannerGoldenTest -Daurum.golden.update=true} and commit the diff.
 *
 * <p>The values the planner matches are the model's own sample values (no value index built from Gold), and the
 * data date is fixed per suite, so the readings depend on nothing but the code and the files.
 */
class PlannerGoldenTest
{
    private static final Path GOLDEN = Path.of("src/test/resources/golden/planner");
    private static final boolean UPDATE = Boolean.getBoolean("aurum.golden.update");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Both domains guard the planner: the shop's suites over the shipped model, and the public library's suite over
     * its own model (examples/library), each anchored at its suite's data date.
     */
    @ParameterizedTest
    @CsvSource({
            "evals/ecommerce.yaml, " + SemanticModelLoader.DEFAULT_MODEL + ", 2018-08-31",
            "evals/fresh-phrasings.yaml, " + SemanticModelLoader.DEFAULT_MODEL + ", 2018-08-31",
            "examples/library/evals/library.yaml, examples/library/semantic-model/library.yaml, 2025-06-30"})
    void everyQuestionOfTheSuiteReadsAsItsGoldenFileSays(String suiteFile, String modelFile, LocalDate dataDate)
            throws IOException
    {
        SemanticModel model = new SemanticModelLoader().load(Path.of(modelFile));
        SemanticPlanner planner = new SemanticPlanner(model, new InMemoryValueIndex(sampleValues(model)), () -> dataDate);
        EvalSuite suite = new EvalSuiteLoader().load(Path.of(suiteFile));

        List<Map<String, Object>> readings = new ArrayList<>();
        for (List<EvalItem> session : suite.sessions()) {
            Optional<QueryPlan> previous = Optional.empty();
            for (EvalItem item : session) {
                Proposal proposal = planner.plan(item.question(), previous);
                readings.add(reading(item, proposal));
                if (proposal instanceof Proposal.Planned planned) {
                    previous = Optional.of(planned.plan());
                }
            }
        }
        String actual = JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))).writeValueAsString(readings) + "\n";

        String name = Path.of(suiteFile).getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".json";
        Path golden = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file " + golden + " is missing; write it with -Daurum.golden.update=true and review it").exists();
        assertThat(actual)
                .as("the planner's readings of " + suiteFile + " differ from " + golden
                        + "; review the difference, then regenerate with mvn -B -q test -Pquick -Dtest=PlannerGoldenTest -Daurum.golden.update=true")
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** The reading as the golden file holds it: the kind of proposal and what it carries, keys in a fixed order. */
    private static Map<String, Object> reading(EvalItem item, Proposal proposal)
    {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("id", item.id());
        reading.put("question", item.question());
        if (proposal instanceof Proposal.Planned planned) {
            reading.put("kind", "planned");
            planned(reading, planned);
        }
        else if (proposal instanceof Proposal.Clarify clarify) {
            reading.put("kind", "clarify");
            reading.put("message", clarify.message());
            reading.put("choices", clarify.choices());
            reading.put("understood", understood(clarify.understood()));
        }
        else if (proposal instanceof Proposal.Refuse refuse) {
            reading.put("kind", "refuse");
            reading.put("reason", refuse.reason());
        }
        else if (proposal instanceof Proposal.Abstain abstain) {
            reading.put("kind", "abstain");
            reading.put("reason", abstain.reason());
            abstain.partial().ifPresent(partial -> {
                Map<String, Object> inner = new LinkedHashMap<>();
                planned(inner, partial);
                reading.put("partial", inner);
            });
        }
        else if (proposal instanceof Proposal.Sql sql) {
            reading.put("kind", "sql");
            reading.put("sql", sql.sql());
        }
        return reading;
    }

    private static void planned(Map<String, Object> reading, Proposal.Planned planned)
    {
        QueryPlan plan = planned.plan();
        reading.put("table", plan.table());
        reading.put("metrics", plan.metrics());
        reading.put("dimensions", plan.dimensions());
        reading.put("filters", plan.filters());
        reading.put("joins", plan.joins());
        reading.put("covers_all_words", planned.coversAllWords());
        reading.put("understood", understood(planned.understood()));
        reading.put("chart", planned.chart() == null ? null : planned.chart().type() + " x=" + planned.chart().x() + " y=" + planned.chart().y());
        reading.put("formats", new java.util.TreeMap<>(planned.columnFormats()));
        reading.put("sql", planned.sql());
    }

    private static List<String> understood(List<Understood> understood)
    {
        return understood.stream().map(each -> each.text() + " -> " + each.as()).toList();
    }

    /** The sample values of every enumerated dimension of the model, as the value index would hold them. */
    private static List<ValueIndexEntry> sampleValues(SemanticModel model)
    {
        List<ValueIndexEntry> entries = new ArrayList<>();
        for (SemanticTable table : model.tables()) {
            for (Dimension dimension : table.dimensions()) {
                if (dimension.isEnum() && !dimension.sampleValues().isEmpty()) {
                    entries.add(new ValueIndexEntry(table.name(), dimension.name(), dimension.sampleValues(), dimension.valueSynonyms()));
                }
            }
        }
        return entries;
    }
}
