package dev.aurum.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurum.assistant.FeedbackEntry;
import dev.aurum.assistant.FeedbackLog;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.testing.SparkTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API over HTTP on 127.0.0.1, with Spark and the JDK server in one JVM: questions are answered by a scripted
 * assistant whose queries run through the real SQL guard and executor on the fixture's Delta tables.
 */
@SparkTest
class WebApiTest
{
    @TempDir
    static Path state;

    private static WebFixture fixture;
    private static WebServer server;
    private static ApiClient api;
    private static FeedbackLog feedback;
    private static WebFixture.ScriptedAnswers answers;

    @BeforeAll
    static void start()
            throws IOException
    {
        fixture = WebFixture.shared();
        Path dashboards = state.resolve("dashboards");
        Files.createDirectories(dashboards);
        Files.writeString(dashboards.resolve("categories.yaml"), """
                title: Categories
                tiles:
                  - title: Revenue by category
                    sql: SELECT product_category, revenue FROM webtest.category_sales ORDER BY revenue DESC
                    chart: bar
                """);
        ExecutorService tiles = Executors.newFixedThreadPool(2);
        DashboardService dashboardService = new DashboardService(new DashboardStore(dashboards), sql -> fixture.executor().execute(sql), fixture.versions(), tiles);
        feedback = new FeedbackLog(state.resolve("_aurum"), Clock.systemUTC());
        SemanticModel model = new SemanticModelLoader().parse(new ProjectFiles(Path.of(".")).read(SemanticModelLoader.DEFAULT_MODEL), SemanticModelLoader.DEFAULT_MODEL);
        answers = (WebFixture.ScriptedAnswers) fixture.answers();
        server = new WebServer(WebSettings.of("127.0.0.1", 0, Optional.empty()), answers, dashboardService, feedback, model,
                () -> Map.of("tables", List.of(Map.of("table", "gold.order_facts", "version", 3))));
        server.start();
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop()
    {
        server.close();
    }

    @Test
    void aQuestionIsAnsweredWithTheJsonAnswerOfSparkResults()
    {
        String conversation = api.conversation();

        ApiClient.Response response = api.ask(conversation, "revenue by category");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode answer = response.json();
        assertThat(answer.get("status").asText()).isEqualTo("answered");
        assertThat(answer.get("id").asText()).isEqualTo("q1");
        assertThat(answer.get("columns").findValuesAsText("name")).containsExactly("product_category", "revenue");
        assertThat(answer.get("rows")).hasSize(4);
        assertThat(answer.get("rows").get(0).get(0).asText()).isEqualTo("electronics");
        assertThat(answer.get("rows").get(0).get(1).decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(answer.get("provenance").get("table_versions").get("webtest.category_sales").asLong()).isGreaterThanOrEqualTo(0);
        // every field of the JSON answer is present, null when it does not apply
        assertThat(answer.fieldNames()).toIterable().containsExactly("id", "question", "status", "route", "sql", "columns", "rows", "row_count", "truncated",
                "summary", "message", "choices", "chart", "analysis", "provenance", "timings");
        assertThat(answer.get("choices").isNull()).isTrue();
    }

    @Test
    void aClarificationIsAnsweredByAskingOneOfItsChoicesInTheSameConversation()
    {
        String conversation = api.conversation();

        JsonNode clarification = api.ask(conversation, "revenue").json();
        assertThat(clarification.get("status").asText()).isEqualTo("clarification");
        assertThat(clarification.get("choices").findValuesAsText("")).isEmpty();
        List<String> choices = new ArrayList<>();
        clarification.get("choices").forEach(choice -> choices.add(choice.asText()));
        assertThat(choices).containsExactly("revenue by category", "revenue by category, top 2");

        JsonNode chosen = api.ask(conversation, choices.get(1)).json();

        assertThat(chosen.get("status").asText()).isEqualTo("answered");
        assertThat(chosen.get("id").asText()).isEqualTo("q2");
        assertThat(chosen.get("route").asText()).as("the scripted assistant marks an answered choice").isEqualTo("planner");
        assertThat(chosen.get("rows")).hasSize(2);
    }

    @Test
    void aFollowUpRefinesThePreviousAnswerOfItsConversationOnly()
    {
        String first = api.conversation();
        String second = api.conversation();
        assertThat(api.ask(first, "revenue by category").json().get("rows")).hasSize(4);

        JsonNode refined = api.ask(first, "only the top 3").json();
        JsonNode elsewhere = api.ask(second, "only the top 3").json();

        assertThat(refined.get("status").asText()).isEqualTo("answered");
        assertThat(refined.get("rows")).hasSize(3);
        assertThat(refined.get("sql").asText()).endsWith("LIMIT 3");
        assertThat(elsewhere.get("status").asText()).as("the other conversation has nothing to refine").isEqualTo("refused");
    }

    @Test
    void sqlTheGuardRejectsIsRefusedAndChangesNothing()
    {
        ApiClient.Response response = api.post("/api/sql", "{\"sql\": \"DROP TABLE webtest.order_status\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("refused");
        assertThat(response.json().get("message").asText()).isNotBlank();
        assertThat(fixture.spark().catalog().tableExists("webtest.order_status")).isTrue();

        JsonNode accepted = api.post("/api/sql", "{\"sql\": \"SELECT COUNT(*) AS n FROM webtest.order_status\"}").json();
        assertThat(accepted.get("status").asText()).isEqualTo("answered");
        assertThat(accepted.get("rows").get(0).get(0).asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void malformedRequestsGetAClearClientError()
    {
        String conversation = api.conversation();
        String messages = "/api/conversations/" + conversation + "/messages";

        ApiClient.Response notJson = api.post(messages, "{\"text\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asText()).startsWith("The request body is not valid JSON");

        ApiClient.Response noText = api.post(messages, "{\"question\": 3}");
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.json().get("error").asText()).contains("\"text\"");

        assertThat(api.post(messages, "[1, 2]").status()).isEqualTo(400);
        assertThat(api.post(messages, "").status()).isEqualTo(400);

        ApiClient.Response tooLarge = api.post(messages, "{\"text\": \"" + "x".repeat(WebSettings.DEFAULT_MAX_BODY_BYTES) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);

        ApiClient.Response form = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + messages))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString("text=hi")));
        assertThat(form.status()).as("a cross-site HTML form cannot post").isEqualTo(415);

        ApiClient.Response unknown = api.ask("00000000-0000-0000-0000-000000000000", "revenue");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("POST /api/conversations");

        assertThat(api.get("/api/nothing-here").status()).isEqualTo(404);
        assertThat(api.get("/api/sql").status()).isEqualTo(405);
        assertThat(api.put("/api/dashboards/categories", "{\"tiles\": [{\"title\": \"no sql\"}]}").status()).isEqualTo(400);
        assertThat(api.get("/api/dashboards/Bad.Name").status()).isEqualTo(400);
        assertThat(api.get("/api/dashboards/..%2F..%2Fetc").status()).isEqualTo(404);
    }

    @Test
    void thumbsUpAndDownGoToTheFeedbackLog()
    {
        String conversation = api.conversation();
        JsonNode answer = api.ask(conversation, "orders by status").json();
        assertThat(answer.has("id")).as("the answer carries an id: %s", answer).isTrue();

        ApiClient.Response rated = api.post("/api/conversations/" + conversation + "/feedback",
                "{\"answer_id\": \"" + answer.get("id").asText() + "\", \"rating\": \"bad\", \"comment\": \"missing lost orders\"}");
        ApiClient.Response wrong = api.post("/api/conversations/" + conversation + "/feedback", "{\"answer_id\": \"q1\", \"rating\": \"meh\"}");

        assertThat(rated.status()).isEqualTo(201);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(feedback.read()).anySatisfy(entry -> {
            assertThat(entry.rating()).isEqualTo(FeedbackEntry.BAD);
            assertThat(entry.question()).isEqualTo("orders by status");
            assertThat(entry.comment()).isEqualTo("missing lost orders");
        });
    }

    @Test
    void cancelReachesTheAssistant()
    {
        String conversation = api.conversation();
        int before = answers.cancels.size();

        assertThat(api.post("/api/conversations/" + conversation + "/cancel", "{}").status()).isEqualTo(200);

        // the cancel names this conversation only, so other users' queries are left alone
        assertThat(answers.cancels).hasSize(before + 1).last().isEqualTo(conversation);
    }

    @Test
    void twentyConcurrentClientsAllGetAnswers()
            throws Exception
    {
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<String> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Callable<List<Integer>>> work = new ArrayList<>();
            for (int client = 0; client < 20; client++) {
                int number = client;
                work.add(() -> {
                    ApiClient own = new ApiClient(server.port());
                    String conversation = own.conversation();
                    List<Integer> statuses = new ArrayList<>();
                    for (String question : List.of("revenue by category", "only the top " + (1 + number % 3))) {
                        ApiClient.Response response = own.ask(conversation, question);
                        statuses.add(response.status());
                        if (!response.json().path("status").asText().equals("answered")) {
                            statuses.add(-1);
                            unanswered.add(question + " -> " + response.status() + " " + response.json());
                        }
                    }
                    statuses.add(own.get("/api/dashboards/categories").status());
                    return statuses;
                });
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> result : clients.invokeAll(work)) {
                all.addAll(result.get());
            }
            assertThat(unanswered).as("questions that were not answered, with the reply").isEmpty();
            assertThat(all).hasSize(20 * 3).containsOnly(200);
        }
        finally {
            clients.shutdownNow();
        }
    }

    @Test
    void pagesForbidInlineScriptsAndLoadOnlyTheirOwnFiles()
    {
        for (String page : List.of("/", "/dashboards", "/data", "/login")) {
            ApiClient.Response response = api.get(page);
            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(policy -> {
                assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            });
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(response.body());
            int count = 0;
            while (scripts.find()) {
                count++;
                assertThat(scripts.group(1)).as(page + ": every script comes from a file").contains("src=\"/static/");
                assertThat(scripts.group(2)).as(page + ": no inline code").isBlank();
                ApiClient.Response script = api.get(scripts.group(1).replaceAll(".*src=\"([^\"]+)\".*", "$1"));
                assertThat(script.status()).as(scripts.group(1)).isEqualTo(200);
            }
            assertThat(count).as(page).isPositive();
            assertThat(response.body()).doesNotContainPattern("(?i)\\son[a-z]+=");
        }
        ApiClient.Response echarts = api.get("/static/echarts.min.js");
        assertThat(echarts.body().length()).as("ECharts comes from the jar").isGreaterThan(500_000);
        assertThat(api.get("/static/../../../etc/passwd").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDescriptionNamesEveryEndpoint()
    {
        JsonNode spec = api.get("/api/openapi.json").json();

        assertThat(spec.get("openapi").asText()).startsWith("3.");
        assertThat(spec.get("paths").fieldNames()).toIterable().contains("/api/conversations", "/api/conversations/{id}/messages", "/api/dashboards",
                "/api/dashboards/{name}", "/api/sql", "/api/status", "/api/openapi.json");
    }

    @Test
    void statusAndModelFeedTheDataPage()
    {
        JsonNode status = api.get("/api/status").json();
        JsonNode model = api.get("/api/model").json();

        assertThat(status.get("pipeline").get("tables").get(0).get("table").asText()).isEqualTo("gold.order_facts");
        assertThat(status.get("server").get("dashboard_queries_run").isNumber()).isTrue();
        assertThat(model.get("model").get("tables").findValuesAsText("base_table")).contains("gold.order_facts");
        assertThat(model.get("sample_questions")).isNotEmpty();
        model.get("sample_questions").forEach(question -> assertThat(question.asText()).doesNotContain("{"));
    }

    @Test
    void aRequestNamingAnotherHostIsRefusedWithoutAToken()
            throws IOException
    {
        // a page of another site that rebinds its DNS name to 127.0.0.1 still sends its own Host header
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/status HTTP/1.1\r\nHost: attacker.example:8080\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).contains(" 403");
        }
    }
}
