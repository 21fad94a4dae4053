package dev.aurum.assistant;

import dev.aurum.assistant.proposal.Attempt;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Proposer;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.assistant.proposal.Turn;
import dev.aurum.assistant.proposal.Usage;
import dev.aurum.sql.ResultColumn;
import dev.aurum.stats.StatsOutcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aurum.assistant.AssistantFixtures.planned;
import static org.assertj.core.api.Assertions.assertThat;

/** How the router chooses between the planner and an LLM proposer under each engine (a scripted LLM, no network). */
class LlmRoutingTest
{
    private static final QueryPlan REVENUE = new QueryPlan(List.of("revenue"), List.of(), List.of(), List.of());
    private static final String PLAN_SQL = "SELECT SUM(order_value) AS revenue FROM gold.order_facts";
    private static final String LLM_SQL = "SELECT SUM(order_value) AS revenue FROM gold.order_facts WHERE is_revenue";

    private final AssistantFixtures.FakeRunner runner = new AssistantFixtures.FakeRunner(sql -> AssistantFixtures.revenue(sql, "99.00"));

    /** Replies from a script and records the questions it saw. */
    private static final class ScriptedLlm
            implements Proposer
    {
        final List<Question> seen = new ArrayList<>();
        final List<Proposal> script;

        ScriptedLlm(Proposal... script)
        {
            this.script = new ArrayList<>(List.of(script));
        }

        @Override
        public Proposal propose(Question question)
        {
            seen.add(question);
            return script.remove(0);
        }
    }

    private static Proposal.Sql llmSql(String sql, List<Attempt> attempts, List<String> warnings)
    {
        return new Proposal.Sql(sql, "sums order value over revenue orders", List.of(), null, null, List.of(), attempts, new Usage(812L, 64L, 420), warnings);
    }

    private Router router(Proposer planner, Proposer llm)
    {
        return new Router(AssistantFixtures.model(), planner, Optional.empty(), Optional.of(llm), runner,
                new RouterSettings(Optional.of("scripted")), AnswerLog.NONE);
    }

    @Test
    void autoAnswersFromThePlannerWithoutAskingTheLlmWhenEveryWordWasRead()
    {
        ScriptedLlm llm = new ScriptedLlm();
        Answer answer = router(new AssistantFixtures.FakePlanner(planned(REVENUE, PLAN_SQL, true)), llm).newConversation(Engine.AUTO).ask("1", "revenue");

        assertThat(answer.route()).isEqualTo(Route.PLANNER);
        assertThat(answer.sql()).isEqualTo(PLAN_SQL);
        assertThat(llm.seen).isEmpty();
    }

    @Test
    void autoSendsWhatThePlannerCouldNotReadToTheLlmWithUsageAndAttempts()
    {
        Attempt repaired = new Attempt("SELECT SUM(order_valu) FROM gold.order_facts", "column order_valu does not exist; did you mean order_value?");
        ScriptedLlm llm = new ScriptedLlm(llmSql(LLM_SQL, List.of(repaired), List.of()));
        Answer answer = router(new AssistantFixtures.FakePlanner(planned(REVENUE, PLAN_SQL, false)), llm).newConversation(Engine.AUTO)
                .ask("1", "revenue by vibe");

        assertThat(answer.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(answer.route()).isEqualTo(Route.LLM);
        assertThat(runner.seen).containsExactly(LLM_SQL);
        assertThat(answer.provenance().attempts()).containsExactly(repaired);
        assertThat(answer.timings().promptTokens()).isEqualTo(812L);
        assertThat(answer.timings().completionTokens()).isEqualTo(64L);
        assertThat(answer.timings().llmMs()).isEqualTo(420L);
        assertThat(llm.seen).extracting(Question::text).containsExactly("revenue by vibe");
    }

    @Test
    void whenTheLlmFailsAutoOffersThePlannersPartialReadingAndSaysWhy()
    {
        ScriptedLlm llm = new ScriptedLlm(Proposal.Abstain.because("the model server at http://127.0.0.1:9/v1 could not be reached"));
        Conversation conversation = router(new AssistantFixtures.FakePlanner(planned(REVENUE, PLAN_SQL, false)), llm).newConversation(Engine.AUTO);
        Answer answer = conversation.ask("1", "revenue by vibe");

        assertThat(answer.status()).isEqualTo(AnswerStatus.CLARIFICATION);
        assertThat(answer.message()).contains("\"vibe\"", "The LLM could not answer", "could not be reached");
        assertThat(answer.choices()).containsExactly("Answer revenue");
        assertThat(runner.seen).isEmpty();

        Answer chosen = conversation.ask("2", "1");
        assertThat(chosen.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(chosen.route()).isEqualTo(Route.PLANNER);
        assertThat(runner.seen).containsExactly(PLAN_SQL);
    }

    @Test
    void llmEngineNeverAsksThePlannerAndCarriesTheConversation()
    {
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner();
        ScriptedLlm llm = new ScriptedLlm(llmSql(LLM_SQL, List.of(), List.of()), llmSql(LLM_SQL + " AND year = 2018", List.of(), List.of()));
        Conversation conversation = router(planner, llm).newConversation(Engine.LLM);
        conversation.ask("1", "what did we sell?");
        Answer followUp = conversation.ask("2", "only 2018");

        assertThat(followUp.route()).isEqualTo(Route.LLM);
        assertThat(planner.questions).isEmpty();
        assertThat(llm.seen.get(1).history()).containsExactly(new Turn("what did we sell?", LLM_SQL));
    }

    @Test
    void aJoinWarningOfTheLastAttemptIsShownWithTheAnswer()
    {
        ScriptedLlm llm = new ScriptedLlm(llmSql(LLM_SQL, List.of(), List.of("the join on seller_id is not a relationship of the semantic model")));
        Answer answer = router(new AssistantFixtures.FakePlanner(), llm).newConversation(Engine.LLM).ask("1", "revenue per seller");

        assertThat(answer.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(answer.message()).startsWith("Warning: ").contains("seller_id");
    }

    @Test
    void hypothesisTestsAreAnsweredByTheStatisticsRouteUnderEveryEngine()
    {
        List<String> asked = new ArrayList<>();
        Map<String, Object> analysis = Map.of("test", "one-way ANOVA", "f_statistic", 0.699, "p_value", 0.552, "filter", "revenue_only");
        ScriptedLlm llm = new ScriptedLlm();
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner();
        Router router = new Router(AssistantFixtures.model(), planner, Optional.empty(), Optional.of(llm), Optional.empty(),
                Optional.of(question -> {
                    asked.add(question);
                    return question.contains("related")
                            ? new StatsOutcome.Clarify("Which two dimensions?", List.of("is payment type related to customer state?"))
                            : new StatsOutcome.Answered("SELECT season, COUNT(*) FROM gold.order_facts GROUP BY season",
                                    List.of(new ResultColumn("season", "string"), new ResultColumn("mean", "double")),
                                    List.of(List.of("Summer", 151.2), List.of("Winter", 149.8)), "Order value does not differ by season (F = 0.70, p = 0.55).",
                                    analysis, "season", "mean", Map.of("gold.order_facts", 3L), LocalDate.of(2018, 8, 31));
                }), runner, new RouterSettings(Optional.of("scripted")), AnswerLog.NONE);
        for (Engine engine : Engine.values()) {
            Answer answer = router.newConversation(engine).ask("1", "is spending different across seasons?");
            assertThat(answer.route()).as(engine.toString()).isEqualTo(Route.STATS);
            assertThat(answer.status()).isEqualTo(AnswerStatus.ANSWERED);
            assertThat(answer.analysis()).containsEntry("f_statistic", 0.699).containsEntry("p_value", 0.552);
            assertThat(answer.summary()).contains("does not differ");
            assertThat(answer.chart()).isEqualTo(new ChartHint("bar", "season", "mean"));
            assertThat(answer.provenance().filters()).containsExactly("revenue_only");
            assertThat(answer.provenance().tableVersions()).containsEntry("gold.order_facts", 3L);
        }
        Answer related = router.newConversation(Engine.AUTO).ask("2", "is payment type related to state?");
        assertThat(related.status()).isEqualTo(AnswerStatus.CLARIFICATION);
        assertThat(related.choices()).containsExactly("is payment type related to customer state?");
        assertThat(llm.seen).isEmpty();
        assertThat(planner.questions).isEmpty();
        assertThat(runner.seen).isEmpty();
        assertThat(asked).hasSize(4);
    }

    @Test
    void hypothesisTestsNeverReachTheLlm()
    {
        ScriptedLlm llm = new ScriptedLlm();
        Answer answer = router(new AssistantFixtures.FakePlanner(), llm).newConversation(Engine.LLM).ask("1", "does order value differ by season?");

        assertThat(answer.route()).isEqualTo(Route.STATS);
        assertThat(llm.seen).isEmpty();
    }
}
