package dev.aurum.cli;

import dev.aurum.assistant.Assistant;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.RouterSettings;
import dev.aurum.assistant.llm.LlmSettings;
import dev.aurum.eval.ErrorClassifier;
import dev.aurum.eval.EvalLakehouse;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.eval.GoldQueryRunner;
import dev.aurum.lakehouse.Project;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.sql.DataDate;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.SqlGuard;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The production environment of {@code aurum eval}: the fixed, seeded eval lakehouse (built once, then reused; see
 * {@link EvalLakehouse}) or, with {@code --on-lakehouse}, the lakehouse of {@code --lakehouse}; the SQL guard and
 * executor over the semantic model's Gold tables; and the real assistant (router, planner, verified queries).
 */
final class LakehouseEvalEnvironment
        implements EvalEnvironment
{
    private final AppContext context;
    private final SemanticModel model;
    private final Optional<EvalLakehouse> fixed;
    private final PrintWriter progress;
    private final LlmSettings llm;
    private SqlGuard guard;
    private QueryExecutor executor;
    private AssistantSession session;

    LakehouseEvalEnvironment(CommonOptions common, boolean onGivenLakehouse, PrintWriter progress, LlmSettings llm)
    {
        this.llm = requireNonNull(llm, "llm is null");
        requireNonNull(common, "common is null");
        this.progress = requireNonNull(progress, "progress is null");
        Project project = common.project();
        this.model = ProjectDefinitions.model(project);
        if (onGivenLakehouse) {
            this.fixed = Optional.empty();
            this.context = AppContext.of(common);
        }
        else {
            ProjectFiles files = project.files();
            LakehouseLayout layout = new LakehouseLayout(files.path("target/eval-lakehouse"));
            EvalLakehouse lakehouse = project.isCheckout()
                    ? new EvalLakehouse(layout, files)
                    : EvalLakehouse.fromDrops(layout, files, project.pipelineFile(), project.root().resolve("evals/landing"));
            this.fixed = Optional.of(lakehouse);
            this.context = new AppContext(lakehouse.layout(), common.sparkSettings(), project);
        }
    }

    private synchronized QueryExecutor executor()
    {
        if (executor == null) {
            fixed.ifPresent(lakehouse -> lakehouse.ensureBuilt(context.spark(), progress));
            guard = new SqlGuard(context.querySession(), new HashSet<>(model.baseTables()));
            executor = new QueryExecutor(context.querySession(), guard, ExecutorSettings.defaults(), DataDate.of(context.querySession(), model));
        }
        return executor;
    }

    @Override
    public GoldQueryRunner gold()
    {
        return GoldQueryRunner.of(executor());
    }

    @Override
    public ErrorClassifier errors()
    {
        executor();
        return ErrorClassifier.of(guard);
    }

    @Override
    public synchronized Assistant assistant(Engine engine)
    {
        executor();
        if (session == null) {
            session = new LakehouseAssistantFactory().open(context, new RouterSettings(llm.model()), llm);
        }
        return session::newConversation;
    }

    @Override
    public Optional<SemanticModel> model()
    {
        return Optional.of(model);
    }

    @Override
    public String data()
    {
        return fixed.map(lakehouse -> "fixed eval lakehouse " + lakehouse.source() + " in ").orElse("lakehouse ") + context.layout().root();
    }

    @Override
    public Optional<String> dataDate()
    {
        return Optional.empty();
    }

    @Override
    public synchronized void close()
    {
        if (session != null) {
            session.close();
        }
        context.close();
    }
}
