package dev.aurum.assistant.llm;

import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The join check on plain shapes (the Spark side that extracts them is covered by LlmAgentTest). */
class JoinCheckTest
{
    private static final SemanticModel MODEL = new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
    private final JoinCheck check = new JoinCheck(MODEL);

    private static CheckedSql.Column column(String table, String column)
    {
        return new CheckedSql.Column(table, column);
    }

    @Test
    void aDeclaredJoinInEitherDirectionIsFine()
    {
        CheckedSql.JoinKey forward = new CheckedSql.JoinKey(column("gold.order_items", "order_id"), column("gold.order_facts", "order_id"), false, false);
        CheckedSql.JoinKey backward = new CheckedSql.JoinKey(column("gold.order_facts", "order_id"), column("gold.order_items", "order_id"), false, false);

        assertThat(check.problems(new CheckedSql("q", List.of(new CheckedSql.Aggregation(List.of(forward), List.of(column("gold.order_items", "item_value")))),
                List.of(forward, backward)))).isEmpty();
    }

    @Test
    void anUndeclaredJoinNamesTheDeclaredOnes()
    {
        CheckedSql.JoinKey wrong = new CheckedSql.JoinKey(column("gold.order_facts", "order_id"), column("gold.customers", "customer_id"), false, false);

        assertThat(check.problems(new CheckedSql("q", List.of(), List.of(wrong)))).singleElement().asString()
                .contains("is not a relationship").contains("gold.order_facts.customer_id = gold.customers.customer_id");
    }

    @Test
    void aSumOfTheOneSideIsFannedOutUnlessTheManySideWasAggregatedFirst()
    {
        CheckedSql.JoinKey join = new CheckedSql.JoinKey(column("gold.order_items", "order_id"), column("gold.order_facts", "order_id"), false, false);
        CheckedSql.Aggregation sum = new CheckedSql.Aggregation(List.of(join), List.of(column("gold.order_facts", "order_value")));
        assertThat(check.problems(new CheckedSql("q", List.of(sum), List.of(join)))).singleElement().asString().contains("fanned out");

        CheckedSql.JoinKey preAggregated = new CheckedSql.JoinKey(column("gold.order_items", "order_id"), column("gold.order_facts", "order_id"), true, false);
        CheckedSql.Aggregation safe = new CheckedSql.Aggregation(List.of(preAggregated), List.of(column("gold.order_facts", "order_value")));
        assertThat(check.problems(new CheckedSql("q", List.of(safe), List.of(preAggregated)))).isEmpty();
    }
}
