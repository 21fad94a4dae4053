package dev.aurum;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRepliesTest
{
    @Test
    void findsTheObjectBareFencedOrInsideProse()
    {
        assertThat(JsonReplies.object("{\"test\": \"anova\"}")).hasValueSatisfying(node -> assertThat(node.path("test").asText()).isEqualTo("anova"));
        assertThat(JsonReplies.object("```json\n{\"test\": \"anova\"}\n```")).hasValueSatisfying(node -> assertThat(node.path("test").asText()).isEqualTo("anova"));
        assertThat(JsonReplies.object("Here it is: {\"a\": {\"b\": 1}} as asked.")).hasValueSatisfying(node -> assertThat(node.path("a").path("b").asInt()).isEqualTo(1));
    }

    @Test
    void aReplyWithoutAnObjectOrWithABrokenOneIsEmpty()
    {
        assertThat(JsonReplies.object(null)).isEmpty();
        assertThat(JsonReplies.object("no json here")).isEmpty();
        assertThat(JsonReplies.object("} backwards {")).isEmpty();
        assertThat(JsonReplies.object("{\"unclosed\": [1, 2}")).isEmpty();
    }
}
