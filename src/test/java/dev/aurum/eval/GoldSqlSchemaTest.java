package dev.aurum.eval;

import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every gold SQL of the shipped suite parses and analyses against a Gold layer with exactly the schema of
 * docs/gold-schema.md (the small GoldFixture), so a typo in a table, column or function name fails here in seconds,
 * without the generated eval lakehouse. Running each query (and checking it returns rows on the eval data) is the
 * eval's own first step.
 */
@SparkTest
class GoldSqlSchemaTest
{
    private static SparkSession spark;

    @BeforeAll
    static void gold()
    {
        GoldFixture.shared();
        spark = TestSpark.get();
    }

    @Test
    void everyGoldSqlAnalysesOnTheGoldSchema()
    {
        EvalSuite suite = new EvalSuiteLoader().load(Path.of(EvalSuiteLoader.DEFAULT_SUITE));
        List<String> failures = new ArrayList<>();
        int ran = 0;
        for (EvalItem item : suite.items()) {
            if (item.goldSql().isEmpty()) {
                continue;
            }
            try {
                // spark.sql analyses eagerly: unknown tables, columns and functions and type errors throw here
                assertThat(spark.sql(item.goldSql().get()).schema().fields()).as(item.id()).isNotEmpty();
                ran++;
            }
            catch (RuntimeException e) {
                failures.add(item.id() + " (line " + item.line() + "): " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(ran).isGreaterThanOrEqualTo(80);
    }
}
