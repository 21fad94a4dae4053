package dev.aurum.web;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.Route;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.sql.DeltaLogVersions;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.SqlGuard;
import dev.aurum.sql.TableVersions;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Small Delta tables of the web tests in database {@code webtest} (in {@link TestSpark}'s session, in a temporary
 * folder), a real SQL guard and executor over them, and a hand-written assistant that answers a few questions with
 * real queries. One product category is {@value #HOSTILE_CATEGORY}, which every page must show as text.
 */
final class WebFixture
{
    static final String HOSTILE_CATEGORY = "<img src=x onerror=alert(1)>";
    static final String DATABASE = "webtest";

    private static WebFixture shared;

    private final SparkSession spark;
    private final Path root;
    private final Set<String> tables = ConcurrentHashMap.newKeySet();
    private volatile QueryExecutor executor;

    private WebFixture(SparkSession spark, Path root)
    {
        this.spark = spark;
        this.root = root;
    }

    static synchronized WebFixture shared()
    {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("aurum-web-fixture");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(root)));
                shared = new WebFixture(TestSpark.get(), root);
                shared.createCategorySales("category_sales");
                shared.createOrderStatus("order_status");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** product_category, revenue: four categories, one of them {@link #HOSTILE_CATEGORY}. */
    void createCategorySales(String name)
    {
        StructType schema = new StructType().add("product_category", DataTypes.StringType).add("revenue", DataTypes.createDecimalType(12, 2));
        write(name, schema, List.of(
                RowFactory.create("electronics", new BigDecimal("1200.50")),
                RowFactory.create(HOSTILE_CATEGORY, new BigDecimal("830.00")),
                RowFactory.create("toys", new BigDecimal("410.25")),
                RowFactory.create("bed_bath_table", new BigDecimal("95.10"))));
    }

    /** order_status, orders. */
    void createOrderStatus(String name)
    {
        StructType schema = new StructType().add("order_status", DataTypes.StringType).add("orders", DataTypes.LongType);
        write(name, schema, List.of(RowFactory.create("delivered", 40L), RowFactory.create("shipped", 5L), RowFactory.create("canceled", 3L)));
    }

    /** Appends one row: a new Delta version of the table, as a pipeline run would make. */
    void appendOrderStatus(String name, String status, long orders)
    {
        StructType schema = new StructType().add("order_status", DataTypes.StringType).add("orders", DataTypes.LongType);
        spark.createDataFrame(List.of(RowFactory.create(status, orders)), schema).write().format("delta").mode("append").save(folder(name).toString());
    }

    private void write(String name, StructType schema, List<Row> rows)
    {
        Path folder = folder(name);
        spark.createDataFrame(rows, schema).coalesce(1).write().format("delta").mode("overwrite").save(folder.toString());
        String qualified = DATABASE + "." + name;
        spark.sql("CREATE DATABASE IF NOT EXISTS " + DATABASE);
        spark.sql("DROP TABLE IF EXISTS " + qualified);
        spark.sql("CREATE TABLE " + qualified + " USING delta LOCATION '" + folder.toUri() + "'");
        tables.add(qualified);
        executor = null;
    }

    Path folder(String name)
    {
        return root.resolve(name);
    }

    /** {@code webtest.NAME} is this fixture's folder NAME. */
    TableVersions versions()
    {
        return new DeltaLogVersions(qualified -> {
            String name = qualified.toLowerCase(Locale.ROOT);
            return name.startsWith(DATABASE + ".") ? Optional.of(folder(name.substring(DATABASE.length() + 1))) : Optional.empty();
        });
    }

    /** A guard that allows the fixture's tables only, and an executor behind it. */
    synchronized QueryExecutor executor()
    {
        if (executor == null) {
            SparkSession query = SparkSessions.querySession(spark);
            executor = new QueryExecutor(query, new SqlGuard(query, new HashSet<>(tables)), new ExecutorSettings(1000, Duration.ofMinutes(5)));
        }
        return executor;
    }

    SparkSession spark()
    {
        return spark;
    }

    /** A hand-written assistant over the fixture's tables: see {@link ScriptedConversation}. */
    AnswerService answers()
    {
        return new ScriptedAnswers(this);
    }

    static final class ScriptedAnswers
            implements AnswerService
    {
        private final WebFixture fixture;
        final List<String> cancels = new CopyOnWriteArrayList<>();

        ScriptedAnswers(WebFixture fixture)
        {
            this.fixture = fixture;
        }

        @Override
        public Conversation newConversation()
        {
            return new ScriptedConversation(fixture);
        }

        @Override
        public Answer runSql(String id, String sql)
        {
            try {
                return answered(id, sql, Route.SQL, fixture.executor().execute(sql), "bar");
            }
            catch (AurumException e) {
                AnswerStatus status = e.code() == ErrorCode.SQL_REJECTED ? AnswerStatus.REFUSED : AnswerStatus.ERROR;
                return new Answer(id, sql, status, Route.SQL, sql, null, null, null, null, null, e.getMessage(), null, null, null, null, null);
            }
        }

        @Override
        public int cancel(String conversationId)
        {
            cancels.add(conversationId);
            return fixture.executor().cancel(conversationId);
        }
    }

    /**
     * "revenue by category" and "orders by status" are answered by queries over the fixture; "revenue" alone is a
     * clarification with the choices "revenue by category" and "revenue by category, top 2", a choice is answered
     * when asked in the same conversation, and "only the top N" refines the previous answer. Anything else is refused.
     */
    static final class ScriptedConversation
            implements Conversation
    {
        private final WebFixture fixture;
        private final List<String> pendingChoices = new ArrayList<>();
        private Answer last;

        ScriptedConversation(WebFixture fixture)
        {
            this.fixture = fixture;
        }

        @Override
        public Answer ask(String id, String question)
        {
            String text = question.trim().toLowerCase(Locale.ROOT);
            boolean choice = pendingChoices.stream().anyMatch(c -> c.equalsIgnoreCase(text));
            pendingChoices.clear();
            Answer answer;
            if (text.equals("revenue")) {
                pendingChoices.addAll(List.of("revenue by category", "revenue by category, top 2"));
                answer = new Answer(id, question, AnswerStatus.CLARIFICATION, null, null, null, null, null, null, null,
                        "Which revenue do you mean?", pendingChoices, null, null, null, null);
            }
            else if (text.startsWith("revenue by category")) {
                String sql = "SELECT product_category, revenue FROM webtest.category_sales ORDER BY revenue DESC" + (text.endsWith("top 2") ? " LIMIT 2" : "");
                answer = answered(id, question, choice ? Route.PLANNER : Route.TRUSTED, fixture.executor().execute(sql), "bar");
            }
            else if (text.equals("orders by status")) {
                answer = answered(id, question, Route.TRUSTED, fixture.executor().execute("SELECT order_status, orders FROM webtest.order_status ORDER BY orders DESC"), "bar");
            }
            else if (text.matches("only the top \\d+") && last != null && last.sql() != null) {
                String sql = last.sql().replaceAll("(?i)\\s+LIMIT \\d+$", "") + " LIMIT " + text.replaceAll("\\D", "");
                answer = answered(id, question, Route.PLANNER, fixture.executor().execute(sql), "bar");
            }
            else {
                answer = new Answer(id, question, AnswerStatus.REFUSED, null, null, null, null, null, null, null,
                        "The data cannot answer that.", null, null, null, null, null);
            }
            last = answer;
            return answer;
        }

        @Override
        public Optional<Answer> lastAnswer()
        {
            return Optional.ofNullable(last);
        }

        @Override
        public void reset()
        {
            last = null;
            pendingChoices.clear();
        }
    }

    static Answer answered(String id, String question, Route route, QueryResult result, String chartType)
    {
        Answer.Provenance provenance = new Answer.Provenance(List.of("revenue"), List.of(), List.of(), List.of(), null,
                List.of(new Understood(question, "a scripted question")), List.of(), result.dataDate(), result.tableVersions());
        Answer.Timings timings = new Answer.Timings(result.guardMillis() + result.executeMillis(), result.guardMillis(), result.executeMillis(), null, null, null);
        String x = result.columns().get(0).name();
        String y = result.columns().size() > 1 ? result.columns().get(1).name() : null;
        return new Answer(id, question, AnswerStatus.ANSWERED, route, result.sql(), result.columns(), result.rows(), result.rowCount(), result.truncated(),
                result.rowCount() + " rows", null, null, new ChartHint(chartType, x, y), null, provenance, timings);
    }

    private static void deleteRecursively(Path root)
    {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | UncheckedIOException e) {
            // best effort at exit
        }
    }
}
