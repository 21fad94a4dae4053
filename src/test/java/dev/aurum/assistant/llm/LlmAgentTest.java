package dev.aurum.assistant.llm;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerLog;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.Route;
import dev.aurum.assistant.Router;
import dev.aurum.assistant.RouterSettings;
import dev.aurum.assistant.SqlRunner;
import dev.aurum.assistant.offline.SemanticPlanner;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.assistant.proposal.Turn;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.semantic.ValueIndex;
import dev.aurum.semantic.ValueIndexBuilder;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.SqlGuard;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent against a scripted OpenAI-compatible server on 127.0.0.1 that records every request: what the prompt
 * carries, the tolerant reply parsing, the guard/analyzer/join-check repairs and the resilience of the model call.
 */
@SparkTest
class LlmAgentTest
{
    private static final String REVENUE_2017 = "SELECT SUM(CASE WHEN is_revenue THEN order_value ELSE 0 END) AS revenue FROM gold.order_facts WHERE year = 2017";

    private static GoldFixture gold;
    private static SemanticModel model;
    private static ValueIndex values;
    private static SqlGuard guard;
    private static QueryExecutor executor;
    private static PromptTemplates templates;

    private ScriptedOpenAiServer server;

    @BeforeAll
    static void setUp()
    {
        gold = GoldFixture.shared();
        SparkSession query = SparkSessions.querySession(TestSpark.get());
        model = new SemanticModelLoader().load(Path.of(SemanticModelLoader.DEFAULT_MODEL));
        values = ValueIndexBuilder.fromSampleValues(model);
        guard = new SqlGuard(query, Set.copyOf(model.baseTables()));
        executor = new QueryExecutor(query, guard, ExecutorSettings.defaults());
        templates = new PromptTemplates(ProjectFiles.fromEnvironment()::read);
    }

    @BeforeEach
    void startServer()
    {
        gold.register();
        server = new ScriptedOpenAiServer();
    }

    @AfterEach
    void stopServer()
    {
        server.close();
    }

    private LlmSettings.Builder settings()
    {
        return LlmSettings.builder().model("scripted-model").baseUrl(server.baseUrl()).apiKey("test-key").timeout(Duration.ofSeconds(20)).maxRetries(2);
    }

    private LlmAgent agent(Consumer<LlmSettings.Builder> tweak)
    {
        LlmSettings.Builder builder = settings();
        tweak.accept(builder);
        return LlmAgent.create(builder.build(), ChatModels::create, model, values, Optional.empty(), new SparkSqlCheck(guard), gold::dataDate, templates)
                .orElseThrow();
    }

    private LlmAgent agent()
    {
        return agent(builder -> {});
    }

    private Router router(Optional<LlmAgent> llm, Optional<String> modelName)
    {
        SqlRunner runner = new SqlRunner()
        {
            @Override
            public QueryResult run(String sql)
            {
                return executor.execute(sql);
            }

            @Override
            public void cancel() {}
        };
        return new Router(model, new SemanticPlanner(model, values, gold::dataDate), Optional.empty(), llm, runner, new RouterSettings(modelName), AnswerLog.NONE);
    }

    @Test
    void promptCarriesRelevantTablesMetricsSimilarVerifiedQueryDataDateAndValues()
    {
        server.reply(ScriptedOpenAiServer.sqlReply(REVENUE_2017));
        Proposal proposal = agent().propose(Question.of("What was revenue in SP in 2017?"));

        assertThat(proposal).isInstanceOf(Proposal.Sql.class);
        assertThat(server.requests()).hasSize(1);
        String prompt = server.messages(0);
        assertThat(prompt)
                .contains("## gold.order_facts")
                .contains("revenue = ROUND(COALESCE(SUM(CASE WHEN is_revenue THEN order_value END), 0), 2)")
                .contains("customer_state string")
                .contains("What was revenue in {customer_state} in {year}?")
                .contains("Data date (the anchor of relative time): " + gold.dataDate())
                .contains("is customer_state = 'SP'")
                .contains("Spark SQL dialect notes");
        com.fasterxml.jackson.databind.JsonNode body = readJson(server.requests().get(0));
        assertThat(body.get("model").asText()).isEqualTo("scripted-model");
        assertThat(body.get("temperature").asDouble()).isZero();
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_object");
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String text)
    {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void sqlInMarkdownFenceWithProseIsProposed()
    {
        server.reply("Sure! Here is the query you need:\n\n```sql\n" + REVENUE_2017 + "\n```\n\nIt sums revenue orders of 2017.");
        Proposal proposal = agent().propose(Question.of("revenue in 2017"));

        assertThat(proposal).isInstanceOfSatisfying(Proposal.Sql.class, sql -> {
            assertThat(sql.sql()).isEqualTo(REVENUE_2017);
            assertThat(sql.attempts()).isEmpty();
            assertThat(sql.usage().promptTokens()).isPositive();
            assertThat(sql.usage().completionTokens()).isPositive();
        });
    }

    @Test
    void unknownColumnIsRepairedWithTheAnalyzerErrorAndNearestNames()
    {
        server.reply(ScriptedOpenAiServer.sqlReply("SELECT SUM(order_totl) AS revenue FROM gold.order_facts WHERE year = 2017"))
                .reply(ScriptedOpenAiServer.sqlReply(REVENUE_2017));
        Proposal proposal = agent().propose(Question.of("revenue in 2017"));

        assertThat(server.requests()).hasSize(2);
        String repair = server.lastMessage(1);
        assertThat(repair).contains("order_totl").contains("cannot be resolved").contains("Nearest valid columns of the semantic model: ").contains("order_value");
        assertThat(proposal).isInstanceOfSatisfying(Proposal.Sql.class, sql -> {
            assertThat(sql.sql()).isEqualTo(REVENUE_2017);
            assertThat(sql.attempts()).hasSize(1);
            assertThat(sql.attempts().get(0).sql()).contains("order_totl");
            assertThat(sql.attempts().get(0).error()).contains("cannot be resolved");
        });
    }

    @Test
    void undeclaredJoinAndFannedOutSumAreSentBackNamingTheProblem()
    {
        server.reply(ScriptedOpenAiServer.sqlReply("SELECT c.customer_state, COUNT(*) AS orders FROM gold.order_facts f JOIN gold.customers c ON f.order_id = c.customer_id GROUP BY c.customer_state"))
                .reply(ScriptedOpenAiServer.sqlReply("SELECT SUM(f.order_value) AS revenue FROM gold.order_facts f JOIN gold.order_items i ON i.order_id = f.order_id WHERE i.product_category = 'toys'"))
                .reply(ScriptedOpenAiServer.sqlReply("SELECT SUM(i.item_value) AS revenue FROM gold.order_items i JOIN gold.order_facts f ON i.order_id = f.order_id WHERE i.product_category = 'toys'"));
        Proposal proposal = agent().propose(Question.of("revenue of toys"));

        assertThat(server.requests()).hasSize(3);
        assertThat(server.lastMessage(1)).contains("gold.order_facts.order_id = gold.customers.customer_id is not a relationship of the semantic model")
                .contains("gold.order_facts.customer_id = gold.customers.customer_id");
        assertThat(server.lastMessage(2)).contains("SUM over gold.order_facts.order_value is fanned out").contains("order_items_to_order_facts");
        assertThat(proposal).isInstanceOfSatisfying(Proposal.Sql.class, sql -> {
            assertThat(sql.warnings()).isEmpty();
            assertThat(sql.attempts()).hasSize(2);
        });
    }

    @Test
    void joinProblemOnTheLastAttemptIsProposedWithAWarning()
    {
        server.reply(ScriptedOpenAiServer.sqlReply("SELECT SUM(f.order_value) AS revenue FROM gold.order_facts f JOIN gold.order_items i ON i.order_id = f.order_id"));
        Proposal proposal = agent(builder -> builder.maxAttempts(1)).propose(Question.of("revenue"));

        assertThat(proposal).isInstanceOfSatisfying(Proposal.Sql.class, sql -> assertThat(sql.warnings()).singleElement().asString().contains("fanned out"));
    }

    @Test
    void threeBadRepliesGiveAClearErrorAndNoRows()
    {
        server.reply(ScriptedOpenAiServer.sqlReply("SELECT nope FROM gold.order_facts"))
                .reply("I am not sure what you mean.")
                .reply(ScriptedOpenAiServer.sqlReply("SELECT revenue FROM gold.nowhere"));
        Answer answer = router(Optional.of(agent()), Optional.of("scripted-model")).newConversation(Engine.LLM).ask("q1", "revenue of the moon");

        assertThat(server.requests()).hasSize(3);
        assertThat(answer.status()).isEqualTo(AnswerStatus.ERROR);
        assertThat(answer.rows()).isNull();
        assertThat(answer.message()).contains("The LLM could not answer").contains("no usable SQL after 3 attempts").contains("gold.nowhere");
    }

    @Test
    void writesAndPathReadsFromTheModelAreRefusedByTheGuardAndChangeNoFile()
            throws IOException
    {
        Map<String, Long> before = files(gold.layout().root());
        server.reply(ScriptedOpenAiServer.sqlReply("DROP TABLE gold.order_facts"))
                .reply(ScriptedOpenAiServer.sqlReply("INSERT INTO gold.order_facts SELECT * FROM gold.order_facts"))
                .reply(ScriptedOpenAiServer.sqlReply("SELECT * FROM csv.`/etc/passwd`"));
        Answer answer = router(Optional.of(agent()), Optional.of("scripted-model")).newConversation(Engine.LLM).ask("q1", "drop the orders table");

        assertThat(answer.status()).isEqualTo(AnswerStatus.ERROR);
        assertThat(answer.rows()).isNull();
        assertThat(answer.provenance().attempts()).extracting(attempt -> attempt.error())
                .satisfiesExactly(
                        error -> assertThat(error).contains("only SELECT queries are allowed"),
                        error -> assertThat(error).contains("only SELECT queries are allowed"),
                        error -> assertThat(error).contains("reading files by path is not allowed"));
        assertThat(server.lastMessage(1)).contains("only SELECT queries are allowed");
        assertThat(files(gold.layout().root())).isEqualTo(before);
        assertThat(TestSpark.get().table("gold.order_facts").count()).isEqualTo(gold.orders().size());
    }

    private static Map<String, Long> files(Path root)
            throws IOException
    {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.getLastModifiedTime(path).toMillis() ^ Files.size(path) << 40);
            }
        }
        return files;
    }

    @Test
    void rateLimitThenSuccessIsRetried()
    {
        server.status(429).reply(ScriptedOpenAiServer.sqlReply(REVENUE_2017));
        Proposal proposal = agent().propose(Question.of("revenue in 2017"));

        assertThat(server.requests()).hasSize(2);
        assertThat(proposal).isInstanceOfSatisfying(Proposal.Sql.class, sql -> assertThat(sql.attempts()).isEmpty());
    }

    @Test
    void serverErrorsAfterRetriesAbstainWithTheStatus()
    {
        server.status(503).status(503).status(503);
        Proposal proposal = agent().propose(Question.of("revenue in 2017"));

        assertThat(server.requests()).hasSize(3);
        assertThat(proposal).isInstanceOfSatisfying(Proposal.Abstain.class, abstain -> assertThat(abstain.reason()).contains("failed (HTTP 5xx) after 2 retries"));
    }

    @Test
    void aTimeoutAbstainsWithAClearMessage()
    {
        server.slowReply(ScriptedOpenAiServer.sqlReply(REVENUE_2017), 3_000);
        Proposal proposal = agent(builder -> builder.timeout(Duration.ofSeconds(1)).maxRetries(0)).propose(Question.of("revenue in 2017"));

        assertThat(proposal).isInstanceOfSatisfying(Proposal.Abstain.class,
                abstain -> assertThat(abstain.reason()).contains("the model did not reply within 1 s").contains(server.baseUrl()));
    }

    @Test
    void aRejectedKeyAndAnUnreachableServerAbstainWithWhatToDo()
    {
        server.status(401);
        Proposal rejected = agent(builder -> builder.maxRetries(0)).propose(Question.of("revenue in 2017"));
        assertThat(rejected).isInstanceOfSatisfying(Proposal.Abstain.class, abstain -> assertThat(abstain.reason()).contains("rejected the API key").contains("AURUM_LLM_API_KEY"));

        String closed = server.baseUrl();
        server.close();
        Proposal unreachable = agent(builder -> builder.baseUrl(closed).maxRetries(0)).propose(Question.of("revenue in 2017"));
        assertThat(unreachable).isInstanceOfSatisfying(Proposal.Abstain.class, abstain -> assertThat(abstain.reason()).contains("cannot reach the model server at " + closed));
    }

    @Test
    void aReplyThatIsNotJsonIsSentBackThenRepaired()
    {
        server.reply("I think you should look at the revenue column.").reply(ScriptedOpenAiServer.sqlReply(REVENUE_2017));
        Proposal proposal = agent().propose(Question.of("revenue in 2017"));

        assertThat(server.lastMessage(1)).contains("the reply is neither the JSON object asked for nor SQL");
        assertThat(proposal).isInstanceOfSatisfying(Proposal.Sql.class, sql -> assertThat(sql.attempts()).hasSize(1));
    }

    @Test
    void aClarificationReplyIsProposedWithItsChoices()
    {
        server.reply("{\"clarification\": \"Best by revenue or by number of orders?\", \"choices\": [\"top 5 customers by revenue\", \"top 5 customers by orders\"]}");
        Proposal proposal = agent().propose(Question.of("who are our best customers?"));

        assertThat(proposal).isInstanceOfSatisfying(Proposal.Clarify.class, clarify -> {
            assertThat(clarify.message()).isEqualTo("Best by revenue or by number of orders?");
            assertThat(clarify.choices()).containsExactly("top 5 customers by revenue", "top 5 customers by orders");
        });
    }

    @Test
    void aFollowUpCarriesThePreviousQuestionAndSql()
    {
        server.reply(ScriptedOpenAiServer.sqlReply("SELECT customer_state, SUM(CASE WHEN is_revenue THEN order_value ELSE 0 END) AS revenue FROM gold.order_facts WHERE year = 2017 GROUP BY customer_state"));
        Question followUp = new Question("now by state", Optional.empty(), List.of(new Turn("revenue in 2017", REVENUE_2017)));
        agent().propose(followUp);

        assertThat(server.messages(0)).contains("- Question: revenue in 2017\n  SQL: " + REVENUE_2017).contains("Question: now by state");
    }

    @Test
    void noRequestWhenNoModelIsNamedEvenWithAnOpenAiKey()
    {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-real-looking", "AURUM_LLM_BASE_URL", server.baseUrl())).build();
        Optional<LlmAgent> agent = LlmAgent.create(settings, ChatModels::create, model, values, Optional.empty(), new SparkSqlCheck(guard), gold::dataDate, templates);

        assertThat(settings.apiKey()).isEqualTo("sk-real-looking");
        assertThat(agent).isEmpty();
        Router router = router(agent, settings.model());
        for (Engine engine : Engine.values()) {
            router.newConversation(engine).ask("q", "revenue per customer zodiac sign");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void noResultRowInAnyRequestUnlessSharingIsOn()
    {
        String sql = "SELECT customer_state, SUM(CASE WHEN is_revenue THEN order_value ELSE 0 END) AS revenue FROM gold.order_facts GROUP BY customer_state ORDER BY customer_state";
        server.reply(ScriptedOpenAiServer.sqlReply(sql));
        Answer answer = router(Optional.of(agent()), Optional.of("scripted-model")).newConversation(Engine.LLM).ask("q1", "revenue per state, please");
        assertThat(answer.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(answer.route()).isEqualTo(Route.LLM);
        assertThat(answer.rows()).isNotEmpty();
        LlmSummarizer private_ = new LlmSummarizer(ChatModels.create(settings().build()), settings().build(), templates);
        assertThat(private_.summarize(answer.question(), answer.columns(), answer.rows())).isEmpty();

        List<String> cells = answer.rows().stream().map(row -> row.get(1).toString()).filter(cell -> cell.length() > 3).toList();
        assertThat(cells).isNotEmpty();
        for (String request : server.requests()) {
            for (String cell : cells) {
                assertThat(request).doesNotContain(cell);
            }
        }
        int before = server.requests().size();

        LlmSettings sharing = settings().shareResults(true).build();
        server.reply("Revenue by state: " + answer.rows().get(0).get(0) + " had " + answer.rows().get(0).get(1) + ".");
        Optional<String> summary = new LlmSummarizer(ChatModels.create(sharing), sharing, templates).summarize(answer.question(), answer.columns(), answer.rows());
        assertThat(summary).hasValueSatisfying(text -> assertThat(text).contains(answer.rows().get(0).get(1).toString()));
        assertThat(server.requests()).hasSize(before + 1);
        assertThat(server.requests().get(before)).contains(cells.get(0));
    }

    @Test
    void aSharedSummaryStatingANumberNotInTheRowsIsDropped()
    {
        LlmSettings sharing = settings().shareResults(true).build();
        server.reply("Revenue was 999999.99 in SP.");
        Optional<String> summary = new LlmSummarizer(ChatModels.create(sharing), sharing, templates)
                .summarize("revenue in SP", List.of(new dev.aurum.sql.ResultColumn("revenue", "decimal(12,2)")), List.of(List.of(new java.math.BigDecimal("1234.50"))));

        assertThat(server.requests()).hasSize(1);
        assertThat(summary).isEmpty();
    }

    @Test
    void autoAnswersWhatThePlannerCoversWithoutARequestAndSendsWhatItDoesNot()
    {
        Router router = router(Optional.of(agent()), Optional.of("scripted-model"));
        Answer covered = router.newConversation(Engine.AUTO).ask("q1", "revenue in 2017");
        assertThat(covered.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(covered.route()).isEqualTo(Route.PLANNER);
        assertThat(server.requests()).isEmpty();

        server.reply(ScriptedOpenAiServer.sqlReply(REVENUE_2017));
        Answer sent = router.newConversation(Engine.AUTO).ask("q2", "revenue per customer zodiac sign");
        assertThat(server.requests()).hasSize(1);
        assertThat(server.messages(0)).contains("Question: revenue per customer zodiac sign");
        assertThat(sent.route()).isEqualTo(Route.LLM);
        assertThat(sent.status()).isEqualTo(AnswerStatus.ANSWERED);
        assertThat(sent.timings().promptTokens()).isPositive();
    }
}
