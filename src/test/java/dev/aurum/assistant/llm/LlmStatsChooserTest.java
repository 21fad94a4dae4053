package dev.aurum.assistant.llm;

import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.stats.StatsChoice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM's part in a hypothesis question, against a scripted OpenAI-compatible server on 127.0.0.1: it is sent the
 * model's names only (no data) and its reply is read as names; anything else is no proposal.
 */
class LlmStatsChooserTest
{
    private static SemanticModel model;
    private static PromptTemplates templates;

    @BeforeAll
    static void load()
    {
        model = new SemanticModelLoader().parse(ProjectFiles.fromEnvironment().read(SemanticModelLoader.DEFAULT_MODEL), SemanticModelLoader.DEFAULT_MODEL);
        templates = new PromptTemplates(ProjectFiles.fromEnvironment()::read);
    }

    private static LlmStatsChooser chooser(ScriptedOpenAiServer server)
    {
        LlmSettings settings = LlmSettings.builder().model("scripted").baseUrl(server.baseUrl()).build();
        return new LlmStatsChooser(ChatModels.create(settings), model, templates);
    }

    @Test
    void theModelIsSentNamesAndItsReplyBecomesAChoice()
    {
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer()) {
            server.reply("Here you go:\n```json\n{\"test\": \"anova\", \"table\": \"order_facts\", \"value\": \"delivery_days\", \"by\": \"customer_state\", \"filter\": null}\n```");

            Optional<StatsChoice> choice = chooser(server).choose("do people wait longer for parcels depending on where they live?");

            assertThat(choice).contains(new StatsChoice(StatsChoice.Test.ANOVA, "order_facts", "delivery_days", "customer_state", null, null));
            String sent = server.messages(0);
            assertThat(sent).contains("do people wait longer for parcels depending on where they live?")
                    .contains("order_facts").contains("delivery_days").contains("season").contains("revenue_only");
            // names only: no sample values of the data go out
            assertThat(sent).doesNotContain("sao paulo").doesNotContain("credit_card");
        }
    }

    @Test
    void aChiSquareChoiceNeedsTwoGroupings()
    {
        assertThat(LlmStatsChooser.parse("{\"test\": \"chisq\", \"table\": \"order_facts\", \"by\": \"primary_payment_type\", \"second\": \"customer_state\"}"))
                .contains(new StatsChoice(StatsChoice.Test.CHISQ, "order_facts", null, "primary_payment_type", "customer_state", null));
        assertThat(LlmStatsChooser.parse("{\"test\": \"chisq\", \"table\": \"order_facts\", \"by\": \"primary_payment_type\"}")).isEmpty();
    }

    @Test
    void noTestAnUnreadableReplyOrAFailedCallIsNoProposal()
    {
        assertThat(LlmStatsChooser.parse("{\"test\": \"none\", \"reason\": \"not a test\"}")).isEmpty();
        assertThat(LlmStatsChooser.parse("I think you should compare means.")).isEmpty();
        assertThat(LlmStatsChooser.parse("{\"test\": \"anova\", \"table\": \"order_facts\", \"by\": \"season\"}")).as("anova without a value").isEmpty();
        assertThat(LlmStatsChooser.parse("{not json}")).isEmpty();
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer()) {
            server.status(500);
            assertThat(chooser(server).choose("is spending different by mood?")).isEmpty();
        }
    }
}
