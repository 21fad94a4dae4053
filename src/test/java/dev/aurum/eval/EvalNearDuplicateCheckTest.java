package dev.aurum.eval;

import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.VerifiedQuery;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvalNearDuplicateCheckTest
{
    /** A bag-of-words embedding: identical word sets are similarity 1, disjoint ones 0. Records what it embedded. */
    static final class WordsEmbeddingModel
            implements EmbeddingModel
    {
        final List<String> embedded = new ArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments)
        {
            List<Embedding> embeddings = new ArrayList<>();
            for (TextSegment segment : segments) {
                embedded.add(segment.text());
                float[] vector = new float[64];
                for (String word : segment.text().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                    if (!word.isEmpty()) {
                        vector[Math.floorMod(word.hashCode(), vector.length)] += 1;
                    }
                }
                embeddings.add(Embedding.from(vector));
            }
            return Response.from(embeddings);
        }
    }

    private static SemanticModel model()
    {
        SemanticTable facts = new SemanticTable("order_facts", null, "gold.order_facts", null, null, null,
                List.of(new Dimension("customer_state", null, null, null, null, List.of("SP", "RJ"), true)), null, null, null);
        return new SemanticModel("m", null, List.of(facts), null, List.of(
                new VerifiedQuery("revenue_in_state_for_year", "What was revenue in {customer_state} in {year}?", "SELECT 1",
                        Map.of("customer_state", "order_facts.customer_state", "year", "year"), null, null)), null);
    }

    @Test
    void flagsAQuestionThatIsAFilledInVerifiedQuery()
    {
        EvalSuite suite = new EvalSuiteLoader().parse("""
                name: s
                items:
                  - {id: copy, question: "What was revenue in SP in 2017?", expect: answer, tags: [metric], sql: SELECT 1}
                  - {id: other, question: "How many sellers do we have?", expect: answer, tags: [metric], sql: SELECT 1}
                """, "s.yaml");
        WordsEmbeddingModel embeddings = new WordsEmbeddingModel();
        List<NearDuplicate> found = new EvalNearDuplicateCheck(embeddings, 0.9).check(suite, model());
        assertThat(found).extracting(NearDuplicate::evalId).containsExactly("copy");
        assertThat(found.get(0).verifiedQuery()).isEqualTo("revenue_in_state_for_year");
        assertThat(found.get(0).similarity()).isGreaterThan(0.99);
        assertThat(found.get(0).describe()).contains("copy", "revenue_in_state_for_year");
        // the template is compared as words and filled with sample values (first sample state, a year)
        assertThat(embeddings.embedded).contains("What was revenue in customer state in year?", "What was revenue in SP in 2017?");
    }

    @Test
    void lintReportsEachNearDuplicateAsAnError()
    {
        EvalSuite suite = new EvalSuiteLoader().parse("""
                name: s
                items:
                  - {id: copy, question: "What was revenue in SP in 2017?", expect: answer, tags: [metric], sql: SELECT 1}
                """, "s.yaml");
        EvalNearDuplicateLintCheck lint = new EvalNearDuplicateLintCheck(suite, new EvalNearDuplicateCheck(new WordsEmbeddingModel(), 0.9));
        List<dev.aurum.semantic.LintFinding> findings = lint.check(model());
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).severity()).isEqualTo(dev.aurum.semantic.LintFinding.Severity.ERROR);
        assertThat(findings.get(0).line()).contains("[eval_near_duplicates]", "revenue_in_state_for_year", "copy", "s.yaml");
    }

    @Test
    void aModelWithoutVerifiedQueriesHasNoNearDuplicates()
    {
        EvalSuite suite = new EvalSuiteLoader().parse("""
                name: s
                items:
                  - {id: a, question: revenue, expect: answer, tags: [metric], sql: SELECT 1}
                """, "s.yaml");
        SemanticModel empty = new SemanticModel("m", null, List.of(), null, List.of(), null);
        assertThat(new EvalNearDuplicateCheck(new WordsEmbeddingModel(), 0.9).check(suite, empty)).isEmpty();
    }

    @Test
    void theShippedSuiteHasNoNearDuplicateOfTheShippedVerifiedQueries()
    {
        EvalSuite suite = new EvalSuiteLoader().load(Path.of(EvalSuiteLoader.DEFAULT_SUITE));
        SemanticModel model = new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
        EvalNearDuplicateCheck check = new EvalNearDuplicateCheck(new AllMiniLmL6V2EmbeddingModel(), EvalNearDuplicateCheck.DEFAULT_THRESHOLD);
        assertThat(check.check(suite, model)).extracting(NearDuplicate::describe).isEmpty();
        // the check can fire with this model: a filled-in verified question is its own near-duplicate
        EvalSuite copy = new EvalSuiteLoader().parse("""
                name: s
                items:
                  - {id: copy, question: "What was revenue in SP in 2017?", expect: answer, tags: [metric], sql: SELECT 1}
                """, "s.yaml");
        assertThat(check.check(copy, model)).extracting(NearDuplicate::evalId).containsExactly("copy");
    }
}
