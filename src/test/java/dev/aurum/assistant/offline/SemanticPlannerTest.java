package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.ValueIndex;
import dev.aurum.semantic.ValueIndexBuilder;
import dev.aurum.sql.SqlGuard;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every construct the planner handles, in several business phrasings each, checked on the RESULT of the planner's
 * SQL against hand-written SQL over the order-level Gold tables of {@link GoldFixture} (data date 2018-12-09).
 */
@SparkTest
class SemanticPlannerTest
{
    private static final String REVENUE = "ROUND(SUM(CASE WHEN order_status NOT IN ('canceled', 'unavailable') THEN order_value ELSE 0 END), 2)";
    private static final String ITEM_REVENUE = "ROUND(SUM(CASE WHEN order_status NOT IN ('canceled', 'unavailable') THEN item_value ELSE 0 END), 2)";
    // MAX(CAST(purchase_ts AS DATE)), not MAX(purchase_date): Delta 3.3's metadata-only MAX of a date column fails with
    // spark.sql.datetime.java8API.enabled (ClassCastException LocalDate -> java.sql.Date)
    private static final String DATA_DATE = "(SELECT MAX(CAST(purchase_ts AS DATE)) FROM gold.order_facts)";

    private static SparkSession spark;
    private static SemanticModel model;
    private static ValueIndex values;
    private static SqlGuard guard;
    private static SemanticPlanner planner;
    private static GoldFixture gold;
    private static final Map<String, List<List<String>>> results = new HashMap<>();

    @BeforeAll
    static void setUp()
            throws Exception
    {
        gold = GoldFixture.shared();
        spark = TestSpark.get();
        model = new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
        values = new ValueIndexBuilder().rebuild(spark, model, new LakehouseLayout(Files.createTempDirectory("planner-value-index")));
        guard = new SqlGuard(SparkSessions.querySession(spark), Set.copyOf(model.baseTables()));
        planner = new SemanticPlanner(model, values, gold::dataDate);
    }

    @Test
    void metricWithSynonymsPluralsAndTypos()
    {
        assertAnswers("SELECT " + REVENUE + " FROM gold.order_facts WHERE year = 2017",
                "What was revenue in 2017?",
                "total sales for 2017",
                "How much turnover did we make during 2017",
                "revnue in 2017",
                "Show me the GMV of 2017",
                "2017 revenues");
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts",
                "How many orders were placed?",
                "number of orders",
                "order count",
                "total ordres");
    }

    @Test
    void groupingByOneAndTwoDimensions()
    {
        assertAnswers("SELECT customer_state, " + REVENUE + " AS r FROM gold.order_facts GROUP BY customer_state ORDER BY r DESC, customer_state",
                "revenue by state",
                "revenue per state",
                "revenue for each state",
                "revenue across states",
                "sales broken down by customer state",
                "What is the revenue of each state?");
        assertAnswers("SELECT customer_state, order_status, COUNT(*) AS n FROM gold.order_facts GROUP BY customer_state, order_status"
                        + " ORDER BY n DESC, customer_state, order_status",
                "orders by state and status",
                "number of orders per state and order status",
                "how many orders for each state and status");
        assertAnswers("SELECT day_of_week, COUNT(*) AS n FROM gold.order_facts GROUP BY day_of_week ORDER BY n DESC, day_of_week",
                "orders by day of week",
                "orders per weekday",
                "number of orders for each day of the week");
        assertAnswers("SELECT hour, COUNT(*) AS n FROM gold.order_facts GROUP BY hour ORDER BY n DESC, hour",
                "orders by hour of the day",
                "order count for each hour of day");
    }

    @Test
    void timeGrains()
    {
        assertAnswers("SELECT year, month, " + REVENUE + " FROM gold.order_facts WHERE year = 2018 GROUP BY year, month ORDER BY year, month",
                "monthly revenue in 2018",
                "revenue by month in 2018",
                "revenue each month of 2018",
                "revenue per month for 2018");
        assertAnswers("SELECT year, quarter, COUNT(*) FROM gold.order_facts GROUP BY year, quarter ORDER BY year, quarter",
                "quarterly orders",
                "orders by quarter",
                "how many orders per quarter");
        assertAnswers("SELECT year, " + REVENUE + " FROM gold.order_facts GROUP BY year ORDER BY year",
                "yearly revenue",
                "annual sales",
                "revenue by year");
        assertAnswers("SELECT year, week_of_year, COUNT(*) FROM gold.order_facts"
                        + " WHERE purchase_date BETWEEN DATE '2018-03-01' AND DATE '2018-05-31' GROUP BY year, week_of_year ORDER BY year, week_of_year",
                "weekly orders from March 2018 to May 2018",
                "orders by week between March 2018 and May 2018");
        assertAnswers("SELECT purchase_date, " + REVENUE + " FROM gold.order_facts"
                        + " WHERE purchase_date >= add_months(trunc(" + DATA_DATE + ", 'MM'), -3) AND purchase_date < trunc(" + DATA_DATE + ", 'MM')"
                        + " GROUP BY purchase_date ORDER BY purchase_date",
                "daily revenue from September 2018 through November 2018",
                "revenue per day between September 2018 and November 2018");
    }

    @Test
    void absoluteTime()
    {
        assertAnswers("SELECT " + REVENUE + " FROM gold.order_facts WHERE year = 2017 AND quarter = 4",
                "revenue in Q4 2017",
                "revenue in the fourth quarter of 2017",
                "Q4 2017 sales",
                "revenue for 2017 Q4");
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE year = 2018 AND month = 3",
                "orders in March 2018",
                "how many orders during mar 2018",
                "number of orders in 2018-03");
        assertAnswers("SELECT " + REVENUE + " FROM gold.order_facts WHERE purchase_date BETWEEN DATE '2018-03-01' AND DATE '2018-06-30'",
                "revenue between March 2018 and June 2018",
                "revenue from March 2018 to June 2018",
                "sales from mar 2018 through jun 2018",
                "revenue from March to June 2018",
                "sales March through June 2018");
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE purchase_date >= DATE '2018-07-01'",
                "orders since Q3 2018",
                "how many orders since July 2018");
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE purchase_date BETWEEN DATE '2018-02-10' AND DATE '2018-05-20'",
                "orders between 2018-02-10 and 2018-05-20",
                "orders from February 10, 2018 to May 20, 2018");
    }

    @Test
    void relativeTimeIsAnchoredAtTheDataDate()
    {
        assertAnswers("SELECT " + REVENUE + " FROM gold.order_facts WHERE trunc(purchase_date, 'MM') = add_months(trunc(" + DATA_DATE + ", 'MM'), -1)",
                "revenue last month",
                "sales in the previous month");
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE purchase_date BETWEEN date_sub(" + DATA_DATE + ", 29) AND " + DATA_DATE,
                "orders in the last 30 days",
                "how many orders over the past 30 days");
        assertAnswers("SELECT " + REVENUE + " FROM gold.order_facts WHERE year = year(" + DATA_DATE + ")",
                "revenue this year",
                "revenue year to date",
                "YTD revenue");
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE trunc(purchase_date, 'QUARTER') = add_months(trunc(" + DATA_DATE + ", 'QUARTER'), -3)",
                "orders last quarter",
                "number of orders in the previous quarter");
    }

    @Test
    void valueFiltersAndNegation()
    {
        assertAnswers("SELECT " + REVENUE + " FROM gold.order_facts WHERE customer_state = 'SP'",
                "revenue in SP",
                "revenue from customers in SP",
                "SP revenue",
                "revenue in sao paulo state",
                "sales in the state of Sao Paulo");
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE customer_city = 'sao paulo'",
                "orders from the city of sao paulo",
                "how many orders in sao paulo city");
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE primary_payment_type = 'boleto'",
                "orders paid by boleto",
                "orders paid with boleto",
                "how many boleto orders");
        assertAnswers("SELECT " + ITEM_REVENUE + " FROM gold.order_items WHERE product_category = 'electronics'",
                "revenue of electronics",
                "electronics sales",
                "how much revenue came from the electronics category");
        assertAnswers("SELECT " + REVENUE + " FROM gold.order_facts WHERE customer_state IN ('SP', 'RJ')",
                "revenue in SP and RJ",
                "sales for SP or RJ");
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE order_status <> 'delivered'",
                "how many orders were not delivered",
                "orders not delivered");
        assertAnswers("SELECT " + REVENUE + " FROM gold.order_facts WHERE customer_state <> 'SP'",
                "revenue excluding SP",
                "revenue except SP",
                "revenue not from SP");
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE order_status = 'canceled'",
                "how many canceled orders",
                "number of cancelled orders");
        // negating one status drops exactly that status, not every non-revenue order
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE order_status <> 'canceled'",
                "orders excluding cancelled ones",
                "number of orders except canceled orders");
        // a money word after a count metric's word asks for the money metric
        assertAnswers("SELECT ROUND(SUM(payment_value), 2) FROM gold.payment_mix_monthly WHERE year = 2018",
                "payment amount in 2018",
                "payments total in 2018");
    }

    @Test
    void topAndBottomN()
    {
        assertAnswers("SELECT customer_state, " + REVENUE + " AS r FROM gold.order_facts GROUP BY customer_state ORDER BY r DESC, customer_state LIMIT 3",
                "top 3 states by revenue",
                "the 3 best states by revenue",
                "which three states have the highest revenue");
        assertAnswers("SELECT product_category, " + ITEM_REVENUE + " AS r FROM gold.order_items GROUP BY product_category ORDER BY r ASC, product_category LIMIT 2",
                "bottom 2 categories by revenue",
                "lowest 2 categories by sales");
        assertAnswers("SELECT customer_state, COUNT(*) AS n FROM gold.order_facts GROUP BY customer_state ORDER BY n DESC, customer_state LIMIT 1",
                "which state has the most orders",
                "the state with the highest number of orders");
        assertAnswers("SELECT product_category, " + ITEM_REVENUE + " AS r FROM gold.order_items WHERE year = 2018 GROUP BY product_category"
                        + " ORDER BY r DESC, product_category LIMIT 1",
                "which category had the highest revenue in 2018",
                "best selling category by revenue in 2018");
        assertAnswers("SELECT year, month, " + REVENUE + " AS r FROM gold.order_facts GROUP BY year, month ORDER BY r DESC, year, month LIMIT 1",
                "which month had the highest revenue",
                "best month by revenue");
    }

    @Test
    void shareOfTotal()
    {
        assertAnswers("SELECT customer_state, " + REVENUE + " AS r, ROUND(100 * " + REVENUE + " / SUM(" + REVENUE + ") OVER (), 2)"
                        + " FROM gold.order_facts GROUP BY customer_state ORDER BY r DESC, customer_state",
                "share of revenue by state",
                "percentage of revenue per state",
                "what percent of revenue comes from each state");
        assertAnswers("SELECT ROUND(100 * COUNT(CASE WHEN order_status = 'canceled' THEN 1 END) / COUNT(*), 2) FROM gold.order_facts",
                "what percentage of orders were canceled",
                "share of orders that were canceled",
                "cancellation rate");
    }

    @Test
    void growthAgainstThePreviousPeriodAndBetweenTwoPeriods()
    {
        String monthly = "SELECT trunc(purchase_date, 'MM') AS start, " + REVENUE + " AS r FROM gold.order_facts GROUP BY trunc(purchase_date, 'MM')";
        assertAnswers("SELECT year(c.start), month(c.start), c.r, p.r, ROUND(100 * (c.r - p.r) / p.r, 2) FROM (" + monthly + ") c"
                        + " LEFT JOIN (" + monthly + ") p ON p.start = add_months(c.start, -1) WHERE year(c.start) = 2018 ORDER BY c.start",
                "revenue growth month over month in 2018",
                "MoM revenue growth in 2018",
                "monthly revenue growth in 2018");
        String november = "SELECT " + REVENUE + " AS r FROM gold.order_facts WHERE year = 2018 AND month = 11";
        String october = "SELECT " + REVENUE + " AS r FROM gold.order_facts WHERE year = 2018 AND month = 10";
        assertAnswers("SELECT c.r, p.r, ROUND(100 * (c.r - p.r) / p.r, 2) FROM (" + november + ") c CROSS JOIN (" + october + ") p",
                "revenue growth last month",
                "how did revenue change last month vs the previous month");
        String year2018 = "SELECT " + REVENUE + " AS r FROM gold.order_facts WHERE year = 2018";
        String year2017 = "SELECT " + REVENUE + " AS r FROM gold.order_facts WHERE year = 2017";
        assertAnswers("SELECT c.r, p.r, ROUND(100 * (c.r - p.r) / p.r, 2) FROM (" + year2018 + ") c CROSS JOIN (" + year2017 + ") p",
                "revenue 2018 vs 2017",
                "compare revenue in 2018 with 2017",
                "revenue in 2017 versus 2018",
                "YoY revenue growth in 2018");
    }

    @Test
    void averagesRatiosAndDistinctCounts()
    {
        assertAnswers("SELECT customer_state, ROUND(SUM(CASE WHEN is_revenue THEN order_value END) / COUNT(CASE WHEN is_revenue THEN 1 END), 2) AS a"
                        + " FROM gold.order_facts GROUP BY customer_state ORDER BY a DESC, customer_state",
                "average order value by state",
                "AOV per state",
                "average revenue per order by state");
        assertAnswers("SELECT ROUND(" + REVENUE + " / COUNT(DISTINCT customer_id), 2) FROM gold.order_facts",
                "average revenue per customer",
                "mean sales per customer");
        assertAnswers("SELECT COUNT(DISTINCT customer_id) FROM gold.order_facts WHERE year = 2018",
                "how many customers in 2018",
                "number of unique customers in 2018");
        assertAnswers("SELECT COUNT(DISTINCT customer_city) FROM gold.order_facts",
                "how many distinct cities",
                "number of different cities");
        assertAnswers("SELECT COUNT(DISTINCT seller_id) FROM gold.order_items",
                "how many sellers",
                "number of active sellers");
    }

    @Test
    void durationsAnswerWithTheMetricMeasuredInDays()
    {
        assertAnswers("SELECT ROUND(AVG(delivery_days), 2) FROM gold.order_facts",
                "how long do deliveries take",
                "How long does it take to deliver an order?",
                "how many days did shipping take on average");
        assertAnswers("SELECT customer_state, ROUND(AVG(delivery_days), 2) AS d FROM gold.order_facts GROUP BY customer_state ORDER BY d DESC, customer_state",
                "how long does delivery take per state",
                "by state, how many days do deliveries take");
    }

    @Test
    void theShareOfAFilterTheModelDefinesAsARateIsThatRate()
    {
        String lateRate = "SELECT ROUND(100 * COUNT(CASE WHEN order_status = 'delivered' AND is_late THEN 1 END)"
                + " / COUNT(CASE WHEN order_status = 'delivered' AND is_late IS NOT NULL THEN 1 END), 2) FROM gold.order_facts";
        assertAnswers(lateRate,
                "percentage of orders delivered late",
                "what share of deliveries were delayed",
                "what percent of delivered orders came in late");
        assertFollowUp("what share of deliveries were delayed", "split it by state",
                "SELECT customer_state, ROUND(100 * COUNT(CASE WHEN order_status = 'delivered' AND is_late THEN 1 END)"
                        + " / NULLIF(COUNT(CASE WHEN order_status = 'delivered' AND is_late IS NOT NULL THEN 1 END), 0), 2) AS r"
                        + " FROM gold.order_facts GROUP BY customer_state ORDER BY r DESC, customer_state");
    }

    @Test
    void changeBetweenTwoNamedPeriodsAndAgainstThePeriodBefore()
    {
        String q4 = "SELECT COUNT(*) AS n FROM gold.order_facts WHERE year = 2018 AND quarter = 4";
        String q3 = "SELECT COUNT(*) AS n FROM gold.order_facts WHERE year = 2018 AND quarter = 3";
        assertAnswers("SELECT c.n, p.n, ROUND(100 * (c.n - p.n) / p.n, 2) FROM (" + q4 + ") c CROSS JOIN (" + q3 + ") p",
                "how much did orders grow from Q3 2018 to Q4 2018",
                "by what percent did the number of orders change from Q3 2018 to Q4 2018");
        String november = "SELECT COUNT(*) AS n FROM gold.order_facts WHERE year = 2018 AND month = 11";
        String october = "SELECT COUNT(*) AS n FROM gold.order_facts WHERE year = 2018 AND month = 10";
        assertAnswers("SELECT c.n, p.n, ROUND(100 * (c.n - p.n) / p.n, 2) FROM (" + november + ") c CROSS JOIN (" + october + ") p",
                "orders in the previous month against the month before",
                "orders last month versus the month before");
    }

    @Test
    void averagesOfOneCountPerAnother()
    {
        assertAnswers("SELECT ROUND(COUNT(*) / COUNT(DISTINCT customer_id), 2) FROM gold.order_facts",
                "what is the average number of orders a customer places",
                "how many orders per customer");
        String itemsPerOrder = "SELECT ROUND(SUM(CASE WHEN is_revenue THEN item_count END) / COUNT(CASE WHEN is_revenue THEN 1 END), 2) FROM gold.order_facts";
        assertAnswers(itemsPerOrder + " WHERE order_status = 'delivered'",
                "average items per delivered order",
                "items per delivered order on average");
        assertAnswers(itemsPerOrder,
                "on average how many items does an order have",
                "on average how many items are in an order");
    }

    @Test
    void distinctCountsOfTheThingAfterHowMany()
    {
        assertAnswers("SELECT COUNT(DISTINCT customer_state) FROM gold.order_facts",
                "how many states do our customers come from",
                "number of different states our buyers are in");
        assertAnswers("SELECT COUNT(DISTINCT product_category) FROM gold.order_items WHERE customer_state = 'RJ'",
                "how many categories did customers in RJ order from");
        // buying is placing an order (any status); selling is a revenue order, as in items sold
        assertAnswers("SELECT COUNT(DISTINCT customer_id) FROM gold.order_facts WHERE year = 2018",
                "number of customers who bought in 2018");
        assertAnswers("SELECT COUNT(DISTINCT product_id) FROM gold.order_items WHERE is_revenue AND year = 2018",
                "how many distinct products were sold in 2018",
                "count the distinct products we sold in 2018");
    }

    @Test
    void oneStoredValueUnderTwoDimensionsComesFromTheTableStoredPerIt()
    {
        assertAnswers("SELECT ROUND(SUM(payment_value), 2) FROM gold.payment_mix_monthly WHERE payment_type = 'boleto' AND year = 2018",
                "payment value for boleto in 2018",
                "boleto payment amount during 2018");
        assertAnswers("SELECT payment_type, ROUND(SUM(payment_value), 2) AS v, ROUND(100 * SUM(payment_value) / SUM(SUM(payment_value)) OVER (), 2)"
                        + " FROM gold.payment_mix_monthly GROUP BY payment_type ORDER BY v DESC, payment_type",
                "percentage of payment value per payment method");
        assertAnswers("SELECT payment_type, ROUND(SUM(payment_value), 2) AS v FROM gold.payment_mix_monthly GROUP BY payment_type ORDER BY v DESC, payment_type",
                "payment value by payment type");
        // orders have no table stored per payment: the order's main payment type
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE primary_payment_type = 'voucher'",
                "orders paid by voucher");
        assertAnswers("SELECT primary_payment_type, " + REVENUE + " AS r FROM gold.order_facts WHERE year = 2018"
                        + " GROUP BY primary_payment_type ORDER BY r DESC, primary_payment_type",
                "revenue split by the order's payment method in 2018");
    }

    @Test
    void aDimensionFollowedByAnExclusionIsOneFilteredTotal()
    {
        assertAnswers("SELECT " + REVENUE + " FROM gold.order_facts WHERE customer_state <> 'SP'",
                "sales of all states except SP",
                "revenue of states other than SP");
        assertAnswers("SELECT COUNT(CASE WHEN is_revenue THEN 1 END) FROM gold.order_items WHERE product_category <> 'electronics'",
                "items sold in categories other than electronics");
        // after a grouping word it stays a grouping, without the excluded value
        assertAnswers("SELECT product_category, " + ITEM_REVENUE + " AS r FROM gold.order_items WHERE product_category <> 'electronics'"
                        + " GROUP BY product_category ORDER BY r DESC, product_category",
                "revenue by category except electronics");
    }

    @Test
    void businessVocabularyOfTheModel()
    {
        assertAnswers("SELECT COUNT(*) FROM gold.order_facts WHERE item_count > 1 AND year = 2018",
                "orders with more than one item in 2018",
                "how many orders had multiple items in 2018");
        assertAnswers("SELECT COUNT(*) FROM gold.customers WHERE orders > 1",
                "count of returning customers",
                "customers who bought more than once");
        assertAnswers("SELECT COUNT(*) FROM gold.customers WHERE year(first_order_date) = 2018",
                "new customers in 2018",
                "number of new buyers in 2018");
        assertAnswers("SELECT customer_state, " + REVENUE + " AS r FROM gold.order_facts GROUP BY customer_state ORDER BY r DESC, customer_state LIMIT 1",
                "which state brought in the most money");
        assertAnswers("SELECT ROUND(SUM(CASE WHEN is_revenue THEN shipping_value END), 2) FROM gold.order_facts WHERE customer_state = 'RJ'",
                "shipping paid by customers in RJ",
                "total shipping in RJ");
        assertAnswers("SELECT ROUND(SUM(CASE WHEN is_revenue THEN items_value END), 2) FROM gold.order_facts WHERE year = 2018",
                "goods value excluding shipping in 2018",
                "value of goods in 2018");
        assertAnswers("SELECT " + ITEM_REVENUE + " FROM gold.order_items WHERE product_category = 'electronics' AND year = 2018",
                "how much did electronics sell in 2018");
    }

    @Test
    void joinsFollowDeclaredRelationships()
    {
        Proposal.Planned planned = assertAnswers("SELECT f.customer_city, COUNT(DISTINCT i.seller_id) AS n FROM gold.order_items i"
                        + " JOIN gold.order_facts f ON i.order_id = f.order_id GROUP BY f.customer_city ORDER BY n DESC, f.customer_city",
                "number of sellers by city",
                "sellers per customer city");
        assertThat(planned.plan().joins()).containsExactly("order_items_to_order_facts");
        Proposal.Planned direct = planned("revenue by category and state");
        assertThat(direct.plan().joins()).isEmpty();
        assertThat(direct.sql()).contains("gold.order_items");
    }

    @Test
    void itemsOfAnOrderAndTheCustomerOfAnOrderAreReachedAlongDeclaredRelationships()
    {
        // an order-level metric filtered by what the order contains: each order once
        assertAnswers("SELECT ROUND(AVG(delivery_days), 2) FROM gold.order_facts f"
                        + " WHERE EXISTS (SELECT 1 FROM gold.order_items i WHERE i.order_id = f.order_id AND i.product_category = 'electronics')",
                "average delivery time for orders containing electronics",
                "mean delivery time for orders with electronics");
        // grouped by what the orders contain: each order counts once in every category it holds
        assertAnswers("SELECT c.product_category, ROUND(100 * COUNT(CASE WHEN f.order_status = 'delivered' AND f.is_late THEN 1 END)"
                        + " / NULLIF(COUNT(CASE WHEN f.order_status = 'delivered' AND f.is_late IS NOT NULL THEN 1 END), 0), 2) AS r"
                        + " FROM gold.order_facts f JOIN (SELECT DISTINCT order_id, product_category FROM gold.order_items) c ON c.order_id = f.order_id"
                        + " GROUP BY c.product_category ORDER BY r DESC, c.product_category",
                "late delivery rate per category",
                "share of late deliveries by product category");
        // a named filter of the customer, applied to the customer's orders
        Proposal.Planned planned = assertAnswers("SELECT " + REVENUE + " FROM gold.order_facts f JOIN gold.customers c ON c.customer_id = f.customer_id"
                        + " WHERE c.orders > 1 AND f.year = 2018",
                "revenue from returning customers in 2018",
                "2018 sales of repeat buyers");
        assertThat(planned.plan().joins()).containsExactly("order_facts_to_customers");
        // tables with the dimension of their own still answer without a join
        assertThat(planned("revenue by category").plan().joins()).isEmpty();
    }

    @Test
    void choosesThePreAggregatedTableOnlyWhenItHoldsEverything()
    {
        assertThat(planned("revenue by state in 2017").sql()).contains("gold.state_sales_monthly");
        assertThat(planned("revenue by category in March 2018").sql()).contains("gold.category_sales_monthly");
        assertThat(planned("revenue in the last 30 days").sql()).contains("gold.daily_sales");
        // distinct customers do not add up over days or months: order-level table
        assertThat(planned("customers by state in 2018").sql()).contains("gold.order_facts");
        // a range that does not fall on month boundaries cannot come from a monthly table
        assertThat(planned("revenue by state in the last 30 days").sql()).contains("gold.order_facts");
    }

    @Test
    void chartHintsAndColumnFormats()
    {
        Proposal.Planned series = planned("revenue by month in 2018");
        assertThat(series.chart().type()).isEqualTo("line");
        assertThat(series.chart().x()).isEqualTo("year,month");
        assertThat(series.columnFormats()).containsEntry("revenue", "money");
        Proposal.Planned categories = planned("orders by state");
        assertThat(categories.chart().type()).isEqualTo("bar");
        assertThat(categories.chart().x()).isEqualTo("customer_state");
        assertThat(categories.columnFormats()).containsEntry("orders", "integer");
        assertThat(planned("revenue in 2017").chart().type()).isEqualTo("none");
        assertThat(planned("share of revenue by state").columnFormats()).containsEntry("revenue_share_pct", "percent");
        assertThat(columnNames(planned("revenue by state").sql())).containsExactly("customer_state", "revenue");
    }

    @Test
    void understoodWordsAndCoverage()
    {
        Proposal.Planned planned = planned("top 3 states by revenue in 2018");
        assertThat(planned.coversAllWords()).isTrue();
        assertThat(planned.understood()).extracting(understood -> understood.as())
                .contains("metric revenue", "top 3", "by customer_state", "purchase date in 2018");
        assertThat(planned.plan().metrics()).containsExactly("revenue");
        assertThat(planned.plan().dimensions()).containsExactly("customer_state");
        Proposal.Planned partial = planned("revenue by state for our premium loyalty tier");
        assertThat(partial.coversAllWords()).isFalse();
    }

    @Test
    void comparisonsShowEachSideAndUnitsAreNotGrains()
    {
        // two values of one dimension set against each other: one row per value, not their sum
        assertAnswers("SELECT customer_state, " + REVENUE + " FROM gold.order_facts WHERE customer_state IN ('SP', 'RJ') GROUP BY customer_state ORDER BY 2 DESC, 1",
                "revenue SP versus RJ",
                "sales in RJ compared with SP");
        // two periods set against each other with a verb the time reading did not take: the periods side by side
        Proposal.Planned periods = planned("how did orders in 2018 compare with 2017?");
        assertThat(periods.coversAllWords()).isTrue();
        assertThat(columnNames(periods.sql())).contains("orders_2018", "orders_2017");
        // "in days" is the unit of the answer, not a daily grain
        assertAnswers("SELECT customer_state, ROUND(AVG(delivery_days), 2) FROM gold.order_facts GROUP BY customer_state ORDER BY 2 DESC, 1",
                "average delivery time for each state in days",
                "delivery time in days by state");
    }

    @Test
    void aClarificationsChoicesAreCompleteReadings()
    {
        // no measure named: each choice keeps the categories, the ranking and the quarter (data date 2018-12-09: 2018 Q3)
        Proposal proposal = planner.plan("which categories sold the most last quarter?", Optional.empty());
        assertThat(proposal).isInstanceOf(Proposal.Clarify.class);
        Proposal.Clarify clarify = (Proposal.Clarify) proposal;
        assertThat(clarify.readings()).isNotEmpty();
        assertThat(clarify.choices()).containsExactlyElementsOf(clarify.readings().keySet());
        clarify.readings().forEach((choice, planned) -> {
            assertThat(choice).as(choice).contains("by product_category", "top ");
            assertThat(planned.plan().dimensions()).as(choice).containsExactly("product_category");
            assertThat(planned.sql()).as(choice).contains("LIMIT", "'2018-07-01'", "'2018-10-01'");
            guarded(planned);
        });
    }

    @Test
    void aWordThatChangesTheShapeOfTheQuestionIsNeverIgnored()
    {
        // read but not usable: the planner abstains (its partial reading becomes a choice), never a different question
        for (String question : List.of("revenue of customers who bought both toys and electronics",
                "orders against the target",
                "revenue by customer mood")) {
            Proposal proposal = planner.plan(question, Optional.empty());
            assertThat(proposal instanceof Proposal.Planned planned && planned.coversAllWords()).as(question).isFalse();
            assertThat(planner.propose(dev.aurum.assistant.proposal.Question.of(question))).as(question).isNotInstanceOf(Proposal.Planned.class);
        }
    }

    @Test
    void ambiguousQuestionsAskBackWithConcreteChoices()
    {
        Proposal.Clarify city = clarify("revenue in Sao Paulo");
        assertThat(city.choices()).contains("customer_city = sao paulo", "customer_state = SP");
        // "how much" with only a count found: an amount was asked, so ask which one
        assertThat(clarify("how much did the electronics products make").choices()).contains("revenue");
        Proposal.Clarify noMetric = clarify("show me the data");
        assertThat(noMetric.choices()).contains("revenue", "orders");
        Proposal.Clarify byState = clarify("what about SP by state");
        assertThat(byState.choices()).isNotEmpty();
        // a share with two conditions does not guess which one is the whole
        clarify("share of delivered orders paid by boleto");
        // a number named after "without" that the measure found still includes
        assertThat(clarify("revenue without shipping").choices()).contains("items_value");
        Proposal.Clarify average = clarify("average revenue");
        assertThat(average.choices()).contains("average revenue per order", "average revenue per customer");
        Proposal.Clarify growth = clarify("revenue growth");
        assertThat(growth.choices()).contains("revenue month over month", "revenue year over year");
        // an average divided again "per" something has no meaning: ask, never divide an average by a count
        Proposal.Clarify averagePer = clarify("average ticket per buyer");
        assertThat(averagePer.message()).contains("already an average");
        assertThat(averagePer.choices()).isNotEmpty();
        Proposal.Clarify unknown = clarify("revenue in Narnia");
        assertThat(unknown.message()).contains("Narnia");
    }

    @Test
    void questionsOutsideTheDataAreRefused()
    {
        for (String question : List.of(
                "forecast revenue for next quarter",
                "predict orders in 2019",
                "how many orders will we get next month",
                "what's the weather in Rio",
                "delete canceled orders",
                "email the revenue report to my boss",
                "update order status to delivered",
                "drop table gold.order_facts")) {
            assertThat(planner.plan(question, Optional.empty())).as(question).isInstanceOf(Proposal.Refuse.class);
        }
    }

    @Test
    void followUpsRefineThePreviousPlan()
    {
        assertFollowUp("revenue by month in 2018", "now by state",
                "SELECT customer_state, " + REVENUE + " AS r FROM gold.order_facts WHERE year = 2018 GROUP BY customer_state ORDER BY r DESC, customer_state");
        assertFollowUp("orders by state", "only 2018",
                "SELECT customer_state, COUNT(*) AS n FROM gold.order_facts WHERE year = 2018 GROUP BY customer_state ORDER BY n DESC, customer_state");
        assertFollowUp("revenue by category", "top 5",
                "SELECT product_category, " + ITEM_REVENUE + " AS r FROM gold.order_items GROUP BY product_category ORDER BY r DESC, product_category LIMIT 5");
        assertFollowUp("revenue by state", "what about orders instead of revenue",
                "SELECT customer_state, COUNT(*) AS n FROM gold.order_facts GROUP BY customer_state ORDER BY n DESC, customer_state");
        assertFollowUp("revenue in 2018", "and in SP?",
                "SELECT " + REVENUE + " FROM gold.order_facts WHERE year = 2018 AND customer_state = 'SP'");
        Proposal.Planned first = planned("revenue in 2017");
        Proposal chart = planner.plan("as a chart", Optional.of(first.plan()));
        assertThat(chart).isInstanceOf(Proposal.Planned.class);
        assertThat(((Proposal.Planned) chart).chart().type()).isNotEqualTo("none");
        assertThat(rows(((Proposal.Planned) chart).sql())).isEqualTo(rows(first.sql()));
        // a full new question is not merged into the previous one
        Proposal.Planned fresh = (Proposal.Planned) planner.plan("orders by status", Optional.of(planned("revenue in SP").plan()));
        assertThat(fresh.sql()).doesNotContain("'SP'");
        // "top"/"in"/"by" open a follow-up only without a measure: a whole ranked question starts afresh
        Proposal ranked = planner.plan("top 3 states by revenue", Optional.of(planned("orders in 2017").plan()));
        assertThat(ranked).isInstanceOf(Proposal.Planned.class);
        assertThat(rows(((Proposal.Planned) ranked).sql()))
                .isEqualTo(rows("SELECT customer_state, " + REVENUE + " AS r FROM gold.order_facts GROUP BY customer_state ORDER BY r DESC, customer_state LIMIT 3"));
    }

    @Test
    void aNewMetricSynonymAndFilterInTheYamlBecomeAnswerable()
            throws Exception
    {
        String yaml = Files.readString(Path.of(SemanticModelLoader.DEFAULT_MODEL));
        assertThat(planner.plan("moolah in 2017", Optional.empty())).isNotInstanceOf(Proposal.Planned.class);
        assertThat(planner.plan("average freight charge by state", Optional.empty())).isNotInstanceOf(Proposal.Planned.class);
        String metricsOfOrderFacts = "    metrics:\n      - name: revenue\n";
        assertThat(yaml).contains(metricsOfOrderFacts);
        String extended = yaml.replaceFirst("synonyms: \\[sales, turnover,", "synonyms: [moolah, sales, turnover,")
                .replaceFirst(metricsOfOrderFacts, """
                            metrics:
                              - name: avg_freight
                                agg: avg
                                expr: shipping_value
                                description: Average shipping charged per order, any status.
                                synonyms: [average freight charge, mean freight charge]
                                unit: BRL
                                format: money
                              - name: revenue
                        """)
                .replaceFirst("    filters:\n      - name: revenue_only\n", """
                            filters:
                              - name: big_orders
                                expression: order_value >= 300
                                description: Orders worth 300 BRL or more.
                                synonyms: [large orders, big tickets]
                              - name: revenue_only
                        """);
        SemanticModel copy = new SemanticModelLoader().parse(extended, "copy of ecommerce.yaml");
        SemanticPlanner extendedPlanner = new SemanticPlanner(copy, values, gold::dataDate);
        assertSameRows(extendedPlanner, "moolah in 2017", "SELECT " + REVENUE + " FROM gold.order_facts WHERE year = 2017");
        assertSameRows(extendedPlanner, "average freight charge by state",
                "SELECT customer_state, ROUND(AVG(shipping_value), 2) AS a FROM gold.order_facts GROUP BY customer_state ORDER BY a DESC, customer_state");
        assertSameRows(extendedPlanner, "how many large orders",
                "SELECT COUNT(*) FROM gold.order_facts WHERE order_value >= 300");
    }

    @Test
    void aMetricThatCountsOnlySomeRowsComesWithACheckOfWhetherTheFiltersLeaveAny()
    {
        // revenue counts revenue orders only: for canceled orders it is 0 by definition, and the check shows why
        Proposal.Planned canceled = assertAnswers("SELECT 0 AS revenue", "revenue of canceled orders");
        Proposal.ExclusionCheck check = canceled.exclusionCheck();
        assertThat(check).isNotNull();
        assertThat(check.metric()).isEqualTo("revenue");
        assertThat(check.column()).isEqualTo("is_revenue");
        assertThat(check.meaning()).contains("neither canceled nor unavailable");
        assertThat(check.counterpart()).as("the model's metric that sums order value over every status").isEqualTo("gross_order_value");
        guard.check(check.sql());
        assertThat(rows(check.sql())).isEqualTo(rows("SELECT COUNT(*), 0 FROM gold.order_facts WHERE order_status = 'canceled'"));
        assertThat(rows(check.sql()).get(0).get(0)).as("the fixture has canceled orders").isNotEqualTo("0");

        // delivered orders are revenue orders: the check finds rows the metric counts
        Proposal.Planned delivered = planned("revenue of delivered orders in 2018");
        assertThat(delivered.exclusionCheck()).isNotNull();
        assertThat(rows(delivered.exclusionCheck().sql())).isEqualTo(rows("SELECT COUNT(*), COUNT(*) FROM gold.order_facts WHERE order_status = 'delivered' AND year = 2018"));

        // no check without filters, nor for a metric that counts every row
        assertThat(planned("total revenue").exclusionCheck()).isNull();
        assertThat(planned("how many canceled orders").exclusionCheck()).isNull();
    }

    private void assertFollowUp(String first, String followUp, String expectedSql)
    {
        Proposal.Planned previous = planned(first);
        Proposal result = planner.plan(followUp, Optional.of(previous.plan()));
        assertThat(result).as(first + " -> " + followUp + ": " + result).isInstanceOf(Proposal.Planned.class);
        Proposal.Planned planned = guarded((Proposal.Planned) result);
        assertThat(rows(planned.sql())).as(first + " -> " + followUp + "\n" + planned.sql()).isEqualTo(rows(expectedSql));
    }

    private void assertSameRows(SemanticPlanner plannerToUse, String question, String expectedSql)
    {
        Proposal result = plannerToUse.plan(question, Optional.empty());
        assertThat(result).as(question + ": " + result).isInstanceOf(Proposal.Planned.class);
        Proposal.Planned planned = guarded((Proposal.Planned) result);
        assertThat(rows(planned.sql())).as(question + "\n" + planned.sql()).isEqualTo(rows(expectedSql));
    }

    /** Plans every phrasing and checks its result equals the expected SQL's, row by row and in order. */
    private Proposal.Planned assertAnswers(String expectedSql, String... questions)
    {
        List<List<String>> expected = rows(expectedSql);
        assertThat(expected).as("the fixture must give the expected query rows: " + expectedSql).isNotEmpty();
        Proposal.Planned last = null;
        for (String question : questions) {
            last = planned(question);
            assertThat(rows(last.sql())).as(question + "\n" + last.sql()).isEqualTo(expected);
        }
        return last;
    }

    private static Proposal.Planned planned(String question)
    {
        Proposal result = planner.plan(question, Optional.empty());
        assertThat(result).as(question + ": " + result).isInstanceOf(Proposal.Planned.class);
        return guarded((Proposal.Planned) result);
    }

    /** Every SQL the planner writes must pass the SQL guard unchanged. */
    private static Proposal.Planned guarded(Proposal.Planned planned)
    {
        guard.check(planned.sql());
        return planned;
    }

    private static Proposal.Clarify clarify(String question)
    {
        Proposal result = planner.plan(question, Optional.empty());
        assertThat(result).as(question + ": " + result).isInstanceOf(Proposal.Clarify.class);
        return (Proposal.Clarify) result;
    }

    private static List<String> columnNames(String sql)
    {
        return List.of(spark.sql(sql).columns());
    }

    /** Rows as text: numbers without trailing zeros (so 12.50 equals 12.5), nulls as "null". */
    private static List<List<String>> rows(String sql)
    {
        return results.computeIfAbsent(sql, key -> {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : spark.sql(key).collectAsList()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.get(i);
                    if (value == null) {
                        cells.add("null");
                    }
                    else if (value instanceof Number number) {
                        cells.add(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
                    }
                    else {
                        cells.add(value.toString());
                    }
                }
                rows.add(cells);
            }
            return rows;
        });
    }
}
