package dev.aurum.cli;

import dev.aurum.eval.EvalNearDuplicateCheck;
import dev.aurum.eval.EvalNearDuplicateLintCheck;
import dev.aurum.eval.EvalSuiteLoader;
import dev.aurum.semantic.LintCheck;
import dev.aurum.semantic.LintFinding;
import dev.aurum.semantic.SchemaLintCheck;
import dev.aurum.semantic.SemanticLint;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.sql.DataDate;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.SqlGuard;
import dev.aurum.sql.VerifiedQueryLintCheck;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true, description = {
        "Check the semantic model against the live Gold schema: missing names, expressions that do not analyse, "
                + "conflicting synonyms, metrics without description, joins that fan out a metric, verified queries the SQL guard "
                + "rejects or that fail to run. One line per finding; exit 1 when there is an error."})
public class SemanticLintCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Option(names = "--model", paramLabel = "FILE", description = "Semantic model file (default: the project's semantic-model/ file, " + SemanticModelLoader.DEFAULT_MODEL + " of the checkout).")
    Path model;

    @Override
    public Integer call()
    {
        SemanticModel semanticModel = loadModel();
        try (AppContext context = AppContext.of(common)) {
            List<LintFinding> findings = new SemanticLint(checks(context, semanticModel)).run(semanticModel);
            return report(findings, System.out);
        }
    }

    private SemanticModel loadModel()
    {
        SemanticModelLoader loader = new SemanticModelLoader();
        if (model != null) {
            return loader.load(model);
        }
        return ProjectDefinitions.model(common.project());
    }

    /**
     * The lint checks, in the order they run. Extension point: other packages' checks (for example the eval suite's
     * "an eval question near-duplicates a verified query") are added to this list.
     */
    static List<LintCheck> checks(AppContext context, SemanticModel model)
    {
        SparkSession query = context.querySession();
        SqlGuard guard = new SqlGuard(query, new HashSet<>(model.baseTables()));
        QueryExecutor executor = new QueryExecutor(query, guard, new ExecutorSettings(100, Duration.ofSeconds(60)), DataDate.of(query, model));
        List<LintCheck> checks = new ArrayList<>(SemanticLint.modelChecks());
        checks.add(new SchemaLintCheck(query));
        checks.add(new VerifiedQueryLintCheck(executor));
        checks.add(new EvalNearDuplicateLintCheck(
                ProjectDefinitions.defaultSuite(context.project()),
                new EvalNearDuplicateCheck(new AllMiniLmL6V2EmbeddingModel(), EvalNearDuplicateCheck.DEFAULT_THRESHOLD)));
        return checks;
    }

    static int report(List<LintFinding> findings, PrintStream out)
    {
        findings.forEach(finding -> out.println(finding.line()));
        long errors = findings.stream().filter(finding -> finding.severity() == LintFinding.Severity.ERROR).count();
        long warnings = findings.size() - errors;
        out.println(findings.isEmpty() ? "semantic model OK: no findings" : errors + " error(s), " + warnings + " warning(s)");
        return SemanticLint.hasErrors(findings) ? 1 : 0;
    }
}
