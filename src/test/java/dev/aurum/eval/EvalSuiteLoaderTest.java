package dev.aurum.eval;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalSuiteLoaderTest
{
    private final EvalSuiteLoader loader = new EvalSuiteLoader();

    @Test
    void theShippedSuiteIsBigDiverseAndWellFormed()
    {
        EvalSuite suite = loader.load(Path.of(EvalSuiteLoader.DEFAULT_SUITE));
        assertThat(suite.items()).hasSizeGreaterThanOrEqualTo(80);
        Map<Expectation, Long> byExpectation = suite.items().stream().collect(Collectors.groupingBy(EvalItem::expect, Collectors.counting()));
        assertThat(byExpectation.get(Expectation.CLARIFY)).isGreaterThanOrEqualTo(5);
        assertThat(byExpectation.get(Expectation.REFUSE)).isGreaterThanOrEqualTo(5);
        for (String tag : EvalTags.CORE) {
            assertThat(suite.items().stream().filter(item -> item.tags().contains(tag)).count()).as("questions tagged " + tag).isGreaterThanOrEqualTo(3);
        }
        for (EvalItem item : suite.items()) {
            item.goldSql().ifPresent(sql -> {
                assertThat(sql).as(item.id() + " reads only gold tables").doesNotContainPattern("(?i)\\b(bronze|silver)\\.");
                assertThat(sql).as(item.id() + " anchors relative time at the data date, never a literal")
                        .doesNotContainPattern("(?i)(current_date|current_timestamp|now\\(\\))");
            });
            if (item.tags().contains("relative-time")) {
                assertThat(item.goldSql().orElseThrow()).as(item.id()).contains("MAX(purchase_date)");
            }
        }
        assertThat(suite.items().stream().map(EvalItem::question).distinct().count()).as("no repeated question").isEqualTo(suite.items().size());
    }

    @Test
    void conversationsRunTogetherInFileOrder()
    {
        EvalSuite suite = loader.parse("""
                name: s
                items:
                  - {id: a, question: revenue by month, expect: answer, tags: [follow-up], conversation: c, sql: SELECT 1}
                  - {id: b, question: forecast, expect: refuse, tags: [out-of-scope]}
                  - {id: c, question: only SP, expect: answer, tags: [follow-up], conversation: c, sql: SELECT 2}
                """, "inline");
        List<List<String>> sessions = suite.sessions().stream().map(items -> items.stream().map(EvalItem::id).toList()).toList();
        assertThat(sessions).containsExactly(List.of("a", "c"), List.of("b"));
        assertThat(suite.items().get(0).line()).isEqualTo(3);
    }

    @Test
    void errorsNameTheFileTheLineAndTheFix()
    {
        assertBad("""
                name: s
                items:
                  - id: a
                    question: revenue
                    expect: answer
                    tags: [metric]
                """, "inline:3: item a: an item that expects an answer needs its gold sql");
        assertBad("""
                name: s
                items:
                  - {id: a, question: q, expect: maybe, tags: [metric]}
                """, "expect 'maybe' is unknown; use answer, clarify or refuse");
        assertBad("""
                name: s
                items:
                  - {id: a, question: q, expect: answer, tags: [metrics], sql: SELECT 1}
                """, "unknown tag 'metrics'");
        assertBad("""
                name: s
                items:
                  - {id: a, question: q, expect: refuse, tags: [out-of-scope], sql: SELECT 1}
                """, "only items that expect an answer have gold sql");
        assertBad("""
                name: s
                items:
                  - {id: a, question: q, expect: answer, tags: [metric], sql: SELECT 1}
                  - {id: a, question: r, expect: answer, tags: [metric], sql: SELECT 1}
                """, "inline:4: the id a is used twice");
        assertBad("""
                name: s
                items:
                  - {id: a, question: q, expect: answer, tags: [follow-up], conversation: c, sql: SELECT 1}
                """, "has one item");
        assertBad("""
                name: s
                items:
                  - {id: a, question: q, expect: answer, tags: [metric], sql: SELECT 1, colour: red}
                """, "colour");
    }

    private void assertBad(String yaml, String message)
    {
        assertThatThrownBy(() -> loader.parse(yaml, "inline"))
                .isInstanceOfSatisfying(AurumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining(message);
    }
}
