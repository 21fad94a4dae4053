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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;
import static scala.collection.JavaConverters.mapAsJavaMap;
import static scala.collection.JavaConverters.seqAsJavaList;

/**
 * Runs guarded SQL within limits: a row cap applied to the plan, a timeout that cancels the Spark job group, and
 * {@link #cancel()} for Ctrl-C. Every result records the data date and the Delta versions of the tables it read.
 */
public final class QueryExecutor
{
    private final SparkSession querySession;
    private final SqlGuard guard;
    private final ExecutorSettings settings;
    private final DataDate dataDate;
    private final Object lock = new Object();
    private String runningGroup;
    private boolean cancelRequested;

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

    /** Cancels the query running now, if any (safe to call from another thread). */
    public void cancel()
    {
        synchronized (lock) {
            if (runningGroup != null) {
                cancelRequested = true;
                querySession.sparkContext().cancelJobGroup(runningGroup);
                lock.notifyAll();
            }
        }
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
        synchronized (lock) {
            runningGroup = group;
            cancelRequested = false;
        }
        worker.start();
        try {
            return await(future, group);
        }
        finally {
            synchronized (lock) {
                runningGroup = null;
            }
        }
    }

    private List<Row> await(CompletableFuture<List<Row>> future, String group)
    {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (true) {
            synchronized (lock) {
                if (cancelRequested) {
                    future.cancel(true);
                    throw new AurumException(ErrorCode.CANCELLED, "the query was cancelled");
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                querySession.sparkContext().cancelJobGroup(group);
                future.cancel(true);
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
                synchronized (lock) {
                    if (cancelRequested) {
                        throw new AurumException(ErrorCode.CANCELLED, "the query was cancelled");
                    }
                }
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new AurumException(ErrorCode.RUN_FAILED, "the query failed while running: " + SparkMessages.clean(rootMessage(cause)), cause);
            }
        }
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
