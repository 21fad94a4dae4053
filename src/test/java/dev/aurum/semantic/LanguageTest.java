package dev.aurum.semantic;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

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
    void thePlannersWordsAndLabelsComeFromTheFile()
    {
        Language english = Language.english();

        assertThat(english.planner().countAsks()).containsExactly("how many", "number of", "count of");
        assertThat(english.planner().negationNeeds()).containsEntry("other", "than");
        assertThat(english.label("top", "n", 5)).isEqualTo("top 5");
        assertThat(english.label("metric", "metric", String.join(english.label("or"), "revenue", "orders"))).isEqualTo("metric revenue or orders");
        assertThat(english.label("last_n", "count", 30, "unit", "days", "anchor", "2018-08-31")).isEqualTo("the 30 days ending 2018-08-31");
        assertThat(english.init().identifierEndings()).contains("id", "no");
        assertThatThrownBy(() -> english.label("no_such_label"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such_label");
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
        assertThat(Language.singular("watches")).isEqualTo("watch");
        assertThat(Language.singular("boxes")).isEqualTo("box");
        assertThat(Language.singular("classes")).isEqualTo("class");
        assertThat(Language.singular("order items")).isEqualTo("order item");
    }

    @Test
    void numberTimeAndHypothesisWordsComeFromTheFileInItsOrder()
    {
        Language english = Language.english();

        assertThat(english.numberWords()).containsEntry("five", 5).containsEntry("twenty", 20);
        assertThat(english.time().months()).containsEntry("may", 5).containsEntry("sept", 9);
        // the order written is the order a pattern tries: "sept" before "sep"
        assertThat(List.copyOf(english.time().months().keySet())).containsSubsequence("sept", "sep");
        assertThat(english.time().since()).containsEntry("after", false).containsEntry("starting from", true);
        assertThat(english.time().until()).containsEntry("up to", true).containsEntry("before", false);
        assertThat(english.time().leads()).contains("on");
        assertThat(english.time().growthNames()).containsEntry("month-over-month", "month").containsEntry("wow", "week");
        assertThat(english.hypothesis().tests()).contains("anova", "p value");
        assertThat(english.hypothesis().dependOn()).isEqualTo("on");
        assertThat(english.columnFillerWords()).contains("average", "on").doesNotContain("true");
        assertThat(english.valueNoiseWords()).containsExactly("and");
        assertThat(english.functionWords()).contains("on", "by", "of").doesNotContain("total");
    }

    @Test
    void thePlannersCueWordsComeFromTheFileAndMayNotBeEmpty()
    {
        Language.Cues cues = Language.english().cues();
        assertThat(cues.top()).contains("top", "greatest").doesNotContainAnyElementsOf(cues.bottom());
        assertThat(cues.negations()).contains("no", "excluding").doesNotContain("false");
        assertThat(cues.shape()).containsAll(cues.comparison()).containsAll(cues.each()).contains("both");

        String yaml = english().replace("  chart: [chart, plot, graph, visualize, visualise]", "  chart: []");
        assertThatThrownBy(() -> Language.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("cues.chart is empty");
    }

    @Test
    void aToDateUnitMustBeAUnit()
    {
        String yaml = english()
                .replace("to_date_units: [year, quarter, month]", "to_date_units: [year, quarter, fortnight]");

        assertThatThrownBy(() -> Language.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("time.to_date_units and time.to_date_abbreviations must name time.units");
    }

    private static String english()
    {
        try (var in = Language.class.getClassLoader().getResourceAsStream("language/en.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void fillerWordsMustBeStopWords()
    {
        String yaml = "stop_words: [a]\nfiller_words: [a, b]\nintent_words: []\nretrieval_stop_words: []\n";

        assertThatThrownBy(() -> Language.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("filler_words must be stop_words too: [b]");
    }
}
