package dev.aurum.assistant.llm;

import dev.aurum.assistant.proposal.ChartHint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyParserTest
{
    private final ReplyParser parser = new ReplyParser();

    @Test
    void theJsonObjectWithSqlExplanationAndChart()
    {
        ModelReply reply = parser.parse("{\"sql\": \"SELECT 1\", \"explanation\": \"one\", \"chart\": {\"type\": \"bar\", \"x\": \"a\", \"y\": \"b\"}}");

        assertThat(reply).isEqualTo(new ModelReply.Sql("SELECT 1", "one", new ChartHint("bar", "a", "b")));
    }

    @Test
    void jsonInAFenceOrWithProseAround()
    {
        assertThat(parser.parse("Here you go:\n```json\n{\"sql\": \"SELECT 2\"}\n```\nEnjoy.")).isEqualTo(new ModelReply.Sql("SELECT 2", "", null));
        assertThat(parser.parse("Sure. {\"sql\": \"SELECT 3\", \"explanation\": \"x\"} Hope that helps")).isEqualTo(new ModelReply.Sql("SELECT 3", "x", null));
    }

    @Test
    void sqlInAFenceOrBare()
    {
        assertThat(parser.parse("The query:\n```sql\nSELECT a\nFROM t\n```")).isInstanceOfSatisfying(ModelReply.Sql.class,
                sql -> assertThat(sql.sql()).isEqualTo("SELECT a\nFROM t"));
        assertThat(parser.parse("```\nWITH x AS (SELECT 1) SELECT * FROM x\n```")).isInstanceOfSatisfying(ModelReply.Sql.class,
                sql -> assertThat(sql.sql()).startsWith("WITH x"));
        assertThat(parser.parse("select count(*) from gold.order_facts")).isEqualTo(new ModelReply.Sql("select count(*) from gold.order_facts", "", null));
    }

    @Test
    void aClarificationWithChoices()
    {
        assertThat(parser.parse("{\"clarification\": \"Which year?\", \"choices\": [\"2017\", \"2018\", \"\"]}"))
                .isEqualTo(new ModelReply.Clarification("Which year?", java.util.List.of("2017", "2018")));
    }

    @Test
    void neitherSqlNorAClarificationIsAClearError()
    {
        assertThat(parser.parse("I'm sorry, I can't help with that.")).isInstanceOfSatisfying(ModelReply.Unusable.class,
                unusable -> assertThat(unusable.error()).contains("neither the JSON object asked for nor SQL").contains("I'm sorry"));
        assertThat(parser.parse("{\"answer\": 42}")).isInstanceOfSatisfying(ModelReply.Unusable.class,
                unusable -> assertThat(unusable.error()).contains("has neither \"sql\" nor \"clarification\""));
        assertThat(parser.parse("   ")).isInstanceOf(ModelReply.Unusable.class);
    }
}
