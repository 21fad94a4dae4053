package dev.aurum.stats;

import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.sql.DataDate;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.SqlGuard;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics route over the Gold test fixture through the real guard and executor: the Spark summaries give the
 * same report as the plain-Java computation on the fixture's own orders, questions map to the right test, and data
 * that cannot be tested gives a clear message.
 */
@SparkTest
class StatisticsOnSparkTest
{
    private static GoldFixture gold;
    private static QueryExecutor executor;
    private static SemanticModel model;

    @BeforeAll
    static void lakehouse()
    {
        gold = GoldFixture.shared();
        SparkSession query = SparkSessions.querySession(TestSpark.get());
        model = new SemanticModelLoader().parse(ProjectFiles.fromEnvironment().read(SemanticModelLoader.DEFAULT_MODEL), SemanticModelLoader.DEFAULT_MODEL);
        Set<String> allowed = new LinkedHashSet<>();
        model.baseTables().forEach(table -> allowed.add(table.toLowerCase(Locale.ROOT)));
        executor = new QueryExecutor(query, new SqlGuard(query, allowed), ExecutorSettings.defaults(), DataDate.of(query, model));
    }

    private static String season(LocalDateTime purchase)
    {
        int month = purchase.getMonthValue();
        return month == 12 || month <= 2 ? "Summer" : month <= 5 ? "Autumn" : month <= 8 ? "Winter" : "Spring";
    }

    @Test
    void sparkSummariesGiveTheSameReportAsPlainJavaOnTheSameRows()
    {
        StatisticsService service = new StatisticsService(model, executor::execute);
        StatsSubject subject = service.names().subject(null, "order_value", "season", null);
        assertThat(subject.filterName()).as("money defaults to the model's revenue filter").isEqualTo("revenue_only");
        assertThat(subject.money()).isTrue();
        StatisticsService.AnovaAnswer fromSpark = service.anova(subject, 0.05);

        List<GroupSummaries.Observation> observations = new ArrayList<>();
        for (GoldFixture.Order order : gold.orders()) {
            if (order.isRevenue()) {
                observations.add(new GroupSummaries.Observation(season(order.purchaseTimestamp()), order.orderValue().doubleValue()));
            }
        }
        AnovaReport fromJava = new OneWayAnova(0.05, model.currencySymbol()).analyse(GroupSummaries.of(observations), "order_value", "season", true);

        assertSameReport(fromSpark.report().toMap(), fromJava.toMap(), "");
        assertThat(fromSpark.answered().summary()).isEqualTo(fromJava.conclusion() + " Rows: revenue only.");
        assertThat(fromSpark.answered().tableVersions()).containsKey("gold.order_facts");
        assertThat(fromSpark.answered().dataDate()).isEqualTo(gold.dataDate());
        assertThat(fromSpark.answered().rows()).hasSize(4);
        assertNoNaN(fromSpark.answered().analysis());
    }

    @Test
    void ranksOverNegativeZeroAndTiedValuesMatchJavaAcrossValueRanges()
    {
        // a value with negatives, zeros and many ties, so the ranking's value ranges hold both signs, several values
        // each and ties; the rank sums and the tie sum must equal the plain-Java ranking over all rows exactly
        StatisticsService service = new StatisticsService(model, executor::execute);
        StatsSubject season = service.names().subject(null, "order_value", "season", null);
        StatsSubject subject = new StatsSubject(season.table(), "shifted", "ROUND((order_value - 150) / 10)", "season",
                season.groupExpression(), null, null, false);
        List<GroupSummaries.Observation> observations = new ArrayList<>();
        for (GoldFixture.Order order : gold.orders()) {
            double shifted = order.orderValue().subtract(java.math.BigDecimal.valueOf(150))
                    .divide(java.math.BigDecimal.TEN).setScale(0, java.math.RoundingMode.HALF_UP).doubleValue();
            observations.add(new GroupSummaries.Observation(season(order.purchaseTimestamp()), shifted));
        }
        GroupSummaries java = GroupSummaries.of(observations);
        assertThat(observations).as("the fixture gives values on both sides of zero")
                .anyMatch(o -> o.value() < 0).anyMatch(o -> o.value() > 0);
        assertThat(java.tieSum()).as("and ties").isPositive();
        GroupSummaries spark = new SummaryQueries(executor::execute).groupSummaries(subject).summaries();
        assertThat(spark.tieSum()).isEqualTo(java.tieSum());
        assertThat(spark.groups()).hasSameSizeAs(java.groups());
        for (int i = 0; i < java.groups().size(); i++) {
            assertThat(spark.groups().get(i).group()).isEqualTo(java.groups().get(i).group());
            assertThat(spark.groups().get(i).rankSum()).isEqualTo(java.groups().get(i).rankSum());
            assertThat(spark.groups().get(i).median()).isEqualTo(java.groups().get(i).median());
        }
    }

    @Test
    void nullValuesAreLeftOutExactlyAsInJava()
    {
        StatisticsService service = new StatisticsService(model, executor::execute);
        StatsSubject subject = service.names().subject("order_facts", "delivery_days", "customer_state", null);
        assertThat(subject.filterExpression()).as("not money: no default filter").isNull();
        List<GroupSummaries.Observation> observations = new ArrayList<>();
        for (GoldFixture.Order order : gold.orders()) {
            Double days = order.deliveredTimestamp() == null ? null
                    : (double) java.time.temporal.ChronoUnit.DAYS.between(order.purchaseTimestamp().toLocalDate(), order.deliveredTimestamp().toLocalDate());
            observations.add(new GroupSummaries.Observation(order.customer().state(), days));
        }
        GroupSummaries java = GroupSummaries.of(observations);
        GroupSummaries spark = new SummaryQueries(executor::execute).groupSummaries(subject).summaries();
        assertThat(spark.groups()).hasSameSizeAs(java.groups());
        assertThat(spark.tieSum()).isEqualTo(java.tieSum());
        for (int i = 0; i < java.groups().size(); i++) {
            GroupSummary a = spark.groups().get(i);
            GroupSummary b = java.groups().get(i);
            assertThat(a.group()).isEqualTo(b.group());
            assertThat(a.count()).isEqualTo(b.count());
            assertThat(a.median()).isEqualTo(b.median());
            assertThat(a.rankSum()).isEqualTo(b.rankSum());
            assertThat(a.mean()).isCloseTo(b.mean(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(a.squaredDeviationSum()).isCloseTo(b.squaredDeviationSum(), org.assertj.core.data.Offset.offset(1e-7));
        }
        // group of one (a state with one delivered order) is reported without sd or interval, and nothing is NaN
        AnovaReport report = new OneWayAnova(0.05).analyse(spark, "delivery_days", "customer_state", false);
        assertNoNaN(report.toMap());
    }

    @Test
    void questionsMapToTheirTests()
    {
        StatisticsAnswerer answerer = new StatisticsAnswerer(model, executor::execute);
        assertAnswered(answerer.answer("Is spending different across seasons?"), "anova|welch_anova", "order_value", "season", true);
        assertAnswered(answerer.answer("Does average order value differ by quarter?"), "anova|welch_anova", "order_value", "quarter", true);
        assertAnswered(answerer.answer("Are delivery times different between states?"), "anova|welch_anova", "delivery_days", "customer_state", false);
        StatsOutcome related = answerer.answer("Is payment type related to state?");
        assertThat(related).isInstanceOf(StatsOutcome.Answered.class);
        Map<String, Object> analysis = ((StatsOutcome.Answered) related).analysis();
        assertThat(analysis.get("test")).isEqualTo("chi_square_independence");
        assertThat(analysis.get("first")).isEqualTo("primary_payment_type");
        assertThat(analysis.get("second")).isEqualTo("customer_state");
        assertThat(((Number) analysis.get("n")).longValue()).isEqualTo(gold.orders().stream().filter(order -> !order.payments().isEmpty()).count());
        assertNoNaN(analysis);
    }

    @Test
    void anUnmappableQuestionAsksBackWithQuestionsThatWork()
    {
        StatisticsAnswerer answerer = new StatisticsAnswerer(model, executor::execute);
        StatsOutcome outcome = answerer.answer("is happiness different across galaxies?");
        assertThat(outcome).isInstanceOf(StatsOutcome.Clarify.class);
        StatsOutcome.Clarify clarify = (StatsOutcome.Clarify) outcome;
        assertThat(clarify.choices()).isNotEmpty().allSatisfy(choice -> assertThat(choice).startsWith("is ").endsWith("?"));
        assertThat(answerer.answer(clarify.choices().get(0))).isInstanceOf(StatsOutcome.Answered.class);
    }

    @Test
    void aChooserPicksTheNamesOfAQuestionTheRouteCannotReadAndTheRouteComputes()
    {
        List<String> asked = new ArrayList<>();
        StatsChooser chooser = question -> {
            asked.add(question);
            return Optional.of(new StatsChoice(StatsChoice.Test.ANOVA, "order_facts", "delivery_days", "customer_state", null, "delivered"));
        };
        StatisticsAnswerer answerer = new StatisticsAnswerer(model, executor::execute, Optional.of(chooser));

        StatsOutcome outcome = answerer.answer("do people wait longer for their parcels depending on where they live?");

        assertThat(asked).containsExactly("do people wait longer for their parcels depending on where they live?");
        assertThat(outcome).isInstanceOf(StatsOutcome.Answered.class);
        StatsOutcome.Answered answered = (StatsOutcome.Answered) outcome;
        assertThat(answered.analysis()).containsEntry("chosen_by", "llm").containsEntry("value", "delivery_days").containsEntry("grouping", "customer_state");
        assertThat(String.valueOf(answered.analysis().get("filter"))).startsWith("delivered");
        assertThat(answered.summary()).startsWith("Read as delivery_days by customer_state in order_facts (filter delivered)");
        // the same test without the chooser's help gives the same statistics: the model chose names, the route computed
        StatsOutcome direct = new StatisticsService(model, executor::execute)
                .anova(new StatisticsService(model, executor::execute).names().subject(null, "delivery_days", "customer_state", "delivered"), 0.05).answered();
        assertThat(answered.analysis().get("f_statistic")).isEqualTo(((StatsOutcome.Answered) direct).analysis().get("f_statistic"));
        assertNoNaN(answered.analysis());
    }

    @Test
    void aChoiceOutsideTheModelIsNotRunAndTheRouteAsksBack()
    {
        StatisticsAnswerer unknownColumn = new StatisticsAnswerer(model, executor::execute, Optional.of(question ->
                Optional.of(new StatsChoice(StatsChoice.Test.ANOVA, "order_facts", "happiness", "season", null, null))));
        StatsOutcome outcome = unknownColumn.answer("is happiness different across galaxies?");
        assertThat(outcome).isInstanceOf(StatsOutcome.Clarify.class);
        assertThat(((StatsOutcome.Clarify) outcome).message()).contains("proposed happiness by season").contains("no numeric column happiness");
        assertThat(((StatsOutcome.Clarify) outcome).choices()).isNotEmpty();

        StatisticsAnswerer expressionFilter = new StatisticsAnswerer(model, executor::execute, Optional.of(question ->
                Optional.of(new StatsChoice(StatsChoice.Test.ANOVA, "order_facts", "order_value", "season", null, "1 = 1; DROP TABLE gold.order_facts"))));
        assertThat(expressionFilter.answer("is mood different across galaxies?")).isInstanceOfSatisfying(StatsOutcome.Clarify.class,
                clarify -> assertThat(clarify.message()).contains("no named filter"));

        StatisticsAnswerer silent = new StatisticsAnswerer(model, executor::execute, Optional.of(question -> Optional.empty()));
        assertThat(silent.answer("is happiness different across galaxies?")).isInstanceOf(StatsOutcome.Clarify.class);
        StatisticsAnswerer failing = new StatisticsAnswerer(model, executor::execute, Optional.of(question -> {
            throw new IllegalStateException("connection refused");
        }));
        assertThat(failing.answer("is happiness different across galaxies?")).isInstanceOf(StatsOutcome.Clarify.class);
    }

    @Test
    void aQuestionTheRouteReadsItselfNeverAsksTheChooser()
    {
        StatisticsAnswerer answerer = new StatisticsAnswerer(model, executor::execute, Optional.of(question -> {
            throw new AssertionError("the chooser must not be asked: " + question);
        }));
        assertAnswered(answerer.answer("Is spending different across seasons?"), "anova|welch_anova", "order_value", "season", true);
    }

    @Test
    void dataThatCannotBeTestedGivesAClearMessage()
    {
        StatisticsService service = new StatisticsService(model, executor::execute);
        StatsSubject nothing = service.names().subject(null, "order_value", "season", "order_status = 'no such status'");
        assertThat(failure(() -> service.anova(nothing, 0.05))).contains("no rows to test").contains("filter");
        StatsSubject oneSeason = service.names().subject(null, "order_value", "season", "season = 'Summer'");
        assertThat(failure(() -> service.anova(oneSeason, 0.05))).contains("Only one season (Summer)");
        StatsSubject chiNothing = service.names().subject(null, "order_value", "season", "order_status = 'no such status'");
        assertThat(failure(() -> service.chisq(chiNothing, "customer_state", "customer_state", 0.05))).contains("no rows to test");
    }

    private static String failure(Runnable action)
    {
        try {
            action.run();
        }
        catch (dev.aurum.AurumException e) {
            assertThat(e.code()).isEqualTo(dev.aurum.ErrorCode.BAD_INPUT);
            return e.getMessage();
        }
        throw new AssertionError("expected a BAD_INPUT failure");
    }

    private static void assertAnswered(StatsOutcome outcome, String tests, String value, String grouping, boolean revenueOnly)
    {
        assertThat(outcome).as(outcome.toString()).isInstanceOf(StatsOutcome.Answered.class);
        StatsOutcome.Answered answered = (StatsOutcome.Answered) outcome;
        assertThat((String) answered.analysis().get("test")).matches(tests);
        assertThat(answered.analysis().get("value")).isEqualTo(value);
        assertThat(answered.analysis().get("grouping")).isEqualTo(grouping);
        assertThat(answered.analysis().get("filter") != null && answered.analysis().get("filter").toString().startsWith("revenue_only")).isEqualTo(revenueOnly);
        assertThat(answered.chartX()).isEqualTo(grouping);
        assertThat(answered.summary()).contains(" by " + grouping.replace('_', ' ') + " at the 5% level");
        assertNoNaN(answered.analysis());
    }

    static void assertSameReport(Object spark, Object java, String path)
    {
        if (spark instanceof Map<?, ?> a && java instanceof Map<?, ?> b) {
            assertThat(a.keySet()).as(path).isEqualTo(b.keySet());
            a.forEach((key, value) -> assertSameReport(value, b.get(key), path + "." + key));
        }
        else if (spark instanceof List<?> a && java instanceof List<?> b) {
            assertThat(a).as(path).hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                assertSameReport(a.get(i), b.get(i), path + "[" + i + "]");
            }
        }
        else if (spark instanceof Double a && java instanceof Double b) {
            assertThat(a).as(path).isCloseTo(b, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(b))));
        }
        else if (spark instanceof String a && java instanceof String b && path.endsWith("conclusion")) {
            assertThat(a).as(path).isEqualTo(b);
        }
        else {
            assertThat(spark).as(path).isEqualTo(java);
        }
    }

    static void assertNoNaN(Object value)
    {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(StatisticsOnSparkTest::assertNoNaN);
        }
        else if (value instanceof List<?> list) {
            list.forEach(StatisticsOnSparkTest::assertNoNaN);
        }
        else if (value instanceof Double number) {
            assertThat(number).isFinite();
        }
        else if (value instanceof String text) {
            assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        }
    }
}
