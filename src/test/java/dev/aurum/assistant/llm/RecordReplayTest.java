package dev.aurum.assistant.llm;

import dev.aurum.AurumException;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.ValueIndexBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --record DIR} saves each exchange keyed by a hash of the request; {@code --replay DIR} answers from them without a network. */
class RecordReplayTest
{
    private static final SemanticModel MODEL = new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
    private static final PromptTemplates TEMPLATES = new PromptTemplates(ProjectFiles.fromEnvironment()::read);
    private static final String SQL = "SELECT COUNT(*) AS orders FROM gold.order_facts";

    private static LlmAgent agent(LlmSettings settings)
    {
        return LlmAgent.create(settings, ChatModels::create, MODEL, ValueIndexBuilder.fromSampleValues(MODEL), Optional.empty(),
                sql -> new CheckedSql(sql, List.of(), List.of()), () -> LocalDate.of(2018, 8, 31), TEMPLATES).orElseThrow();
    }

    @Test
    void recordedExchangesReplayWithoutTheServer(@TempDir Path folder)
            throws IOException
    {
        Proposal recorded;
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer()) {
            server.reply("not json at all").reply(ScriptedOpenAiServer.sqlReply(SQL));
            recorded = agent(LlmSettings.builder().model("scripted").baseUrl(server.baseUrl()).record(folder).build()).propose(Question.of("how many orders?"));
            assertThat(server.requests()).hasSize(2);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.getFileName().toString()).matches("[0-9a-f]{24}\\.json"));
        assertThat(Files.readString(files.get(0)) + Files.readString(files.get(1))).contains("how many orders?").contains("\"reply\"");

        // the server is gone: only the files can answer
        Proposal replayed = agent(LlmSettings.builder().model("scripted").baseUrl("http://127.0.0.1:9/v1").replay(folder).build())
                .propose(Question.of("how many orders?"));

        assertThat(replayed).isInstanceOf(Proposal.Sql.class).isEqualTo(withoutMillis(recorded, replayed));
    }

    /** Latency differs between a call and its replay; everything else must be equal. */
    private static Proposal withoutMillis(Proposal recorded, Proposal replayed)
    {
        Proposal.Sql left = (Proposal.Sql) recorded;
        Proposal.Sql right = (Proposal.Sql) replayed;
        return new Proposal.Sql(left.sql(), left.rationale(), left.understood(), left.chart(), left.verifiedQuery(), left.filters(), left.attempts(),
                new dev.aurum.assistant.proposal.Usage(left.usage().promptTokens(), left.usage().completionTokens(), right.usage().modelMillis()), left.warnings());
    }

    @Test
    void aRequestThatWasNotRecordedIsAClearError(@TempDir Path folder)
    {
        Proposal proposal = agent(LlmSettings.builder().model("scripted").replay(folder).build()).propose(Question.of("something never asked"));

        assertThat(proposal).isInstanceOfSatisfying(Proposal.Abstain.class,
                abstain -> assertThat(abstain.reason()).contains("no recorded reply for this request in " + folder).contains("record again with --record"));
    }

    @Test
    void replayOfAMissingFolderAndRecordWithReplayAreBadInput(@TempDir Path folder)
    {
        assertThatThrownBy(() -> new ReplayChatModel(folder.resolve("missing"))).isInstanceOf(AurumException.class).hasMessageContaining("make one with --record");
        assertThatThrownBy(() -> LlmSettings.builder().record(folder).replay(folder).build()).isInstanceOf(AurumException.class)
                .hasMessageContaining("cannot be used together");
    }
}
