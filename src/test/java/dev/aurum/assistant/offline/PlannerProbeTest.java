package dev.aurum.assistant.offline;

import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.TestSpark;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

class PlannerProbeTest
{
    @Test
    void probe()
            throws Exception
    {
        GoldFixture gold = GoldFixture.shared();
        SemanticModel model = new SemanticModelLoader().load(Path.of("semantic-model/ecommerce.yaml"));
        TableValueIndex values = TableValueIndex.read(TestSpark.get(), model);
        SemanticPlanner planner = new SemanticPlanner(model, values, gold::dataDate);
        for (String question : Files.readAllLines(Path.of("/tmp/probe.txt"))) {
            if (question.isBlank()) {
                continue;
            }
            PlannerResult result = planner.plan(question, Optional.empty());
            System.out.println("Q: " + question);
            System.out.println("   " + result);
            if (result instanceof PlannerResult.Planned planned) {
                try {
                    List<org.apache.spark.sql.Row> rows = TestSpark.get().sql(planned.sql()).limit(5).collectAsList();
                    System.out.println("   ROWS: " + rows);
                }
                catch (Exception e) {
                    System.out.println("   FAIL: " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
    }
}
