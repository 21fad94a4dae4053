package dev.aurum.semantic;

import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.SqlGuard;
import dev.aurum.sql.VerifiedQueryLintCheck;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SparkTest
class SemanticLintTest
{
    private static SparkSession query;
    private static SemanticModel shipped;

    @BeforeAll
    static void setUp()
    {
        GoldFixture.shared();
        query = SparkSessions.querySession(TestSpark.get());
        shipped = new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
    }

    private static List<LintFinding> lint(SemanticModel model)
    {
        SqlGuard guard = new SqlGuard(query, new HashSet<>(model.baseTables()));
        QueryExecutor executor = new QueryExecutor(query, guard, new ExecutorSettings(100, Duration.ofSeconds(60)));
        List<LintCheck> checks = new ArrayList<>(SemanticLint.modelChecks());
        checks.add(new SchemaLintCheck(query));
        checks.add(new VerifiedQueryLintCheck(executor));
        return new SemanticLint(checks).run(model);
    }

    @Test
    void shippedModelLintsCleanAndEveryVerifiedQueryRuns()
    {
        List<LintFinding> findings = lint(shipped);

        assertThat(findings).extracting(LintFinding::line).isEmpty();
        assertThat(shipped.verifiedQueries()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyMetricGivesTheSameAnswerOnEveryTableThatDefinesIt()
    {
        // over the whole data set every table that defines a metric gives the same number: one meaning per word
        for (String metric : List.of("revenue", "orders", "items_sold", "customers", "payment_value")) {
            List<String> answers = new ArrayList<>();
            for (SemanticTable table : shipped.tables()) {
                if (metric.equals("orders") && table.name().equals("order_items")) {
                    continue; // on item tables "orders" means orders containing the items (docs/gold-schema.md), so orders without items are not counted
                }
                table.metrics().stream().filter(m -> m.name().equals(metric)).forEach(m -> answers.add(table.name() + "="
                        + query.sql("SELECT " + table.metricSql(m) + " FROM " + table.baseTable()).first().get(0).toString()));
            }
            assertThat(answers.stream().map(a -> a.substring(a.indexOf('=') + 1)).distinct()).as(metric + " " + answers).hasSize(1);
        }
    }

    @Test
    void findsConflictingSynonymsMissingColumnsBadMetricsFanOutAndBrokenVerifiedQueries() throws Exception
    {
        String yaml = """
                name: broken
                tables:
                  - name: order_facts
                    base_table: gold.order_facts
                    description: orders
                    dimensions:
                      - name: customer_state
                        description: state
                        synonyms: [region]
                      - name: customer_city
                        description: city
                        synonyms: [region]
                      - name: ghost
                        data_type: string
                        description: not a column
                      - name: year
                        data_type: string
                        description: wrong type
                    metrics:
                      - name: revenue
                        agg: sum
                        expr: order_value
                        synonyms: [sales]
                      - name: missing_column
                        agg: sum
                        expr: ghost_column
                        description: a column that is not in Gold
                  - name: customers
                    base_table: gold.customers
                    description: customers
                    metrics:
                      - name: lifetime_value
                        agg: sum
                        expr: lifetime_value
                        description: ltv
                        synonyms: [sales]
                relationships:
                  - name: customers_to_orders
                    left_table: customers
                    right_table: order_facts
                    columns: [{left_column: customer_id, right_column: customer_id}]
                    cardinality: one_to_many
                verified_queries:
                  - name: sneaky
                    question: everything from silver
                    sql: SELECT * FROM silver.orders
                """;
        SemanticModel model = new SemanticModelLoader().parse(yaml, "broken.yaml");

        List<String> lines = lint(model).stream().map(LintFinding::line).toList();

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("ERROR").contains("[synonyms]").contains("'region' names both dimension customer_state and dimension customer_city"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("[synonyms]").contains("'sales' is a metric revenue elsewhere and lifetime_value here"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("[schema] order_facts.ghost: column ghost is missing from the live gold.order_facts"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("[schema] order_facts.year: declared data_type string but gold.order_facts has int"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("[schema] order_facts.missing_column: its expr 'ghost_column' does not analyse against gold.order_facts"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("[descriptions] order_facts.revenue: the metric has no description"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("[fan_out] relationship customers_to_orders").contains("lifetime_value"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("[verified_queries] verified query sneaky: the SQL guard rejects it: table silver.orders is not available"));
        assertThat(SemanticLint.hasErrors(lint(model))).isTrue();
        assertThat(Files.exists(Path.of(SemanticModelLoader.DEFAULT_MODEL))).isTrue();
    }
}
