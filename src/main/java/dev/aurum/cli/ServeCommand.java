package dev.aurum.cli;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.Engine;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.pipeline.PipelineScheduler;
import dev.aurum.pipeline.PipelineSpecLoader;
import dev.aurum.pipeline.PipelineStatus;
import dev.aurum.pipeline.RunOptions;
import dev.aurum.pipeline.RunRecord;
import dev.aurum.pipeline.RunState;
import dev.aurum.pipeline.RunSummary;
import dev.aurum.pipeline.TableStatus;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.sql.DataDate;
import dev.aurum.sql.DeltaLogVersions;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.ResultCache;
import dev.aurum.sql.SqlGuard;
import dev.aurum.sql.TableVersions;
import dev.aurum.web.AnswerService;
import dev.aurum.web.DashboardService;
import dev.aurum.web.DashboardStore;
import dev.aurum.web.StatusSource;
import dev.aurum.web.WebServer;
import dev.aurum.web.WebSettings;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

@Command(name = "serve", mixinStandardHelpOptions = true, description = {
        "Serve the web app and its JSON API: ask, dashboards, data. Keeps Spark and the Gold cache warm.",
        "Listens on 127.0.0.1 unless --host says otherwise; any other host requires AURUM_WEB_TOKEN.",
        "Ctrl-C stops the server."})
public class ServeCommand
        implements Callable<Integer>
{
    /** How often serve looks for dashboard tiles whose tables changed (a Delta-log listing per table, no Spark job). */
    static final long STALE_CHECK_SECONDS = 10;

    public static final String TOKEN_VARIABLE = "AURUM_WEB_TOKEN";

    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}). Any non-loopback address requires the env variable " + TOKEN_VARIABLE + ".")
    String host;

    @Option(names = "--refresh-daily-at", paramLabel = "HH:MM",
            description = "Also run the pipeline every day at this local time, in this process (as `pipeline schedule` does); dashboards update without a restart.")
    LocalTime refreshDailyAt;

    @Option(names = "--dashboards", paramLabel = "DIR", description = "Folder of the dashboard YAML files (default: dashboards/ of the project).")
    Path dashboardsFolder;

    private final AssistantFactory factory;
    private final BiConsumer<AppContext, PrintWriter> bootstrap;
    private final Function<String, String> environment;

    public ServeCommand()
    {
        this(new LakehouseAssistantFactory(), Bootstrap::ensureLakehouse, System::getenv);
    }

    /** @param environment reads {@value #TOKEN_VARIABLE} (tests pass their own) */
    public ServeCommand(AssistantFactory factory, BiConsumer<AppContext, PrintWriter> bootstrap, Function<String, String> environment)
    {
        this.factory = requireNonNull(factory, "factory is null");
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call()
            throws InterruptedException
    {
        PrintWriter out = spec.commandLine().getOut();
        // refuse a bad host or a missing token before Spark starts
        WebSettings settings = WebSettings.of(host, port, Optional.ofNullable(environment.apply(TOKEN_VARIABLE)));
        Engine engine = engineOptions.engine();
        ExecutorService tileThreads = Executors.newFixedThreadPool(3, task -> {
            Thread thread = new Thread(task, "aurum-dashboard-tile");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService staleTiles = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "aurum-dashboard-refresh");
            thread.setDaemon(true);
            return thread;
        });
        try (AppContext context = AppContext.of(common)) {
            bootstrap.accept(context, out);
            try (AssistantSession session = factory.open(context, engineOptions.routerSettings(), engineOptions.llmSettings())) {
                session.warmUp();
                SemanticModel model = session.model();
                SparkSession querySession = context.querySession();
                SqlGuard guard = new SqlGuard(querySession, model.baseTables().stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
                QueryExecutor tileExecutor = new QueryExecutor(querySession, guard, ExecutorSettings.defaults(), DataDate.of(querySession, model));
                Path folder = dashboardsFolder != null ? dashboardsFolder : context.project().dashboards().orElse(context.project().root().resolve("dashboards"));
                // one result cache for the dashboards and the answers (docs/reference.md, "The web app")
                ResultCache results = session.resultCache()
                        .orElseGet(() -> new ResultCache(refreshingCache(new DeltaLogVersions(name -> tableFolder(context.layout(), name)), querySession)));
                DashboardService dashboards = new DashboardService(new DashboardStore(folder), tileExecutor::execute, results, tileThreads);
                try (WebServer server = new WebServer(settings, answers(session, engine, guard), dashboards, session.feedback(), model, status(context))) {
                    URI address = server.start();
                    out.println("Aurum is serving " + address + " (engine " + engine.name().toLowerCase(Locale.ROOT) + ", dashboards in " + folder
                            + (settings.token().isPresent() ? "; sign in with " + TOKEN_VARIABLE : "") + "). Ctrl-C stops it.");
                    out.flush();
                    if (refreshDailyAt != null) {
                        startRefresh(context, model, out);
                    }
                    // tiles opened before whose tables a pipeline run has changed run again in the background, so the
                    // first open after a refresh is answered from the cache (docs/reference.md, "The web app")
                    staleTiles.scheduleWithFixedDelay(() -> {
                        try {
                            dashboards.refreshStale();
                        }
                        catch (RuntimeException e) {
                            // a tile that fails shows its error when opened; try again next time
                        }
                    }, STALE_CHECK_SECONDS, STALE_CHECK_SECONDS, TimeUnit.SECONDS);
                    CountDownLatch stopped = new CountDownLatch(1);
                    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "aurum-serve-stop"));
                    stopped.await();
                }
            }
        }
        finally {
            staleTiles.shutdownNow();
            tileThreads.shutdownNow();
        }
        return 0;
    }

    private static AnswerService answers(AssistantSession session, Engine engine, SqlGuard guard)
    {
        return new AnswerService()
        {
            @Override
            public Conversation newConversation()
            {
                return session.newConversation(engine);
            }

            @Override
            public Answer runSql(String id, String sql)
            {
                Answer answer = session.runSql(id, sql, engine);
                return answer;
            }

            @Override
            public int cancel(String conversationId)
            {
                return session.cancel(conversationId);
            }
        };
    }

    /**
     * The Delta-log versions, plus: when a table's version differs from the one seen before (a pipeline run, here or
     * in another process), Spark's in-memory copy of it is refreshed, so the tile that runs again reads the new data,
     * not the cached old version. Unchanged tables cost only the directory listing.
     */
    static TableVersions refreshingCache(TableVersions versions, SparkSession querySession)
    {
        requireNonNull(querySession, "querySession is null");
        return refreshingCache(versions, () -> querySession);
    }

    /** As above, with the session asked for only when a table changed (a lookup that finds an entry runs after Spark started). */
    static TableVersions refreshingCache(TableVersions versions, Supplier<SparkSession> querySession)
    {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        return table -> {
            long current = versions.current(table);
            Long before = seen.put(table, current);
            if (before != null && before != current) {
                try {
                    querySession.get().catalog().refreshTable(table);
                }
                catch (RuntimeException e) {
                    // not in the catalog (any more): nothing cached to refresh
                }
            }
            return current;
        };
    }

    /** {@code gold.order_facts} is the folder {@code gold/order_facts} of the lakehouse (likewise silver, bronze, aurum). */
    static Optional<Path> tableFolder(LakehouseLayout layout, String qualifiedName)
    {
        String[] parts = qualifiedName.toLowerCase(Locale.ROOT).split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        return Arrays.stream(Layer.values()).filter(layer -> layer.database().equals(parts[0])).findFirst().map(layer -> layout.table(layer, parts[1]));
    }

    /** The data page's pipeline view: every table's version, rows and counts, pending drops, the last 20 runs. */
    private static StatusSource status(AppContext context)
    {
        return () -> {
            PipelineStatus.Report report = new PipelineStatus(context.spark(), context.layout(), ProjectDefinitions.pipeline(context.project())).report();
            List<Map<String, Object>> tables = new ArrayList<>();
            for (TableStatus table : report.tables()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("table", table.table());
                row.put("version", table.version());
                row.put("rows", table.rows());
                row.put("last_batch", table.lastBatch().orElse(null));
                row.put("last_ingested_at", table.lastIngestedAt().map(Object::toString).orElse(null));
                row.put("counts", table.counts().entrySet().stream().filter(entry -> entry.getValue() != 0)
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).sorted().collect(Collectors.joining(", ")));
                row.put("warnings", String.join("; ", table.warnings()));
                tables.add(row);
            }
            List<Map<String, Object>> runs = new ArrayList<>();
            for (RunRecord run : new RunState(context.spark(), context.layout()).runs(20)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("run", run.runId());
                row.put("started_at", run.startedAt().toString());
                row.put("seconds", run.durationMillis() / 1000.0);
                row.put("outcome", run.outcome());
                row.put("full_refresh", run.fullRefresh());
                row.put("bronze_rows", run.bronzeRows());
                row.put("silver_rows", run.silverRows());
                row.put("gold_rows", run.goldRows());
                row.put("quarantined", run.quarantined());
                row.put("message", run.message());
                runs.add(row);
            }
            Map<String, Object> pipeline = new LinkedHashMap<>();
            pipeline.put("tables", tables);
            pipeline.put("pending_files", report.pendingFiles());
            pipeline.put("full_refresh_pending", report.fullRefreshPending());
            pipeline.put("runs", runs);
            return pipeline;
        };
    }

    /**
     * The daily refresh in this process, as {@code pipeline schedule} runs it. After a run the in-memory copies of the
     * Gold tables are refreshed, so answers and re-run tiles read the new versions.
     */
    private void startRefresh(AppContext context, SemanticModel model, PrintWriter out)
    {
        PipelineScheduler scheduler = new PipelineScheduler(Clock.systemDefaultZone(), duration -> Thread.sleep(Math.max(0, duration.toMillis())),
                refreshDailyAt, 4, Duration.ofSeconds(60));
        Thread refresh = new Thread(() -> {
            try {
                scheduler.run(() -> {
                    RunSummary summary = PipelineRunCommand.run(context, RunOptions.defaults(), new PrintWriter(new StringWriter()));
                    for (String table : model.baseTables()) {
                        try {
                            context.querySession().catalog().refreshTable(table);
                        }
                        catch (RuntimeException e) {
                            // a table the run did not create: nothing cached to refresh
                        }
                    }
                    return String.format(Locale.ROOT, "refresh run %d: %d Gold rows, %d warnings, %.1f s", summary.run().runId(), summary.run().goldRows(),
                            summary.warnings().size(), summary.run().durationMillis() / 1000.0);
                }, line -> {
                    out.println(line);
                    out.flush();
                }, -1);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            catch (RuntimeException e) {
                out.println("the daily refresh stopped: " + e.getMessage());
                out.flush();
            }
        }, "aurum-serve-refresh");
        refresh.setDaemon(true);
        refresh.start();
        out.println("Refreshing the lakehouse every day at " + refreshDailyAt + " in this process.");
        out.flush();
    }
}
