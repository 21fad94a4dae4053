package dev.aurum.assistant;

import dev.aurum.AurumException;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Proposer;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.assistant.proposal.TextEmbedder;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;
import dev.aurum.semantic.ValueIndex;
import dev.aurum.semantic.ValueMatch;
import dev.aurum.semantic.VerifiedQuery;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultColumn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Small hand-written fakes and a tiny semantic model shared by the assistant tests. */
public final class AssistantFixtures
{
    public static final String REVENUE_BY_STATE_AND_YEAR_SQL =
            "SELECT SUM(order_value) AS revenue FROM gold.order_facts WHERE is_revenue AND customer_state = '{state}' AND year = {year}";

    private AssistantFixtures() {}

    public static SemanticModel model()
    {
        SemanticTable orders = new SemanticTable("order_facts", "one row per order", "gold.order_facts", "order", List.of("order_id"), List.of(),
                List.of(
                        new Dimension("customer_state", "customer_state", "string", "", List.of("state"), List.of("SP", "RJ"), true),
                        new Dimension("order_status", "order_status", "string", "", List.of("status"), List.of("delivered"), true),
                        new Dimension("primary_payment_type", "primary_payment_type", "string", "", List.of("payment type"), List.of(), true)),
                List.of(new TimeDimension("purchase_date", "purchase_date", "date", "", List.of("date"), List.of("day", "month", "year"))),
                List.of(
                        Metric.simple("revenue", "sum", "order_value", "is_revenue", "money", "BRL").describedAs("", List.of("sales", "turnover")),
                        Metric.simple("orders", "count", null, null, "integer", "orders").describedAs("", List.of("order count")),
                        Metric.simple("avg_order_value", "avg", "order_value", null, "money", "BRL").describedAs("", List.of("average order value", "aov"))),
                List.of(new NamedFilter("late_deliveries", "is_late", "", List.of("late"))));
        return new SemanticModel("test", "", "BRL", null, List.of(orders), List.of(), List.of(
                new VerifiedQuery("revenue_by_state_and_year", "revenue in {state} for {year}", REVENUE_BY_STATE_AND_YEAR_SQL,
                        Map.of("state", "customer_state", "year", "year"), "tests", "2026-11-27"),
                new VerifiedQuery("orders_by_payment_type", "orders by payment type",
                        "SELECT primary_payment_type, COUNT(*) AS orders FROM gold.order_facts GROUP BY primary_payment_type ORDER BY orders DESC",
                        Map.of(), "tests", "2026-11-27")),
                List.of());
    }

    public static QueryResult result(String sql, List<ResultColumn> columns, List<List<Object>> rows)
    {
        return new QueryResult(sql, columns, rows, rows.size(), false, 1, 2, LocalDate.of(2018, 8, 31), Map.of("gold.order_facts", 7L));
    }

    public static QueryResult revenue(String sql, String value)
    {
        return result(sql, List.of(new ResultColumn("revenue", "decimal(12,2)")), List.of(List.of(new BigDecimal(value))));
    }

    /** States SP, RJ, TO, cities "sao paulo" and "rio de janeiro", statuses, payment types; exact matches only. */
    public static final class FakeValueIndex
            implements ValueIndex
    {
        private final Map<String, List<String[]>> values = new LinkedHashMap<>();

        public FakeValueIndex()
        {
            for (String state : List.of("SP", "RJ", "TO", "MG")) {
                add("customer_state", state);
            }
            add("customer_city", "sao paulo");
            add("customer_city", "rio de janeiro");
            add("order_status", "delivered");
            add("order_status", "canceled");
            add("primary_payment_type", "boleto");
            add("primary_payment_type", "credit_card");
        }

        private void add(String dimension, String value)
        {
            values.computeIfAbsent(normalize(value), key -> new ArrayList<>()).add(new String[] {dimension, value});
        }

        private static String normalize(String text)
        {
            return text.toLowerCase(Locale.ROOT).replace('_', ' ').trim();
        }

        @Override
        public List<ValueMatch> match(String phrase)
        {
            return values.getOrDefault(normalize(phrase), List.of()).stream()
                    .map(entry -> new ValueMatch("order_facts", entry[0], entry[1], phrase, 1.0))
                    .toList();
        }

        @Override
        public List<String> values(String dimension)
        {
            return values.values().stream().flatMap(List::stream).filter(entry -> entry[0].equals(dimension)).map(entry -> entry[1]).toList();
        }
    }

    /** Records every SQL it is asked to run and answers from a function (which may throw). */
    public static final class FakeRunner
            implements SqlRunner
    {
        public final List<String> seen = new ArrayList<>();
        public int cancels;
        private final Function<String, QueryResult> answer;

        public FakeRunner(Function<String, QueryResult> answer)
        {
            this.answer = answer;
        }

        @Override
        public QueryResult run(String sql)
        {
            seen.add(sql);
            return answer.apply(sql);
        }

        @Override
        public void cancel()
        {
            cancels++;
        }
    }

    /** Returns scripted planner results in order and records the questions and previous plans it saw. */
    public static final class FakePlanner
            implements Proposer
    {
        public final List<String> questions = new ArrayList<>();
        public final List<Optional<QueryPlan>> previous = new ArrayList<>();
        private final List<Proposal> script;

        public FakePlanner(Proposal... script)
        {
            this.script = new ArrayList<>(List.of(script));
        }

        @Override
        public Proposal propose(Question question)
        {
            questions.add(question.text());
            previous.add(question.previousPlan());
            if (script.isEmpty()) {
                throw new AurumException(dev.aurum.ErrorCode.INTERNAL, "the fake planner has no scripted result left");
            }
            return script.remove(0);
        }
    }

    /** A deterministic bag-of-words embedder: texts with the same words embed identically. */
    public static final class WordEmbedder
            implements TextEmbedder
    {
        public int calls;

        @Override
        public float[] embed(String text)
        {
            calls++;
            float[] vector = new float[64];
            for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (!word.isEmpty()) {
                    vector[Math.floorMod(word.hashCode(), vector.length)] += 1;
                }
            }
            return vector;
        }
    }

    public static Proposal.Planned planned(QueryPlan plan, String sql, boolean coversAllWords, Understood... understood)
    {
        return new Proposal.Planned(plan, sql, List.of(understood), coversAllWords, null, Map.of("revenue", "money"));
    }
}
