package dev.aurum.assistant;

import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aurum.assistant.AssistantFixtures.planned;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole answers served again before any routing, only for the same question in the same context over unchanged tables. */
class AnswerCacheTest
{
    private static final QueryPlan REVENUE_BY_STATE = new QueryPlan(List.of("revenue"), List.of("customer_state"), List.of(), List.of());
    private static final String SQL = "SELECT customer_state, SUM(order_value) AS revenue FROM gold.order_facts GROUP BY customer_state";

    private final Map<String, Long> versions = new HashMap<>(Map.of("gold.order_facts", 7L));
    private final List<Answer> logged = new ArrayList<>();
    private final AssistantFixtures.FakeRunner runner = new AssistantFixtures.FakeRunner(sql -> AssistantFixtures.result(sql,
            List.of(new ResultColumn("customer_state", "string"), new ResultColumn("revenue", "decimal(12,2)")),
            List.of(List.of("SP", new java.math.BigDecimal("5000.00")))));

    private Router router(AssistantFixtures.FakePlanner planner, AnswerCache cache)
    {
        return new Router(AssistantFixtures.model(), planner, Optional.empty(), runner, RouterSettings.offline(), (engine, answer) -> logged.add(answer))
                .cachingAnswers(cache);
    }

    private static Proposal.Planned revenueByState()
    {
        return planned(REVENUE_BY_STATE, SQL, true, new Understood("revenue", "metric revenue"), new Understood("state", "dimension customer_state"));
    }

    @Test
    void theSameQuestionOverUnchangedTablesIsAnsweredWithoutRoutingOrRunning()
    {
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner(revenueByState(), revenueByState());
        AnswerCache cache = new AnswerCache(table -> versions.getOrDefault(table, -1L));
        Router router = router(planner, cache);

        Answer first = router.newConversation(Engine.OFFLINE).ask("q1", "revenue by state");
        Answer again = router.newConversation(Engine.OFFLINE).ask("q2", "  Revenue   by STATE ");

        assertThat(planner.questions).containsExactly("revenue by state");
        assertThat(runner.seen).containsExactly(SQL);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(again.id()).isEqualTo("q2");
        assertThat(again.question()).isEqualTo("Revenue   by STATE");
        assertThat(again.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(again.rows()).isEqualTo(first.rows());
        assertThat(again.sql()).isEqualTo(first.sql());
        assertThat(again.provenance()).isEqualTo(first.provenance());
        assertThat(again.timings().guardMs()).as("nothing guarded").isZero();
        assertThat(again.timings().executeMs()).as("nothing run").isZero();
        assertThat(logged).as("every asking is logged, from the cache too").extracting(Answer::id).containsExactly("q1", "q2");
    }

    @Test
    void aTableAtANewVersionRoutesAndRunsAgain()
    {
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner(revenueByState(), revenueByState());
        AnswerCache cache = new AnswerCache(table -> versions.getOrDefault(table, -1L));
        Router router = router(planner, cache);

        router.newConversation(Engine.OFFLINE).ask("q1", "revenue by state");
        versions.put("gold.order_facts", 8L);
        router.newConversation(Engine.OFFLINE).ask("q2", "revenue by state");

        assertThat(planner.questions).hasSize(2);
        assertThat(runner.seen).hasSize(2);
        assertThat(cache.hits()).isZero();
    }

    @Test
    void aFollowUpIsNotTheSameQuestionAsAFreshOne()
    {
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner(revenueByState(), revenueByState(), revenueByState());
        AnswerCache cache = new AnswerCache(table -> versions.getOrDefault(table, -1L));
        Router router = router(planner, cache);

        Conversation conversation = router.newConversation(Engine.OFFLINE);
        conversation.ask("q1", "revenue by state");
        // the same words after an answer refine that answer's plan: another context, so routed again
        conversation.ask("q2", "revenue by state");
        // a fresh conversation asking it is the first asking's context: served from the cache
        router.newConversation(Engine.OFFLINE).ask("q3", "revenue by state");

        assertThat(planner.questions).hasSize(2);
        assertThat(planner.previous.get(1)).contains(REVENUE_BY_STATE);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void onlyAnswersWithKnownTableVersionsAreKept()
    {
        Proposal.Clarify clarify = new Proposal.Clarify("Which revenue?", List.of("revenue", "gross order value"), null, List.of());
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner(clarify, clarify, revenueByState(), revenueByState());
        AnswerCache cache = new AnswerCache(table -> -1L);
        Router router = router(planner, cache);

        router.newConversation(Engine.OFFLINE).ask("q1", "revenue?");
        router.newConversation(Engine.OFFLINE).ask("q2", "revenue?");
        // the tables' versions cannot be read (not Delta, or gone): never served from the cache
        router.newConversation(Engine.OFFLINE).ask("q3", "revenue by state");
        router.newConversation(Engine.OFFLINE).ask("q4", "revenue by state");

        assertThat(planner.questions).hasSize(4);
        assertThat(cache.hits()).isZero();
    }
}
