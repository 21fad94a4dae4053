package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.sql.DataDate;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.SqlGuard;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * What the stats commands run on: the semantic model and guarded SQL over the lakehouse's query session (the same
 * guard and executor as {@code aurum sql}). The statistics package sees only a function from SQL to a result.
 */
class StatsSession
        implements AutoCloseable
{
    /** Summary queries scan whole tables; at SF10 on one laptop that takes longer than a chat answer may. */
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final SemanticModel model;
    private final QueryExecutor executor;
    private final Runnable onClose;

    StatsSession(SparkSession querySession, SemanticModel model, Runnable onClose)
    {
        this.model = requireNonNull(model, "model is null");
        this.executor = new QueryExecutor(querySession, new SqlGuard(querySession, SqlCommand.allowList(model)),
                new ExecutorSettings(ExecutorSettings.DEFAULT_ROW_CAP, TIMEOUT), DataDate.of(querySession, model));
        this.onClose = requireNonNull(onClose, "onClose is null");
    }

    static StatsSession open(CommonOptions options)
    {
        SemanticModel model = SqlCommand.loadModel(options.project());
        if (!Files.isDirectory(options.layout().gold())) {
            throw new AurumException(ErrorCode.NO_LAKEHOUSE, "There are no Gold tables in " + options.layout().root()
                    + "; build the lakehouse first with ./aurum pipeline run (or ./aurum chat, which builds sample data).");
        }
        AppContext context = AppContext.of(options);
        try {
            return new StatsSession(context.querySession(), model, context::close);
        }
        catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    SemanticModel model()
    {
        return model;
    }

    QueryResult execute(String sql)
    {
        return executor.execute(sql);
    }

    @Override
    public void close()
    {
        onClose.run();
    }
}
