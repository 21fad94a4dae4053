package dev.aurum.web;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.FeedbackLog;
import dev.aurum.semantic.SemanticModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server with a token (what a non-loopback bind requires) refuses API calls without it or with a wrong one, and
 * accepts the bearer header and the cookie of the sign-in page. Bound to 127.0.0.1: the check is the same on every
 * address once a token is set.
 */
class WebAuthTest
{
    private static final String TOKEN = "0123456789abcdef-test-token";

    @TempDir
    static Path state;

    private static WebServer server;
    private static ApiClient api;
    private static ExecutorService tiles;

    @BeforeAll
    static void start()
    {
        AnswerService answers = new AnswerService()
        {
            @Override
            public Conversation newConversation()
            {
                return new Conversation()
                {
                    @Override
                    public Answer ask(String id, String question)
                    {
                        return new Answer(id, question, AnswerStatus.REFUSED, null, null, null, null, null, null, null, "no data here", null, null, null, null, null);
                    }

                    @Override
                    public Optional<Answer> lastAnswer()
                    {
                        return Optional.empty();
                    }

                    @Override
                    public void reset() {}
                };
            }

            @Override
            public Answer runSql(String id, String sql)
            {
                throw new AssertionError("not used");
            }

            @Override
            public int cancel(String conversationId)
            {
                return 0;
            }
        };
        tiles = Executors.newSingleThreadExecutor();
        DashboardService dashboards = new DashboardService(new DashboardStore(state.resolve("dashboards")), sql -> {
            throw new AssertionError("not used");
        }, table -> -1, tiles);
        server = new WebServer(WebSettings.of("127.0.0.1", 0, Optional.of(TOKEN)), answers, dashboards, new FeedbackLog(state, Clock.systemUTC()),
                new SemanticModel("empty", "", List.of(), List.of(), List.of(), List.of()), Map::of);
        server.start();
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop()
    {
        server.close();
        tiles.shutdownNow();
    }

    @Test
    void withoutTheTokenOrWithAWrongOneTheApiAnswers401()
    {
        ApiClient.Response missing = api.get("/api/dashboards");
        ApiClient.Response wrong = api.get("/api/dashboards", "Authorization", "Bearer " + TOKEN + "x");
        ApiClient.Response wrongCookie = api.post("/api/conversations", "{}", "Cookie", WebServer.TOKEN_COOKIE + "=nope");
        ApiClient.Response wrongLogin = api.post("/api/login", "{\"token\": \"guess\"}");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("error").asText()).contains("Authorization: Bearer").contains("/login");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrongCookie.status()).isEqualTo(401);
        assertThat(wrongLogin.status()).isEqualTo(401);
        assertThat(wrongLogin.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theBearerHeaderAndTheSignInCookieAreAccepted()
    {
        assertThat(api.get("/api/dashboards", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(200);

        ApiClient.Response login = api.post("/api/login", "{\"token\": \"" + TOKEN + "\"}");
        assertThat(login.status()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");

        ApiClient.Response created = api.post("/api/conversations", "{}", "Cookie", cookie.substring(0, cookie.indexOf(';')));
        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void thePagesLoadWithoutTheTokenAndHoldNoData()
    {
        assertThat(api.get("/login").status()).isEqualTo(200);
        assertThat(api.get("/").status()).isEqualTo(200);
        assertThat(api.get("/api/openapi.json").status()).as("the API description is API too").isEqualTo(401);
    }
}
