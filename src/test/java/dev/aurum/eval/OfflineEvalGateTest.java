package dev.aurum.eval;

import dev.aurum.cli.Main;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI gate of issue 5: the shipped suite on the offline engine, at least 90% right and no wrong answer.
 * {@code mvn -B verify} runs it once it is enabled.
 */
class OfflineEvalGateTest
{
    @Test
    @Disabled("needs the router and planner (assistant and planner branches) and the fixed eval lakehouse (pipeline branch) in main; "
            + "LakehouseEvalEnvironment says NOT_BUILT for the assistant until then")
    void offlineEngineMeetsTheGate() throws Exception
    {
        Path junit = Path.of("target", "eval", "offline-junit.xml");
        int exitCode = Main.run("eval", "--engine", "offline", "--min-accuracy", "0.9", "--max-wrong-rate", "0",
                "--report", "target/eval/offline-report.md", "--json", "target/eval/offline-report.json", "--junit", junit.toString());
        assertThat(exitCode).as("see target/eval/offline-report.md").isZero();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(document.getElementsByTagName("testcase").getLength())
                .isEqualTo(new EvalSuiteLoader().load(Path.of(EvalSuiteLoader.DEFAULT_SUITE)).items().size());
    }
}
