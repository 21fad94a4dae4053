package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerCache;
import dev.aurum.assistant.AuditLog;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.FeedbackLog;
import dev.aurum.assistant.MiniLmEmbedder;
import dev.aurum.assistant.Router;
import dev.aurum.assistant.RouterSettings;
import dev.aurum.assistant.SqlRunner;
import dev.aurum.assistant.VerifiedQueryMatcher;
import dev.aurum.assistant.llm.ChatModels;
import dev.aurum.assistant.llm.LlmAgent;
import dev.aurum.assistant.llm.LlmSettings;
import dev.aurum.assistant.llm.LlmStatsChooser;
import dev.aurum.assistant.llm.LlmSummarizer;
import dev.aurum.assistant.llm.PromptTemplates;
import dev.aurum.assistant.llm.SparkSqlCheck;
import dev.aurum.assistant.offline.SemanticPlanner;
import dev.aurum.assistant.proposal.ResultSummarizer;
import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Project;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.ValueIndex;
import dev.aurum.semantic.ValueIndexBuilder;
import dev.aurum.semantic.ValueMatch;
import dev.aurum.sql.DataDate;
import dev.aurum.sql.DeltaLogVersions;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultCache;
import dev.aurum.sql.TableVersions;
import dev.aurum.sql.ResultColumn;
import dev.aurum.sql.SqlGuard;
import dev.aurum.stats.StatisticsAnswerer;
import dev.aurum.stats.StatsChooser;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Wires the real assistant over one lakehouse: semantic model, value index, SQL guard and executor, semantic
 * planner, verified-query matcher with the local MiniLM model, the LLM agent when a model is named (README.md, "The
 * LLM route"), router, audit and feedback logs. Spark, the Gold
 * cache and the embedding model start on background threads, so the chat's prompt shows at once.
 */
public final class LakehouseAssistantFactory
        implements AssistantFactory
{
    @Override
    public AssistantSession open(AppContext context, RouterSettings settings)
    {
        LlmSettings.Builder llm = LlmSettings.fromEnvironment(System.getenv());
        settings.llmModel().ifPresent(llm::model);
        return open(context, settings, llm.build());
    }

    /** The LLM agent is built only when {@code llm} names a model; nothing is sent anywhere otherwise. */
    @Override
    public AssistantSession open(AppContext context, RouterSettings settings, LlmSettings llm)
    {
        requireNonNull(context, "context is null");
        requireNonNull(llm, "llm is null");
        Project project = context.project();
        SemanticModel model = ProjectDefinitions.model(project);
        return new Session(context, model, settings, llm, project);
    }

    private static final String CACHE_JOB_GROUP = "aurum-gold-cache";
    /** How long the Gold cache waits for the first question to be answered before it starts filling anyway. */
    private static final long FIRST_ANSWER_WAIT_SECONDS = 20;

    /** Where the data date is kept with the table version it was read at, in the lakehouse's state folder. */
    static final String DATA_DATE_MEMO = "data-date.json";

    private static final class Session
            implements AssistantSession
    {
        private final AppContext context;
        private final SemanticModel model;
        private final CompletableFuture<QueryExecutor> executor;
        private final MiniLmEmbedder embedder;
        private final VerifiedQueryMatcher matcher;
        private boolean warming;
        private volatile boolean cacheRequested;
        private volatile boolean closing;
        private volatile Thread cacheThread;
        private final Router router;
        private final FeedbackLog feedback;
        private final ValueIndex values;
        private final CompletableFuture<DataDate> dataDate = new CompletableFuture<>();
        private final CompletableFuture<SqlGuard> guard = new CompletableFuture<>();
        private final ResultCache results;
        private final CountDownLatch firstAnswer = new CountDownLatch(1);

        Session(AppContext context, SemanticModel model, RouterSettings settings, LlmSettings llmSettings, Project project)
        {
            this.context = context;
            this.model = model;
            this.executor = new CompletableFuture<>();
            // a repeated question over unchanged Gold is answered from the answer cache (before routing) or, planned anew,
            // from the result cache: no guard, no Spark job (docs/architecture.md, "Answers sooner"); a table with a
            // new version is refreshed in Spark's cache before its query runs again
            TableVersions versions = ServeCommand.refreshingCache(new DeltaLogVersions(name -> ServeCommand.tableFolder(context.layout(), name)),
                    context::querySession);
            this.results = new ResultCache(versions);
            CompletableFuture<ValueIndex> index = valueIndex(context, model);
            ValueIndex samples = ValueIndexBuilder.fromSampleValues(model);
            // until a rebuilt index is ready, questions wait for it (matching values of an old index would mislead)
            this.values = new ValueIndex()
            {
                @Override
                public List<ValueMatch> match(String phrase)
                {
                    Session.this.start();
                    return ready(index, samples).match(phrase);
                }

                @Override
                public List<String> values(String dimension)
                {
                    return index.isDone() && !index.isCompletedExceptionally() ? index.join().values(dimension) : samples.values(dimension);
                }
            };
            SqlRunner runner = new SqlRunner()
            {
                @Override
                public QueryResult run(String sql)
                {
                    ResultCache.Lookup lookup;
                    try {
                        lookup = results.lookup(sql, query -> executor().execute(query));
                    }
                    finally {
                        firstAnswer.countDown();
                    }
                    QueryResult result = lookup.result();
                    if (!lookup.cached()) {
                        return result;
                    }
                    // from the cache: nothing was guarded or executed for this answer, and its timings say so
                    return new QueryResult(result.sql(), result.columns(), result.rows(), result.rowCount(), result.truncated(), 0, 0,
                            result.dataDate(), result.tableVersions());
                }

                @Override
                public void cancel()
                {
                    if (executor.isDone() && !executor.isCompletedExceptionally()) {
                        executor.join().cancel();
                    }
                }
            };
            this.embedder = new MiniLmEmbedder();
            this.matcher = new VerifiedQueryMatcher(model, values, embedder, VerifiedQueryMatcher.DEFAULT_THRESHOLD);
            SemanticPlanner planner = new SemanticPlanner(model, values, this::dataDate);
            Clock clock = Clock.systemUTC();
            Optional<LlmAgent> llm = LlmAgent.create(llmSettings, ChatModels::create, model, values, Optional.of(embedder::embed),
                    sql -> new SparkSqlCheck(guard()).check(sql), this::dataDate, new PromptTemplates(project::readPrompt));
            Optional<ResultSummarizer> summarizer = llm.isPresent() && llmSettings.shareResults()
                    ? Optional.of(new LlmSummarizer(ChatModels.create(llmSettings), llmSettings, new PromptTemplates(project::readPrompt)))
                    : Optional.empty();
            // with a model named, the LLM may choose the value, grouping and filter of a test the route cannot read itself
            Optional<StatsChooser> chooser = llm.isPresent()
                    ? Optional.of(new LlmStatsChooser(ChatModels.create(llmSettings), model, new PromptTemplates(project::readPrompt)))
                    : Optional.empty();
            StatisticsAnswerer statistics = new StatisticsAnswerer(model, sql -> executor().execute(sql), chooser);
            this.router = new Router(model, planner, Optional.of(matcher), llm, summarizer, Optional.of(statistics::answer), runner, settings,
                    new AuditLog(context.layout().state(), clock)).cachingAnswers(new AnswerCache(versions));
            this.feedback = new FeedbackLog(context.layout().state(), clock);
        }

        private static ValueIndex ready(CompletableFuture<ValueIndex> index, ValueIndex fallback)
        {
            try {
                return index.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AurumException(ErrorCode.CANCELLED, "Interrupted while the value index was being rebuilt.");
            }
            catch (ExecutionException e) {
                // a broken index must not stop the assistant: fall back to the model's sample values
                return fallback;
            }
        }

        private static java.util.concurrent.Executor daemonThreads(String name)
        {
            return task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                thread.start();
            };
        }

        private QueryExecutor startSpark()
        {
            SparkSession querySession = context.querySession();
            // the date read at a table version is kept with it, so a new chat over unchanged Gold needs no Spark job for it
            dataDate.complete(DataDate.of(querySession, model).withMemo(context.layout().state().resolve(DATA_DATE_MEMO)));
            SqlGuard guard = new SqlGuard(querySession, model.baseTables().stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
            this.guard.complete(guard);
            return new QueryExecutor(querySession, guard, ExecutorSettings.defaults(), dataDate.join());
        }

        /**
         * Holds every Gold table the model reads in memory, after the executor is available: a question asked before
         * a table is cached runs from Delta; later ones cost planning and a scan of cached columns, not a Delta
         * snapshot and file listing per query.
         */
        private void cacheGold()
        {
            SparkSession querySession = context.querySession();
            cacheThread = Thread.currentThread();
            querySession.sparkContext().setJobGroup(CACHE_JOB_GROUP, "holding the Gold tables in memory", true);
            for (String table : model.baseTables()) {
                if (closing) {
                    return;
                }
                try {
                    if (querySession.catalog().tableExists(table)) {
                        querySession.sql("CACHE TABLE " + table);
                    }
                }
                catch (RuntimeException e) {
                    // a cache is an optimisation: the query still runs from Delta
                }
            }
        }

        /** What every first question needs, done while the prompt waits for it: the data date (from its memo, or a query). */
        private void warmDataDate()
        {
            try {
                dataDate.join().current();
            }
            catch (RuntimeException e) {
                // warming is an optimisation: the first question loads what it needs itself
            }
        }

        /**
         * The Delta snapshot of every Gold table the model reads. It waits for the first answer (or a while) like the
         * cache: on two cores, loading eight snapshots beside the first question slowed it by seconds.
         */
        private void warmSnapshots()
        {
            try {
                dataDate.join().versions(model.baseTables());
            }
            catch (RuntimeException e) {
                // warming is an optimisation: the first question loads what it needs itself
            }
        }

        private void awaitFirstAnswer()
        {
            try {
                firstAnswer.await(FIRST_ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The chat's warm-up: also holds the Gold tables in memory, which pays off over a conversation, not one question. */
        @Override
        public synchronized void warmUp()
        {
            cacheRequested = true;
            start();
        }

        /** Starts Spark and the models in the background (once); ask, batch and eval start them with the first question. */
        private synchronized void start()
        {
            if (warming) {
                return;
            }
            warming = true;
            daemonThreads("aurum-spark-warm-up").execute(() -> {
                try {
                    executor.complete(startSpark());
                }
                catch (RuntimeException | Error e) {
                    executor.completeExceptionally(e);
                    return;
                }
                if (cacheRequested) {
                    warmDataDate();
                    // the other snapshots and filling the Gold cache (a scan of every table) wait for the first answer
                    // (or a while), so they do not compete with the first question for the cores (docs/architecture.md,
                    // "Answers sooner")
                    awaitFirstAnswer();
                    if (!closing) {
                        warmSnapshots();
                        cacheGold();
                    }
                }
            });
            embedder.warmUp();
            daemonThreads("aurum-verified-queries-warm-up").execute(matcher::warmUp);
        }

        private QueryExecutor executor()
        {
            start();
            try {
                return executor.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AurumException(ErrorCode.CANCELLED, "Interrupted while Spark was starting.");
            }
            catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof AurumException aurum) {
                    throw aurum;
                }
                throw new AurumException(ErrorCode.RUN_FAILED, "Spark could not start: " + cause.getMessage() + " (run again with --verbose for details).", cause);
            }
        }

        /**
         * The stored value index. When it is missing or older than Gold (a pipeline run since), it is rebuilt in the
         * background once Spark is up, and the model's sample values stand in until then; without Gold, the sample
         * values are all there is.
         */
        private CompletableFuture<ValueIndex> valueIndex(AppContext context, SemanticModel model)
        {
            LakehouseLayout layout = context.layout();
            Path stored = ValueIndexBuilder.file(layout);
            long goldChanged = lastChange(layout.gold());
            if (Files.isRegularFile(stored) && lastModified(stored) >= goldChanged) {
                return CompletableFuture.completedFuture(new ValueIndexBuilder().load(layout));
            }
            if (goldChanged == 0) {
                return CompletableFuture.completedFuture(ValueIndexBuilder.fromSampleValues(model));
            }
            return executor.thenApplyAsync(ready -> AfterPipelineRun.rebuildValueIndex(context, model, new PrintWriter(Writer.nullWriter())),
                    daemonThreads("aurum-value-index"));
        }

        /** The newest change to any Gold table's Delta log (0 when there is no Gold). */
        private static long lastChange(Path gold)
        {
            if (!Files.isDirectory(gold)) {
                return 0;
            }
            try (Stream<Path> tables = Files.list(gold)) {
                return tables.filter(DeltaTables::exists).map(table -> table.resolve(DeltaTables.LOG_FOLDER)).mapToLong(Session::lastModified).max().orElse(0);
            }
            catch (IOException e) {
                return 0;
            }
        }

        private static long lastModified(Path path)
        {
            try {
                return Files.getLastModifiedTime(path).toMillis();
            }
            catch (IOException e) {
                return 0;
            }
        }

        /** The guard of the running Spark session, which the LLM agent checks its SQL with (waits for Spark). */
        private SqlGuard guard()
        {
            executor();
            return guard.join();
        }

        /** The latest purchase date in Gold, the anchor of relative time (today when Gold is empty). */
        private LocalDate dataDate()
        {
            executor();
            LocalDate date = dataDate.join().current();
            return date == null ? LocalDate.now(Clock.systemUTC()) : date;
        }

        @Override
        public Conversation newConversation(Engine engine)
        {
            return router.newConversation(engine);
        }

        @Override
        public Answer runSql(String id, String sql, Engine engine)
        {
            return router.runSql(id, sql, engine);
        }

        @Override
        public void cancel()
        {
            router.cancel();
        }

        @Override
        public int cancel(String scope)
        {
            return executor.isDone() && !executor.isCompletedExceptionally() ? executor.join().cancel(scope) : 0;
        }

        @Override
        public SemanticModel model()
        {
            return model;
        }

        @Override
        public List<String> values(String dimension)
        {
            return values.values(dimension);
        }

        @Override
        public List<String> tables()
        {
            executor();
            SparkSession spark = context.querySession();
            List<String> names = new ArrayList<>();
            for (String database : List.of("gold", "silver", "bronze")) {
                if (spark.catalog().databaseExists(database)) {
                    try {
                        spark.catalog().listTables(database).collectAsList().forEach(table -> names.add(database + "." + table.name()));
                    }
                    catch (org.apache.spark.sql.AnalysisException e) {
                        // the database vanished between the two calls: nothing to list
                    }
                }
            }
            return names;
        }

        @Override
        public List<ResultColumn> describe(String table)
        {
            executor();
            SparkSession spark = context.querySession();
            String name = table.contains(".") ? table : "gold." + table;
            if (!spark.catalog().tableExists(name)) {
                throw new AurumException(ErrorCode.UNKNOWN_COLUMN, "There is no table " + name + "; /tables lists them.");
            }
            List<ResultColumn> columns = new ArrayList<>();
            for (StructField field : spark.table(name).schema().fields()) {
                columns.add(new ResultColumn(field.name(), field.dataType().simpleString()));
            }
            return columns;
        }

        @Override
        public FeedbackLog feedback()
        {
            return feedback;
        }

        @Override
        public Optional<ResultCache> resultCache()
        {
            return Optional.of(results);
        }

        @Override
        public void close()
        {
            // the AppContext that owns Spark is closed by the command; a Gold cache still filling is cancelled first,
            // so Spark does not stop under a running job
            closing = true;
            firstAnswer.countDown();
            Thread caching = cacheThread;
            if (caching != null && caching.isAlive()) {
                context.querySession().sparkContext().cancelJobGroup(CACHE_JOB_GROUP);
                try {
                    caching.join(10_000);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
