package dev.aurum.semantic;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageTest
{
    @Test
    void englishIsReadFromTheResourceWithWordsYamlWouldOtherwiseTurnIntoBooleans()
    {
        Language english = Language.english();

        assertThat(english.stopWords()).contains("the", "on", "no", "what's", "all-time").doesNotContain("true", "false");
        assertThat(english.fillerWords()).contains("on", "the").doesNotContain("by", "not", "top");
        assertThat(english.stopWords()).containsAll(english.fillerWords());
        assertThat(english.intentWords()).contains("%", "no", "share", "top");
        assertThat(english.retrievalStopWords()).contains("on", "average").doesNotContain("rate");
    }

    @Test
    void theLanguageHoldsNoWordOfTheShop()
    {
        Vocabulary shop = new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL)).vocabulary();

        assertThat(shop.stopWords()).contains("sell", "paid", "se", "al");
        assertThat(Language.english().stopWords()).doesNotContainAnyElementsOf(shop.stopWords());
        assertThat(shop.verbs()).containsEntry("sell", "revenue");
        assertThat(shop.agentVerbs()).contains("paid", "placed");
        assertThat(shop.outOfScope()).contains("weather", "marketing spend");
    }

    @Test
    void oneSingulariser()
    {
        assertThat(Language.singular("Categories")).isEqualTo("category");
        assertThat(Language.singular("orders")).isEqualTo("order");
        assertThat(Language.singular("status")).isEqualTo("status");
        assertThat(Language.singular("class")).isEqualTo("class");
        assertThat(Language.singular("analysis")).isEqualTo("analysis");
        assertThat(Language.singular("bus")).isEqualTo("bus");
    }

    @Test
    void fillerWordsMustBeStopWords()
    {
        String yaml = "stop_words: [a]\nfiller_words: [a, b]\nintent_words: []\nretrieval_stop_words: []\n";

        assertThatThrownBy(() -> Language.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("filler_words must be stop_words too: [b]");
    }
}
