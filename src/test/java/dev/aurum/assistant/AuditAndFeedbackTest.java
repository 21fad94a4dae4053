package dev.aurum.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aurum.AurumException;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.semantic.VerifiedQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.aurum.assistant.AssistantFixtures.planned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditAndFeedbackTest
{
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private static final QueryPlan PLAN = new QueryPlan(List.of("revenue"), List.of("customer_state"), List.of(), List.of());

    @TempDir
    Path state;

    private Router router(AnswerLog audit, dev.aurum.assistant.proposal.Proposal... script)
    {
        VerifiedQueryMatcher matcher = new VerifiedQueryMatcher(AssistantFixtures.model(), new AssistantFixtures.FakeValueIndex(),
                new AssistantFixtures.WordEmbedder(), VerifiedQueryMatcher.DEFAULT_THRESHOLD);
        return new Router(AssistantFixtures.model(), new AssistantFixtures.FakePlanner(script), Optional.of(matcher),
                new AssistantFixtures.FakeRunner(sql -> AssistantFixtures.revenue(sql, "10.00")), RouterSettings.offline(), audit);
    }

    @Test
    void everyQuestionIsAppendedToTheAuditLog()
            throws Exception
    {
        AuditLog audit = new AuditLog(state, CLOCK);
        Conversation conversation = router(audit, planned(PLAN, "SELECT 1 AS revenue", true)).newConversation(Engine.AUTO);
        conversation.ask("q1", "revenue in SP for 2017");
        conversation.ask("q2", "revenue by state");
        conversation.ask("q3", "is revenue different across states?");

        List<String> lines = Files.readAllLines(state.resolve("audit.jsonl"));
        assertThat(lines).hasSize(3);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("ts").asText()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(first.get("id").asText()).isEqualTo("q1");
        assertThat(first.get("engine").asText()).isEqualTo("auto");
        assertThat(first.get("route").asText()).isEqualTo("trusted");
        assertThat(first.get("status").asText()).isEqualTo("answered");
        assertThat(first.get("sql").asText()).contains("customer_state = 'SP'");
        assertThat(first.get("verified_query").asText()).isEqualTo("revenue_by_state_and_year");
        assertThat(first.get("timings").get("total_ms").isNumber()).isTrue();
        assertThat(mapper.readTree(lines.get(1)).get("route").asText()).isEqualTo("planner");
        JsonNode third = mapper.readTree(lines.get(2));
        assertThat(third.get("route").asText()).isEqualTo("stats");
        assertThat(third.get("status").asText()).isEqualTo("error");
        assertThat(audit.lastFailure()).isEmpty();
    }

    @Test
    void anUnwritableAuditLogNeverFailsTheAnswer()
            throws Exception
    {
        Path file = state.resolve("not-a-folder");
        Files.writeString(file, "x");
        AuditLog audit = new AuditLog(file, CLOCK);
        Answer answer = router(audit).newConversation(Engine.OFFLINE).ask("q", "revenue in RJ for 2018");
        assertThat(answer.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(audit.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).contains("audit.jsonl"));
    }

    @Test
    void feedbackIsStoredWithTheAnswerAndSuggestedAsVerifiedQueries()
            throws Exception
    {
        FeedbackLog feedback = new FeedbackLog(state, CLOCK);
        Conversation conversation = router(AnswerLog.NONE,
                planned(PLAN, "SELECT customer_state, SUM(order_value) AS revenue FROM gold.order_facts GROUP BY customer_state", true),
                planned(PLAN, "SELECT 2 AS revenue", true),
                planned(PLAN, "SELECT 3 AS revenue", true)).newConversation(Engine.OFFLINE);

        feedback.record(conversation.ask("a", "Revenue by state?"), "good", "matches the dashboard");
        feedback.record(conversation.ask("b", "revenue in RJ for 2018"), "good", null);
        feedback.record(conversation.ask("c", "orders by status"), "GOOD", "");
        feedback.record(conversation.lastAnswer().orElseThrow(), "bad", "wrong status list");
        feedback.record(conversation.ask("d", "revenue per seller"), "bad", null);
        assertThatThrownBy(() -> feedback.record(conversation.lastAnswer().orElseThrow(), "meh", null))
                .isInstanceOf(AurumException.class)
                .hasMessageContaining("good or bad");

        List<FeedbackEntry> entries = feedback.read();
        assertThat(entries).hasSize(5);
        assertThat(entries.get(0).comment()).isEqualTo("matches the dashboard");
        assertThat(entries.get(0).route()).isEqualTo("planner");
        assertThat(entries.get(0).metrics()).containsExactly("revenue");
        assertThat(entries.get(1).verifiedQuery()).isEqualTo("revenue_by_state_and_year");

        // only "Revenue by state?": the trusted answer is verified already, "orders by status" was re-rated bad
        assertThat(VerifiedQuerySuggestions.select(entries)).extracting(FeedbackEntry::question).containsExactly("Revenue by state?");
        String yaml = VerifiedQuerySuggestions.yaml(entries, "2026-11-27");
        assertThat(yaml).startsWith("# 1 suggested verified query");
        JsonNode parsed = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        VerifiedQuery suggested = new ObjectMapper().treeToValue(parsed.get("verified_queries").get(0), VerifiedQuery.class);
        assertThat(suggested.name()).isEqualTo("revenue_by_state");
        assertThat(suggested.question()).isEqualTo("Revenue by state?");
        assertThat(suggested.sql().strip()).isEqualTo("SELECT customer_state, SUM(order_value) AS revenue FROM gold.order_facts GROUP BY customer_state");
        assertThat(suggested.verifiedAt()).isEqualTo("2026-11-27");
    }

    @Test
    void nothingToSuggestSaysHowToRate()
    {
        assertThat(VerifiedQuerySuggestions.yaml(new FeedbackLog(state, CLOCK).read(), "2026-11-27")).contains("/feedback good");
    }
}
