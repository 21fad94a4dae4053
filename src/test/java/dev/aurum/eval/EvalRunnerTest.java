package dev.aurum.eval;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Engine;
import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aurum.eval.ResultComparatorTest.columns;
import static dev.aurum.eval.ResultComparatorTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalRunnerTest
{
    static final String SUITE = """
            name: tiny
            items:
              - {id: total, question: total revenue, expect: answer, tags: [metric], sql: SELECT total}
              - {id: by-state, question: revenue by state, expect: answer, tags: [group-by], sql: SELECT by_state}
              - {id: top, question: top states, expect: answer, tags: [top-n], sql: SELECT top ORDER BY revenue DESC}
              - {id: vague, question: how did we do, expect: clarify, tags: [ambiguous]}
              - {id: forecast, question: forecast next year, expect: refuse, tags: [out-of-scope]}
              - {id: first, question: orders by month, expect: answer, tags: [follow-up], conversation: c, sql: SELECT monthly}
              - {id: second, question: now only SP, expect: answer, tags: [follow-up], conversation: c, sql: SELECT monthly_sp}
            """;

    static final List<ResultColumn> REVENUE = columns("revenue", "decimal(12,2)");
    static final List<ResultColumn> STATE_REVENUE = columns("customer_state", "string", "revenue", "decimal(12,2)");
    static final List<ResultColumn> MONTH_ORDERS = columns("month", "int", "orders", "bigint");

    static final Map<String, ResultTable> GOLD = Map.of(
            "SELECT total", new ResultTable(REVENUE, List.of(row(new BigDecimal("300.00")))),
            "SELECT by_state", new ResultTable(STATE_REVENUE, List.of(row("SP", new BigDecimal("200.00")), row("RJ", new BigDecimal("100.00")))),
            "SELECT top ORDER BY revenue DESC", new ResultTable(STATE_REVENUE, List.of(row("SP", new BigDecimal("200.00")), row("RJ", new BigDecimal("100.00")))),
            "SELECT monthly", new ResultTable(MONTH_ORDERS, List.of(row(1, 5L), row(2, 7L))),
            "SELECT monthly_sp", new ResultTable(MONTH_ORDERS, List.of(row(1, 2L), row(2, 3L))));

    private final EvalSuite suite = new EvalSuiteLoader().parse(SUITE, "tiny.yaml");

    static EvalRunner runner(ScriptedAssistant assistant, Duration timeout)
    {
        return new EvalRunner(assistant, sql -> {
            ResultTable result = GOLD.get(sql);
            if (result == null) {
                throw new AurumException(ErrorCode.RUN_FAILED, "no such gold: " + sql);
            }
            return result;
        }, new ResultComparator(ComparatorSettings.defaults()), new ErrorClassifier(sql -> sql.contains("DROP")), timeout);
    }

    static ScriptedAssistant allRight()
    {
        return new ScriptedAssistant()
                .answer("total revenue", columns("total", "double"), List.of(row(300.0)))
                .answer("revenue by state", columns("uf", "string", "orders", "bigint", "revenue", "decimal(38,2)"),
                        List.of(row("RJ", 4L, new BigDecimal("100.00")), row("SP", 9L, new BigDecimal("200.00"))))
                .answer("top states", STATE_REVENUE, List.of(row("SP", new BigDecimal("200.00")), row("RJ", new BigDecimal("100.00"))))
                .status("how did we do", AnswerStatus.CLARIFICATION, null, "Which metric?")
                .status("forecast next year", AnswerStatus.REFUSED, null, "Forecasts are outside the data.")
                .answer("orders by month", MONTH_ORDERS, List.of(row(2, 7L), row(1, 5L)))
                .answer("now only SP", MONTH_ORDERS, List.of(row(1, 2L), row(2, 3L)));
    }

    @Test
    void scoresEveryExpectedBehaviourRight()
    {
        ScriptedAssistant assistant = allRight();
        EvalRunner runner = runner(assistant, Duration.ofSeconds(10));
        GoldCheck gold = runner.checkGold(suite);
        assertThat(gold.passed()).isTrue();
        List<QuestionOutcome> seen = new ArrayList<>();
        List<QuestionOutcome> outcomes = runner.run(suite, gold, Engine.OFFLINE, seen::add);

        assertThat(outcomes).extracting(QuestionOutcome::id).containsExactly("total", "by-state", "top", "vague", "forecast", "first", "second");
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.verdict()).as(outcome.id() + ": " + outcome.detail()).isEqualTo(Verdict.CORRECT));
        assertThat(seen).hasSize(7);
        assertThat(assistant.engines).containsOnly(Engine.OFFLINE);
        // follow-ups share conversation 6, asked in file order; every other question has a fresh conversation
        assertThat(assistant.asked).containsExactly("1:total revenue", "2:revenue by state", "3:top states", "4:how did we do",
                "5:forecast next year", "6:orders by month", "6:now only SP");
        assertThat(outcomes.get(0).promptTokens()).isEqualTo(100);
        assertThat(outcomes.get(0).route()).isEqualTo("planner");
        assertThat(outcomes.get(0).usage().metrics()).containsExactly("revenue");
    }

    @Test
    void namesTheReasonOfEveryBehaviourFailure()
    {
        ScriptedAssistant assistant = allRight()
                .status("total revenue", AnswerStatus.CLARIFICATION, null, "Which revenue?")
                .status("revenue by state", AnswerStatus.REFUSED, null, "No.")
                .status("top states", AnswerStatus.ERROR, "SELECT * FROM gold.x ORDER BY nope", "[UNRESOLVED_COLUMN] nope")
                .answer("how did we do", REVENUE, List.of(row(new BigDecimal("1.00"))))
                .status("forecast next year", AnswerStatus.CLARIFICATION, null, "Forecast of what?")
                .status("orders by month", AnswerStatus.ERROR, "DROP TABLE gold.order_facts", "rejected")
                .status("now only SP", AnswerStatus.ERROR, "SELECT slow", "The query ran past its time limit of 60 s and was cancelled.");
        List<QuestionOutcome> outcomes = run(assistant, Duration.ofSeconds(10));

        assertThat(outcomes).extracting(outcome -> outcome.reason().orElseThrow()).containsExactly(
                FailureReason.CLARIFIED_INSTEAD,
                FailureReason.REFUSED_INSTEAD,
                FailureReason.SQL_ERROR,
                FailureReason.ANSWERED_INSTEAD,
                FailureReason.CLARIFIED_INSTEAD,
                FailureReason.GUARD_REJECTED,
                FailureReason.TIMEOUT);
        assertThat(outcomes).extracting(QuestionOutcome::verdict).containsExactly(
                Verdict.ABSTAINED, Verdict.ABSTAINED, Verdict.ERROR, Verdict.WRONG, Verdict.ABSTAINED, Verdict.ERROR, Verdict.ERROR);
        EvalSummary summary = EvalSummary.of(outcomes);
        assertThat(summary.correct()).isZero();
        assertThat(summary.wrong()).isEqualTo(1);
        assertThat(summary.wrongRate()).isEqualTo(1.0 / 7);
        assertThat(summary.abstained()).isEqualTo(3);
    }

    @Test
    void wrongRowsAreWrongAnswersWithTheComparatorsReason()
    {
        ScriptedAssistant assistant = allRight()
                .answer("total revenue", REVENUE, List.of(row(new BigDecimal("299.00"))))
                .answer("revenue by state", STATE_REVENUE, List.of(row("SP", new BigDecimal("200.00"))))
                .answer("top states", STATE_REVENUE, List.of(row("RJ", new BigDecimal("100.00")), row("SP", new BigDecimal("200.00"))))
                .answer("orders by month", MONTH_ORDERS, List.of());
        List<QuestionOutcome> outcomes = run(assistant, Duration.ofSeconds(10));
        assertThat(outcomes.subList(0, 3)).extracting(outcome -> outcome.reason().orElseThrow())
                .containsExactly(FailureReason.SINGLE_CELL_DIFFERENCE, FailureReason.RESULT_MISSING_ROWS, FailureReason.ROW_ORDER_DIFFERENCE);
        assertThat(outcomes.get(5).reason()).contains(FailureReason.EMPTY_RESULT);
        assertThat(outcomes).filteredOn(outcome -> outcome.verdict() == Verdict.WRONG).hasSize(4);
    }

    @Test
    void aQuestionPastTheTimeLimitIsATimeout()
    {
        ScriptedAssistant assistant = allRight().on("total revenue", (id, question) -> {
            try {
                Thread.sleep(5_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedAssistant.answered(id, question, REVENUE, List.of(row(new BigDecimal("300.00"))), dev.aurum.assistant.Route.PLANNER);
        });
        List<QuestionOutcome> outcomes = run(assistant, Duration.ofMillis(200));
        assertThat(outcomes.get(0).reason()).contains(FailureReason.TIMEOUT);
        assertThat(outcomes.get(0).status()).isEqualTo("timeout");
        assertThat(outcomes.get(1).correct()).isTrue();
    }

    @Test
    void goldSqlThatFailsOrReturnsNoRowsStopsTheRun()
    {
        EvalSuite broken = new EvalSuiteLoader().parse("""
                name: broken
                items:
                  - {id: ok, question: total revenue, expect: answer, tags: [metric], sql: SELECT total}
                  - {id: fails, question: q2, expect: answer, tags: [metric], sql: SELECT missing}
                """, "broken.yaml");
        EvalRunner runner = new EvalRunner(allRight(), sql -> {
            if (sql.equals("SELECT total")) {
                return new ResultTable(REVENUE, List.of());
            }
            throw new AurumException(ErrorCode.RUN_FAILED, "table not found");
        }, new ResultComparator(ComparatorSettings.defaults()), new ErrorClassifier(sql -> false), Duration.ofSeconds(5));
        GoldCheck check = runner.checkGold(broken);
        assertThat(check.problems()).extracting(GoldCheck.Problem::id).containsExactly("ok", "fails");
        assertThat(check.problems().get(0).message()).contains("no rows");
        assertThat(check.problems().get(1).message()).contains("table not found");
        assertThat(check.problems().get(1).line()).isEqualTo(4);
        assertThatThrownBy(() -> runner.run(broken, check, Engine.OFFLINE, outcome -> {}))
                .isInstanceOfSatisfying(AurumException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT));
    }

    private List<QuestionOutcome> run(ScriptedAssistant assistant, Duration timeout)
    {
        EvalRunner runner = runner(assistant, timeout);
        return runner.run(suite, runner.checkGold(suite), Engine.OFFLINE, outcome -> {});
    }
}
