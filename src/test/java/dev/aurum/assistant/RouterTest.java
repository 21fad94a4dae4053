package dev.aurum.assistant;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.proposal.Attempt;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Proposer;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aurum.assistant.AssistantFixtures.planned;
import static org.assertj.core.api.Assertions.assertThat;

class RouterTest
{
    private static final QueryPlan REVENUE_BY_STATE = new QueryPlan(List.of("revenue"), List.of("customer_state"), List.of("year = 2018"), List.of());
    private static final String PLAN_SQL = "SELECT customer_state, SUM(order_value) AS revenue FROM gold.order_facts WHERE year = 2018 GROUP BY customer_state";

    private final List<Answer> logged = new ArrayList<>();
    private final AssistantFixtures.FakeRunner runner = new AssistantFixtures.FakeRunner(sql -> sql.contains("GROUP BY customer_state")
            ? AssistantFixtures.result(sql, List.of(new ResultColumn("customer_state", "string"), new ResultColumn("revenue", "decimal(12,2)")),
                    List.of(List.of("SP", new BigDecimal("5000.00")), List.of("RJ", new BigDecimal("1234.50")), List.of("AC", new BigDecimal("12.00"))))
            : AssistantFixtures.revenue(sql, "1234.50"));

    private Router router(Proposer planner, RouterSettings settings)
    {
        VerifiedQueryMatcher matcher = new VerifiedQueryMatcher(AssistantFixtures.model(), new AssistantFixtures.FakeValueIndex(),
                new AssistantFixtures.WordEmbedder(), VerifiedQueryMatcher.DEFAULT_THRESHOLD);
        return new Router(AssistantFixtures.model(), planner, Optional.of(matcher), runner, settings, (engine, answer) -> logged.add(answer));
    }

    @Test
    void verifiedQueryAnswersAsTrustedWithProvenance()
    {
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner();
        Answer answer = router(planner, RouterSettings.offline()).newConversation(Engine.OFFLINE).ask("q1", "revenue in RJ for 2018");

        assertThat(answer.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(answer.route()).isEqualTo(Route.TRUSTED);
        assertThat(answer.id()).isEqualTo("q1");
        assertThat(runner.seen).containsExactly(answer.sql());
        assertThat(answer.sql()).contains("customer_state = 'RJ'", "year = 2018");
        assertThat(answer.summary()).isEqualTo("Revenue was R$ 1,234.50 (customer_state = RJ, year = 2018).");
        assertThat(answer.provenance().verifiedQuery()).isEqualTo("revenue_by_state_and_year");
        assertThat(answer.provenance().filters()).containsExactly("customer_state = RJ", "year = 2018");
        assertThat(answer.provenance().dataDate()).isEqualTo(LocalDate.of(2018, 8, 31));
        assertThat(answer.provenance().tableVersions()).containsEntry("gold.order_facts", 7L);
        assertThat(answer.provenance().understood()).extracting(Understood::as).contains("customer_state = RJ", "year = 2018");
        assertThat(answer.timings().totalMs()).isNotNull();
        assertThat(answer.timings().guardMs()).isEqualTo(1L);
        assertThat(answer.timings().executeMs()).isEqualTo(2L);
        assertThat(answer.rowCount()).isEqualTo(1L);
        assertThat(planner.questions).isEmpty();
        assertThat(logged).containsExactly(answer);
    }

    @Test
    void aZeroThatHoldsByDefinitionIsExplained()
    {
        QueryPlan canceled = new QueryPlan(List.of("revenue"), List.of(), List.of("canceled"), List.of());
        String checkSql = "SELECT COUNT(*) AS matching, COUNT(CASE WHEN is_revenue THEN 1 END) AS counted FROM gold.order_facts WHERE order_status = 'canceled'";
        Proposal.ExclusionCheck check = new Proposal.ExclusionCheck(checkSql, "revenue", "is_revenue",
                "True for revenue orders, i.e. orders that are neither canceled nor unavailable.", "gross_order_value");
        String revenueSql = "SELECT SUM(CASE WHEN is_revenue THEN order_value END) AS revenue FROM gold.order_facts WHERE order_status = 'canceled'";
        Proposal.Planned planned = new Proposal.Planned(canceled, revenueSql, List.of(new Understood("revenue", "metric revenue")), true, null,
                Map.of("revenue", "money"), check);
        List<Long> counted = new ArrayList<>(List.of(0L));
        List<String> revenue = new ArrayList<>(List.of("0.00"));
        AssistantFixtures.FakeRunner scripted = new AssistantFixtures.FakeRunner(sql -> sql.equals(checkSql)
                ? AssistantFixtures.result(sql, List.of(new ResultColumn("matching", "bigint"), new ResultColumn("counted", "bigint")), List.of(List.of(1234L, counted.get(0))))
                : revenue.get(0) == null
                        ? AssistantFixtures.result(sql, List.of(new ResultColumn("revenue", "decimal(12,2)")), List.of(java.util.Arrays.asList((Object) null)))
                        : AssistantFixtures.revenue(sql, revenue.get(0)));
        Router router = new Router(AssistantFixtures.model(), new AssistantFixtures.FakePlanner(planned, planned, planned, planned), Optional.empty(), scripted,
                RouterSettings.offline(), (engine, answer) -> logged.add(answer));

        Answer zero = router.newConversation(Engine.OFFLINE).ask("q1", "revenue of canceled orders");
        assertThat(zero.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(zero.rows()).containsExactly(List.of(new BigDecimal("0.00")));
        assertThat(zero.message()).isEqualTo("Revenue is 0 by definition here: it counts only rows where is_revenue is true (True for revenue orders, i.e. orders"
                + " that are neither canceled nor unavailable), and none of the 1,234 rows this question selects does. Gross order value counts every row: ask for it instead.");
        assertThat(scripted.seen).containsExactly(revenueSql, checkSql);

        // an average over no counted row is NULL, not 0
        revenue.set(0, null);
        assertThat(router.newConversation(Engine.OFFLINE).ask("q1b", "revenue of canceled orders").message())
                .startsWith("Revenue has no value (NULL) by definition here: it counts only rows where is_revenue is true");
        revenue.set(0, "0.00");

        // rows the metric counts exist: a plain 0, no explanation
        counted.set(0, 3L);
        assertThat(router.newConversation(Engine.OFFLINE).ask("q2", "revenue of canceled orders").message()).isNull();

        // not 0: the check is not even run
        revenue.set(0, "12.50");
        scripted.seen.clear();
        assertThat(router.newConversation(Engine.OFFLINE).ask("q3", "revenue of canceled orders").message()).isNull();
        assertThat(scripted.seen).containsExactly(revenueSql);
    }

    @Test
    void plannerAnswersWhenItUnderstoodEveryWord()
    {
        for (Engine engine : List.of(Engine.OFFLINE, Engine.AUTO)) {
            AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner(planned(REVENUE_BY_STATE, PLAN_SQL, true,
                    new Understood("revenue", "metric revenue"), new Understood("by state", "group by customer_state")));
            Answer answer = router(planner, RouterSettings.offline()).newConversation(engine).ask("q", "revenue by state in 2018");
            assertThat(answer.status()).isEqualTo(AnswerStatus.ANSWERED);
            assertThat(answer.route()).isEqualTo(Route.PLANNER);
            assertThat(answer.sql()).isEqualTo(PLAN_SQL);
            assertThat(answer.provenance().metrics()).containsExactly("revenue");
            assertThat(answer.provenance().dimensions()).containsExactly("customer_state");
            assertThat(answer.provenance().filters()).containsExactly("year = 2018");
            assertThat(answer.provenance().understood()).hasSize(2);
            assertThat(answer.columns()).extracting(ResultColumn::name).containsExactly("customer_state", "revenue");
            assertThat(answer.rows()).hasSize(3);
            assertThat(answer.summary()).isEqualTo("3 rows (year = 2018); highest revenue: SP (R$ 5,000.00); lowest: AC (R$ 12.00).");
            assertThat(answer.chart()).isEqualTo(new ChartHint("bar", "customer_state", "revenue"));
        }
    }

    @Test
    void partialPlanBecomesAChoiceThatRunsWhenPicked()
    {
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner(planned(REVENUE_BY_STATE, PLAN_SQL, false,
                new Understood("revenue", "metric revenue"), new Understood("state", "group by customer_state")));
        Conversation conversation = router(planner, RouterSettings.offline()).newConversation(Engine.OFFLINE);

        Answer clarification = conversation.ask("q1", "revenue by state for frobnicated customers");
        assertThat(clarification.status()).isEqualTo(AnswerStatus.CLARIFICATION);
        assertThat(clarification.rows()).isNull();
        assertThat(clarification.message()).contains("\"frobnicated\"").doesNotContain("LLM");
        assertThat(clarification.choices()).containsExactly("Answer revenue by customer_state where year = 2018");
        assertThat(runner.seen).isEmpty();

        Answer picked = conversation.ask("q2", "1");
        assertThat(picked.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(picked.route()).isEqualTo(Route.PLANNER);
        assertThat(picked.question()).isEqualTo("Answer revenue by customer_state where year = 2018");
        assertThat(runner.seen).containsExactly(PLAN_SQL);
        assertThat(planner.questions).hasSize(1);
    }

    @Test
    void autoWithoutAnLlmAgentAsksBackWithThePartialReading()
    {
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner(planned(REVENUE_BY_STATE, PLAN_SQL, false));
        Answer answer = router(planner, new RouterSettings(Optional.of("gpt-test"))).newConversation(Engine.AUTO).ask("q", "revenue by vibe");

        assertThat(answer.status()).isEqualTo(AnswerStatus.CLARIFICATION);
        assertThat(answer.message()).contains("\"vibe\"", "did not guess");
        assertThat(answer.choices()).hasSize(1);
        assertThat(runner.seen).isEmpty();
    }

    @Test
    void llmEngineWithoutAModelSaysHowToNameOneAndNeverRunsAnything()
    {
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner();
        Answer answer = router(planner, new RouterSettings(Optional.of("gpt-test"))).newConversation(Engine.LLM).ask("q", "revenue in RJ for 2018");

        assertThat(answer.status()).isEqualTo(AnswerStatus.ERROR);
        assertThat(answer.route()).isEqualTo(Route.LLM);
        assertThat(answer.message()).contains("--llm-model", "AURUM_LLM_MODEL", "--engine offline");
        assertThat(planner.questions).isEmpty();
        assertThat(runner.seen).isEmpty();
    }

    @Test
    void hypothesisTestsGoToStatisticsUnderEveryEngine()
    {
        for (Engine engine : Engine.values()) {
            AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner();
            Conversation conversation = router(planner, RouterSettings.offline()).newConversation(engine);
            for (String question : List.of("Is average order value different across states?", "does delivery time differ by state?",
                    "are prices significantly different between categories")) {
                Answer answer = conversation.ask("q", question);
                assertThat(answer.route()).as(engine + ": " + question).isEqualTo(Route.STATS);
                assertThat(answer.status()).isEqualTo(AnswerStatus.ERROR);
                assertThat(answer.message()).contains("Statistics are not set up");
            }
            assertThat(planner.questions).isEmpty();
        }
        assertThat(HypothesisQuestions.isHypothesisTest("revenue by state in 2018")).isFalse();
        assertThat(HypothesisQuestions.isHypothesisTest("which state has the most different products")).isFalse();
    }

    @Test
    void clarificationAndRefusalNeverCarryRows()
    {
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner(
                new Proposal.Clarify("Which value do you mean by \"value\"?", List.of("revenue", "payment_value"), null, List.of()),
                new Proposal.Refuse("Aurum answers questions about past orders; it cannot forecast."));
        Conversation conversation = router(planner, RouterSettings.offline()).newConversation(Engine.OFFLINE);

        Answer clarification = conversation.ask("a", "total value");
        assertThat(clarification.status()).isEqualTo(AnswerStatus.CLARIFICATION);
        assertThat(clarification.choices()).containsExactly("revenue", "payment_value");
        assertThat(clarification.rows()).isNull();

        Answer refusal = conversation.ask("b", "forecast revenue for 2030");
        assertThat(refusal.status()).isEqualTo(AnswerStatus.REFUSED);
        assertThat(refusal.message()).contains("cannot forecast");
        assertThat(refusal.rows()).isNull();
        assertThat(runner.seen).isEmpty();
        // an answer that is not one of the choices is a new question for the planner
        assertThat(planner.questions).containsExactly("total value", "forecast revenue for 2030");
    }

    @Test
    void choosingACompleteReadingRunsItsPlanWithoutAskingAgain()
    {
        Proposal.Planned byState = planned(REVENUE_BY_STATE, PLAN_SQL, true);
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner(new Proposal.Clarify("Which measure do you want by customer_state?",
                List.of("revenue by customer_state, where year = 2018"), null, List.of(), Map.of("revenue by customer_state, where year = 2018", byState)));
        Conversation conversation = router(planner, RouterSettings.offline()).newConversation(Engine.OFFLINE);

        Answer clarification = conversation.ask("1", "which states did best in 2018?");
        assertThat(clarification.status()).isEqualTo(AnswerStatus.CLARIFICATION);
        Answer chosen = conversation.ask("2", "1");

        assertThat(chosen.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(runner.seen).containsExactly(PLAN_SQL);
        assertThat(planner.questions).containsExactly("which states did best in 2018?");
    }

    @Test
    void executorErrorsBecomeErrorAnswersWithTheAttempt()
    {
        AssistantFixtures.FakeRunner rejecting = new AssistantFixtures.FakeRunner(sql -> {
            throw new AurumException(ErrorCode.SQL_REJECTED, "only SELECT over gold tables is allowed");
        });
        Router router = new Router(AssistantFixtures.model(), new AssistantFixtures.FakePlanner(planned(REVENUE_BY_STATE, PLAN_SQL, true)),
                Optional.empty(), rejecting, RouterSettings.offline(), AnswerLog.NONE);

        Answer answer = router.newConversation(Engine.OFFLINE).ask("q", "revenue by state in 2018");
        assertThat(answer.status()).isEqualTo(AnswerStatus.ERROR);
        assertThat(answer.message()).isEqualTo("only SELECT over gold tables is allowed");
        assertThat(answer.provenance().attempts()).containsExactly(new Attempt(PLAN_SQL, "only SELECT over gold tables is allowed"));
    }

    @Test
    void plannerFailuresNeverEscapeAsExceptions()
    {
        Proposer broken = question -> {
            throw new AurumException(ErrorCode.NOT_BUILT, "the semantic planner is not built yet");
        };
        Router router = new Router(AssistantFixtures.model(), broken, Optional.empty(), runner, RouterSettings.offline(), AnswerLog.NONE);
        Answer answer = router.newConversation(Engine.AUTO).ask("q", "revenue by state");
        assertThat(answer.status()).isEqualTo(AnswerStatus.ERROR);
        assertThat(answer.message()).contains("not built yet");

        Proposer buggy = question -> {
            throw new IllegalStateException("boom");
        };
        Answer bug = new Router(AssistantFixtures.model(), buggy, Optional.empty(), runner, RouterSettings.offline(), AnswerLog.NONE)
                .newConversation(Engine.OFFLINE).ask("q", "revenue");
        assertThat(bug.status()).isEqualTo(AnswerStatus.ERROR);
        assertThat(bug.message()).contains("boom");
    }

    @Test
    void followUpsRefineThePreviousPlanUntilReset()
    {
        QueryPlan byMonth = new QueryPlan(List.of("revenue"), List.of("customer_state", "month"), List.of("year = 2018"), List.of());
        AssistantFixtures.FakePlanner planner = new AssistantFixtures.FakePlanner(
                planned(REVENUE_BY_STATE, PLAN_SQL, true),
                planned(byMonth, PLAN_SQL + ", month", true),
                planned(REVENUE_BY_STATE, PLAN_SQL, true));
        Conversation conversation = router(planner, RouterSettings.offline()).newConversation(Engine.OFFLINE);

        conversation.ask("1", "revenue by state in 2018");
        conversation.ask("2", "now by month");
        conversation.reset();
        assertThat(conversation.lastAnswer()).isEmpty();
        conversation.ask("3", "revenue by state in 2018");

        assertThat(planner.previous).containsExactly(Optional.empty(), Optional.of(REVENUE_BY_STATE), Optional.empty());
        assertThat(conversation.lastAnswer().map(Answer::id)).hasValue("3");
    }

    @Test
    void runSqlAnswersWithRouteSql()
    {
        Router router = router(new AssistantFixtures.FakePlanner(), RouterSettings.offline());
        Answer answer = router.runSql("s1", "SELECT SUM(order_value) AS revenue FROM gold.order_facts", Engine.AUTO);
        assertThat(answer.route()).isEqualTo(Route.SQL);
        assertThat(answer.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(answer.summary()).isEqualTo("Revenue was R$ 1,234.50.");
        router.cancel();
        assertThat(runner.cancels).isEqualTo(1);
        assertThat(logged).containsExactly(answer);
    }

    @Test
    void summariesFormatByMetric()
    {
        Map<String, String> formats = Map.of("late_rate", "percent", "orders", "integer");
        assertThat(AnswerSummary.summarize(AssistantFixtures.result("x", List.of(new ResultColumn("late_rate", "double")), List.of(List.of(7.123))),
                formats, List.of(), "R$")).isEqualTo("Late rate was 7.12%.");
        assertThat(AnswerSummary.summarize(AssistantFixtures.result("x", List.of(new ResultColumn("orders", "bigint")), List.of(List.of(12345L))),
                formats, List.of("year = 2017"), "R$")).isEqualTo("Orders was 12,345 (year = 2017).");
        assertThat(AnswerSummary.summarize(AssistantFixtures.result("x", List.of(new ResultColumn("orders", "bigint")), List.of()), formats, List.of(), "R$"))
                .isEqualTo("No rows matched.");
    }
}
