package dev.aurum.sql;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.unsafe.types.CalendarInterval;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;
import static scala.collection.JavaConverters.mapAsJavaMap;
import static scala.collection.JavaConverters.seqAsJavaList;

/**
 * Runs guarded SQL within limits: a row cap applied to the plan, a timeout that cancels the Spark job group, and
 * cancelling: {@link #cancel()} for Ctrl-C stops every running query, {@link #cancel(String)} only those started
 * inside {@link #inScope} with that scope (a web conversation), so one user's cancel never stops another's query.
 * Every result records the data date and the Delta versions of the tables it read.
 */
public final class QueryExecutor
{
    private final SparkSession querySession;
    private final SqlGuard guard;
    private final ExecutorSettings settings;
    private final DataDate dataDate;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private static final ThreadLocal<String> SCOPE = new ThreadLocal<>();
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** One query in flight: its scope (null outside any) and whether a cancel reached it. */
    private static final class Running
    {
        private final String scope;
        private volatile boolean cancelRequested;

        private Running(String scope)
        {
            this.scope = scope;
        }
    }

    /** An executor whose results carry no data date (tools and tests that need none). */
    public QueryExecutor(SparkSession querySession, SqlGuard guard, ExecutorSettings settings)
    {
        this(querySession, guard, settings, new DataDate(querySession));
    }

    /** @param dataDate the data date each result records (usually {@code DataDate.of(session, model)}) */
    public QueryExecutor(SparkSession querySession, SqlGuard guard, ExecutorSettings settings, DataDate dataDate)
    {
        this.querySession = requireNonNull(querySession, "querySession is null");
        this.guard = requireNonNull(guard, "guard is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.dataDate = requireNonNull(dataDate, "dataDate is null");
    }

    public ExecutorSettings settings()
    {
        return settings;
    }

    /**
     * Guards and runs one query.
     *
     * @throws AurumException SQL_REJECTED (guard), TIMEOUT, CANCELLED, RUN_FAILED (Spark error, message says why)
     */
    public QueryResult execute(String sql)
    {
        GuardedQuery guarded = guard.inspect(sql);
        long start = System.nanoTime();
        // the cap is part of the plan: Spark stops reading once it has cap + 1 rows
        Dataset<Row> capped = guarded.dataset().limit(settings.rowCap() + 1);
        List<Row> rows = run(capped, guarded.verdict().sql());
        boolean truncated = rows.size() > settings.rowCap();
        if (truncated) {
            rows = rows.subList(0, settings.rowCap());
        }
        List<ResultColumn> columns = new ArrayList<>();
        for (StructField field : capped.schema().fields()) {
            columns.add(new ResultColumn(field.name(), field.dataType().simpleString()));
        }
        List<List<Object>> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Object> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                cells.add(plain(row.get(i)));
            }
            values.add(cells);
        }
        long executeMillis = (System.nanoTime() - start) / 1_000_000;
        LocalDate date = currentDataDate();
        return new QueryResult(guarded.verdict().sql(), columns, values, values.size(), truncated, guarded.verdict().guardMillis(), executeMillis,
                date, guarded.tableVersions());
    }

    /**
     * Runs {@code work} on this thread with every query it starts tagged with {@code scope}, so that
     * {@link #cancel(String)} can stop just those.
     */
    public static <T> T inScope(String scope, Supplier<T> work)
    {
        requireNonNull(scope, "scope is null");
        String outer = SCOPE.get();
        SCOPE.set(scope);
        try {
            return work.get();
        }
        finally {
            if (outer == null) {
                SCOPE.remove();
            }
            else {
                SCOPE.set(outer);
            }
        }
    }

    /** Cancels every query running now, if any (safe to call from another thread). */
    public void cancel()
    {
        running.forEach((group, query) -> cancel(group, query));
    }

    /** Cancels the queries running now that were started in {@code scope}; returns how many. */
    public int cancel(String scope)
    {
        requireNonNull(scope, "scope is null");
        int cancelled = 0;
        for (Map.Entry<String, Running> entry : running.entrySet()) {
            if (scope.equals(entry.getValue().scope)) {
                cancel(entry.getKey(), entry.getValue());
                cancelled++;
            }
        }
        return cancelled;
    }

    /** How many queries are running now. */
    public int runningQueries()
    {
        return running.size();
    }

    private void cancel(String group, Running query)
    {
        query.cancelRequested = true;
        querySession.sparkContext().cancelJobGroup(group);
    }

    private List<Row> run(Dataset<Row> dataset, String sql)
    {
        SparkContext context = querySession.sparkContext();
        String group = "aurum-query-" + UUID.randomUUID();
        CompletableFuture<List<Row>> future = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                context.setJobGroup(group, abbreviate(sql), true);
                future.complete(dataset.collectAsList());
            }
            catch (Throwable failure) {
                future.completeExceptionally(failure);
            }
            finally {
                context.clearJobGroup();
            }
        }, group);
        worker.setDaemon(true);
        Running query = new Running(SCOPE.get());
        running.put(group, query);
        worker.start();
        try {
            return await(future, group, query);
        }
        finally {
            running.remove(group);
        }
    }

    private List<Row> await(CompletableFuture<List<Row>> future, String group, Running query)
    {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (true) {
            if (query.cancelRequested) {
                stop(group, future);
                throw new AurumException(ErrorCode.CANCELLED, "the query was cancelled");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                stop(group, future);
                throw new AurumException(ErrorCode.TIMEOUT, "the query ran longer than " + settings.timeout().toSeconds()
                        + " s and was cancelled; narrow it with filters or fewer groups, or raise the timeout");
            }
            try {
                return future.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            }
            catch (TimeoutException e) {
                // poll again: the deadline or a cancel request ends the wait
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                querySession.sparkContext().cancelJobGroup(group);
                throw new AurumException(ErrorCode.CANCELLED, "the query was cancelled");
            }
            catch (CancellationException e) {
                throw new AurumException(ErrorCode.CANCELLED, "the query was cancelled");
            }
            catch (ExecutionException e) {
                if (query.cancelRequested) {
                    throw new AurumException(ErrorCode.CANCELLED, "the query was cancelled");
                }
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new AurumException(ErrorCode.RUN_FAILED, "the query failed while running: " + SparkMessages.clean(rootMessage(cause)), cause);
            }
        }
    }

    /**
     * Cancels the job group until the query's thread has finished: a cancel that arrives before Spark submitted the
     * job finds nothing to cancel, so it is repeated until the job is gone (at most {@link #STOP_WAIT}).
     */
    private void stop(String group, CompletableFuture<List<Row>> future)
    {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (!future.isDone() && System.nanoTime() < deadline) {
            querySession.sparkContext().cancelJobGroup(group);
            try {
                future.get(100, TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException | ExecutionException | CancellationException e) {
                // still running (try again) or ended
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        future.cancel(true);
    }

    private LocalDate currentDataDate()
    {
        try {
            return dataDate.current();
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private static String rootMessage(Throwable failure)
    {
        Throwable current = failure;
        String message = failure.getMessage();
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
            if (current.getMessage() != null) {
                message = current.getMessage();
            }
        }
        return message == null ? failure.toString() : message;
    }

    /** Spark values to plain Java values (see {@link QueryResult}); nested values become lists and maps. */
    static Object plain(Object value)
    {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Double
                || value instanceof BigDecimal || value instanceof Boolean || value instanceof LocalDate || value instanceof java.time.Instant) {
            return value;
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Row row) {
            Map<String, Object> struct = new LinkedHashMap<>();
            StructField[] fields = row.schema() == null ? new StructField[0] : row.schema().fields();
            for (int i = 0; i < row.size(); i++) {
                struct.put(i < fields.length ? fields[i].name() : "_" + (i + 1), plain(row.get(i)));
            }
            return struct;
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            List<Object> list = new ArrayList<>();
            for (Object element : seqAsJavaList(seq)) {
                list.add(plain(element));
            }
            return list;
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            mapAsJavaMap(map).forEach((key, element) -> copy.put(plain(key), plain(element)));
            return copy;
        }
        if (value instanceof CalendarInterval interval) {
            return interval.toString();
        }
        return value.toString();
    }

    private static String abbreviate(String sql)
    {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197) + "...";
    }
}
