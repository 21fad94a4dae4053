package dev.aurum.assistant.llm;

import dev.aurum.assistant.proposal.Question;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.ValueIndexBuilder;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema retrieval on a generated 300-table model: the needed tables are in the slice and the prompt stays in budget. */
class SchemaRetrieverTest
{
    private static final SemanticModel MODEL = GeneratedModel.create();
    private static final PromptTemplates TEMPLATES = new PromptTemplates(ProjectFiles.fromEnvironment()::read);

    @Test
    void theGeneratedModelHas300TablesAndDoesNotFitTheBudget()
    {
        assertThat(MODEL.tables()).hasSize(300);
        assertThat(new SchemaRetriever(MODEL, Optional.empty()).fullSchemaTokens()).isGreaterThan(20_000);
    }

    @Test
    void everyNeededTableIsRetrievedAndThePromptStaysUnder4000Tokens()
    {
        PromptBuilder prompts = new PromptBuilder(MODEL, TEMPLATES, ValueIndexBuilder.fromSampleValues(MODEL), Optional.empty(),
                () -> LocalDate.of(2024, 6, 30), LlmSettings.builder().build().promptTokenBudget(), 3);
        for (GeneratedModel.Case question : GeneratedModel.QUESTIONS) {
            LlmPrompt prompt = prompts.build(Question.of(question.question()));
            assertThat(prompt.slice().tableNames()).as(question.question()).containsAll(question.tables());
            assertThat(prompt.slice().tables().size()).as(question.question()).isLessThanOrEqualTo(SchemaRetriever.MAX_TABLES + 2);
            assertThat(prompt.estimatedTokens()).as(question.question()).isLessThanOrEqualTo(4_000);
        }
    }

    @Test
    void theRequestHoldsOnlyTheRetrievedSlice()
    {
        List<String> sent = new ArrayList<>();
        ChatModel recording = new ChatModel()
        {
            @Override
            public ChatResponse chat(ChatRequest request)
            {
                sent.add(Exchanges.messages(request).toString());
                return ChatResponse.builder().aiMessage(AiMessage.from("{\"clarification\": \"which region?\", \"choices\": []}")).build();
            }
        };
        LlmSettings settings = LlmSettings.builder().model("recording").build();
        LlmAgent agent = LlmAgent.create(settings, ignored -> recording, MODEL, ValueIndexBuilder.fromSampleValues(MODEL), Optional.empty(),
                sql -> new CheckedSql(sql, List.of(), List.of()), () -> LocalDate.of(2024, 6, 30), TEMPLATES).orElseThrow();

        agent.propose(Question.of("maintenance cost of vehicles per region"));

        assertThat(sent).singleElement().asString()
                .contains("## gold.vehicle_maintenance_events", "## gold.vehicles", "vehicle_maintenance_events -> vehicles (many-to-one)")
                .doesNotContain("gold.vessel_inspections", "gold.hotels", "gold.supplier_payments");
    }

    @Test
    void aSmallModelGoesInWhole()
    {
        SemanticModel small = new SemanticModel("small", "", MODEL.tables().subList(0, 2), MODEL.relationships().subList(0, 1), List.of(), List.of());
        SchemaSlice slice = new SchemaRetriever(small, Optional.empty()).retrieve("anything at all", 4_000);

        assertThat(slice.complete()).isTrue();
        assertThat(slice.tables()).isEqualTo(small.tables());
    }

    @Test
    void theJoinPathBetweenChosenTablesComesAlong()
    {
        // two fact tables of one subject meet only through the subject's table
        SchemaSlice slice = new SchemaRetriever(MODEL, Optional.empty()).retrieve("vessel inspection score against vessel incident cost", 1_500);

        assertThat(slice.tableNames()).contains("vessel_inspections", "vessel_incidents", "vessels");
        assertThat(slice.relationships()).extracting(relationship -> relationship.name())
                .contains("vessel_inspections_to_vessels", "vessel_incidents_to_vessels");
    }
}
