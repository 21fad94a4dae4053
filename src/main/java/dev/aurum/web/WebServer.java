package dev.aurum.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.FeedbackEntry;
import dev.aurum.assistant.FeedbackLog;
import dev.aurum.render.AnswerJson;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.VerifiedQuery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * {@code aurum serve}: the JSON API and the static pages, on the JDK's {@code com.sun.net.httpserver} (README "The
 * web app" says why this server). The pages use only the API; every response carries a Content-Security-Policy that
 * allows scripts from this server only (no inline script), request bodies are size-limited, and when a token is set
 * every API call must carry it.
 */
public final class WebServer
        implements AutoCloseable
{
    public static final String TOKEN_COOKIE = "aurum_token";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final Map<String, String> PAGES = Map.of(
            "/", "index.html",
            "/dashboards", "dashboards.html",
            "/data", "data.html",
            "/login", "login.html");
    private static final Pattern STATIC = Pattern.compile("/static/([a-z0-9-]+\\.(js|css|svg))");
    /** Bodies over the limit up to this size are read and dropped before the 413, so the client sees it. */
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;
    private static final Pattern CONVERSATION = Pattern.compile("/api/conversations/([0-9a-f-]{36})/(messages|reset|cancel|feedback)");
    private static final Pattern DASHBOARD = Pattern.compile("/api/dashboards/([^/]+)(/tiles)?");

    private final WebSettings settings;
    private final AnswerService answers;
    private final DashboardService dashboards;
    private final FeedbackLog feedback;
    private final SemanticModel model;
    private final StatusSource status;
    private final ObjectMapper json = new AnswerJson().mapper();
    private final Conversations conversations = new Conversations(1000);
    private final AtomicInteger sqlNumber = new AtomicInteger();
    private final Instant started = Instant.now();
    private HttpServer server;
    private ExecutorService threads;

    public WebServer(WebSettings settings, AnswerService answers, DashboardService dashboards, FeedbackLog feedback, SemanticModel model, StatusSource status)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.answers = requireNonNull(answers, "answers is null");
        this.dashboards = requireNonNull(dashboards, "dashboards is null");
        this.feedback = requireNonNull(feedback, "feedback is null");
        this.model = requireNonNull(model, "model is null");
        this.status = requireNonNull(status, "status is null");
    }

    /**
     * Binds and starts serving.
     *
     * @return the address to open, e.g. {@code http://127.0.0.1:8080/}
     * @throws AurumException BAD_INPUT when the port is taken or the host cannot be bound
     */
    public synchronized URI start()
    {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage()
                    + "); choose another --port or --host.", e);
        }
        AtomicInteger number = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "aurum-web-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        threads = Executors.newFixedThreadPool(settings.threads(), daemons);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    public synchronized int port()
    {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    @Override
    public synchronized void close()
    {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            securityHeaders(exchange.getResponseHeaders());
            try {
                route(exchange);
            }
            catch (HttpError e) {
                sendError(exchange, e.status(), e.getMessage());
            }
            catch (AurumException e) {
                sendError(exchange, httpStatus(e.code()), e.getMessage());
            }
            catch (RuntimeException e) {
                sendError(exchange, 500, "Internal error: " + e + " (see the server's output; please report this).");
            }
        }
    }

    private void route(HttpExchange exchange)
            throws IOException
    {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        checkHost(exchange);
        if (!path.startsWith("/api/")) {
            serveStatic(exchange, method, path);
            return;
        }
        if (path.equals("/api/login")) {
            requireMethod(method, "POST");
            login(exchange);
            return;
        }
        checkToken(exchange);
        Matcher conversation = CONVERSATION.matcher(path);
        Matcher dashboard = DASHBOARD.matcher(path);
        if (path.equals("/api/conversations")) {
            requireMethod(method, "POST");
            readBody(exchange, true);
            Conversations.Entry entry = conversations.add(answers.newConversation());
            sendJson(exchange, 201, Map.of("id", entry.id()));
        }
        else if (conversation.matches()) {
            requireMethod(method, "POST");
            Conversations.Entry entry = conversations.get(conversation.group(1))
                    .orElseThrow(() -> new HttpError(404, "There is no conversation " + conversation.group(1) + " (the server may have restarted); start one with POST /api/conversations."));
            switch (conversation.group(2)) {
                case "messages" -> {
                    String text = requiredText(readBody(exchange, false), "text", 2000);
                    sendJson(exchange, 200, entry.ask(text));
                }
                case "reset" -> {
                    readBody(exchange, true);
                    entry.reset();
                    sendJson(exchange, 200, Map.of("id", entry.id(), "reset", true));
                }
                case "cancel" -> {
                    readBody(exchange, true);
                    int cancelled = answers.cancel(entry.id());
                    sendJson(exchange, 200, Map.of("cancelled", cancelled > 0, "queries", cancelled));
                }
                default -> sendJson(exchange, 201, rate(entry, readBody(exchange, false)));
            }
        }
        else if (path.equals("/api/dashboards")) {
            requireMethod(method, "GET");
            List<Map<String, Object>> list = new ArrayList<>();
            for (Dashboard each : dashboards.list()) {
                list.add(ordered("name", each.name(), "title", each.title(), "description", each.description(), "tiles", each.tiles().size()));
            }
            sendJson(exchange, 200, list);
        }
        else if (dashboard.matches()) {
            String name = dashboard.group(1);
            if (dashboard.group(2) != null) {
                requireMethod(method, "POST");
                ObjectNode body = (ObjectNode) readBody(exchange, false);
                String title = body.path("dashboard_title").asText(name);
                body.remove("dashboard_title");
                Tile tile = parse(body, Tile.class, "tile");
                sendJson(exchange, 201, dashboardJson(dashboards.pin(name, title, tile)));
            }
            else if (method.equals("PUT")) {
                Dashboard edited = parse(readBody(exchange, false), Dashboard.class, "dashboard");
                sendJson(exchange, 200, dashboardJson(dashboards.replace(name, edited)));
            }
            else {
                requireMethod(method, "GET");
                sendJson(exchange, 200, viewJson(dashboards.open(name)));
            }
        }
        else if (path.equals("/api/sql")) {
            requireMethod(method, "POST");
            String sql = requiredText(readBody(exchange, false), "sql", 20_000);
            sendJson(exchange, 200, answers.runSql("sql" + sqlNumber.incrementAndGet(), sql));
        }
        else if (path.equals("/api/status")) {
            requireMethod(method, "GET");
            Map<String, Object> server = ordered("started", started.toString(), "conversations", conversations.size(), "dashboard_queries_run", dashboards.queriesRun());
            sendJson(exchange, 200, ordered("server", server, "pipeline", status.pipeline()));
        }
        else if (path.equals("/api/model")) {
            requireMethod(method, "GET");
            sendJson(exchange, 200, ordered("model", model, "sample_questions", sampleQuestions(model)));
        }
        else if (path.equals("/api/openapi.json")) {
            requireMethod(method, "GET");
            sendResource(exchange, "web/openapi.json", "application/json");
        }
        else {
            throw new HttpError(404, "No API at " + method + " " + path + "; GET /api/openapi.json describes the API.");
        }
    }

    // ---------------------------------------------------------------- security

    private static void securityHeaders(Headers headers)
    {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
    }

    /**
     * Without a token the server listens on loopback only; a Host header naming another host then means a page of
     * another site reached it through DNS rebinding, and is refused.
     */
    private void checkHost(HttpExchange exchange)
    {
        if (settings.token().isPresent()) {
            return;
        }
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("");
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
        if (!(name.equals("localhost") || name.equals("[::1]") || name.startsWith("127."))) {
            throw new HttpError(403, "This server answers on localhost only (Host '" + host + "' refused); set AURUM_WEB_TOKEN to serve other hosts.");
        }
    }

    private void checkToken(HttpExchange exchange)
    {
        if (settings.token().isEmpty()) {
            return;
        }
        String expected = settings.token().get();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String presented = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        }
        else {
            presented = cookie(exchange, TOKEN_COOKIE).orElse(null);
        }
        if (presented == null) {
            throw new HttpError(401, "This server needs its token: send 'Authorization: Bearer TOKEN' or sign in at /login.");
        }
        if (!sameSecret(presented, expected)) {
            throw new HttpError(401, "The token is wrong; sign in again at /login with the value of AURUM_WEB_TOKEN.");
        }
    }

    private void login(HttpExchange exchange)
            throws IOException
    {
        String presented = requiredText(readBody(exchange, false), "token", 1000);
        if (settings.token().isEmpty()) {
            sendJson(exchange, 200, Map.of("signed_in", true, "token_required", false));
            return;
        }
        if (!sameSecret(presented, settings.token().get())) {
            throw new HttpError(401, "The token is wrong; use the value of AURUM_WEB_TOKEN the server was started with.");
        }
        exchange.getResponseHeaders().add("Set-Cookie", TOKEN_COOKIE + "=" + settings.token().get() + "; Path=/; HttpOnly; SameSite=Strict");
        sendJson(exchange, 200, Map.of("signed_in", true, "token_required", true));
    }

    private static boolean sameSecret(String presented, String expected)
    {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> cookie(HttpExchange exchange, String name)
    {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                String trimmed = part.trim();
                if (trimmed.startsWith(name + "=")) {
                    return Optional.of(trimmed.substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- requests

    private static void requireMethod(String method, String expected)
    {
        if (!method.equals(expected)) {
            throw new HttpError(405, "Use " + expected + " here, not " + method + ".");
        }
    }

    /**
     * The JSON object in the request body (at most {@link WebSettings#maxBodyBytes()} bytes); an empty body is an empty
     * object when {@code emptyAllowed}. POST bodies must be declared as JSON, so a plain HTML form of another site
     * cannot post here.
     */
    private JsonNode readBody(HttpExchange exchange, boolean emptyAllowed)
            throws IOException
    {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        int limit = settings.maxBodyBytes();
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            }
            catch (NumberFormatException e) {
                throw new HttpError(400, "The Content-Length header is not a number.");
            }
            if (length > limit) {
                // read a moderately large body before refusing it: a client still sending when the server closes the
                // connection sees a reset instead of the 413 and its message
                if (length <= DRAIN_LIMIT) {
                    // read, not skip: the JDK server's request stream does not count skipped bytes
                    try (InputStream in = exchange.getRequestBody()) {
                        byte[] buffer = new byte[8192];
                        while (in.read(buffer) >= 0) {
                            // dropped
                        }
                    }
                    catch (IOException e) {
                        // the client gave up; the answer below is still the right one
                    }
                }
                throw new HttpError(413, "The request body is larger than " + limit + " bytes.");
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(limit + 1);
        }
        if (body.length > limit) {
            throw new HttpError(413, "The request body is larger than " + limit + " bytes.");
        }
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            if (emptyAllowed) {
                return json.createObjectNode();
            }
            throw new HttpError(400, "The request needs a JSON object body, for example {\"text\": \"revenue by month\"}.");
        }
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "Send the body as JSON with the header Content-Type: application/json.");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        }
        catch (JsonProcessingException e) {
            throw new HttpError(400, "The request body is not valid JSON: " + e.getOriginalMessage() + ".");
        }
        if (node == null || !node.isObject()) {
            throw new HttpError(400, "The request body must be a JSON object, for example {\"text\": \"revenue by month\"}.");
        }
        return node;
    }

    private static String requiredText(JsonNode body, String field, int maxLength)
    {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new HttpError(400, "The body needs a non-empty string field \"" + field + "\".");
        }
        if (value.asText().length() > maxLength) {
            throw new HttpError(400, "\"" + field + "\" is longer than " + maxLength + " characters.");
        }
        return value.asText().strip();
    }

    private <T> T parse(JsonNode body, Class<T> type, String what)
    {
        try {
            return json.treeToValue(body, type);
        }
        catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof AurumException)) {
                cause = cause.getCause();
            }
            String message = cause instanceof AurumException ? cause.getMessage()
                    : e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
            throw new HttpError(400, "The " + what + " is not valid: " + message);
        }
    }

    private Map<String, Object> rate(Conversations.Entry entry, JsonNode body)
    {
        String answerId = requiredText(body, "answer_id", 100);
        String rating = requiredText(body, "rating", 10);
        String comment = body.path("comment").isTextual() ? body.path("comment").asText() : null;
        if (comment != null && comment.length() > 2000) {
            throw new HttpError(400, "\"comment\" is longer than 2000 characters.");
        }
        Answer answer = entry.answer(answerId).orElseThrow(() -> new HttpError(404, "This conversation has no answer " + answerId + "."));
        FeedbackEntry stored = feedback.record(answer, rating, comment);
        return ordered("answer_id", answerId, "rating", stored.rating());
    }

    // ---------------------------------------------------------------- responses

    private Map<String, Object> dashboardJson(Dashboard dashboard)
    {
        return ordered("name", dashboard.name(), "title", dashboard.title(), "description", dashboard.description(), "tiles", dashboard.tiles());
    }

    private Map<String, Object> viewJson(DashboardService.DashboardView view)
    {
        List<Map<String, Object>> tiles = new ArrayList<>();
        for (DashboardService.TileView tile : view.tiles()) {
            Map<String, Object> result = null;
            if (tile.result() != null) {
                result = ordered("columns", tile.result().columns(), "rows", tile.result().rows(), "row_count", tile.result().rowCount(),
                        "truncated", tile.result().truncated(), "data_date", tile.result().dataDate(), "table_versions", tile.result().tableVersions());
            }
            Map<String, Object> json = ordered("id", tile.tile().id(), "title", tile.tile().title(), "question", tile.tile().question(), "sql", tile.tile().sql(),
                    "chart", tile.tile().chart(), "x", tile.tile().x(), "y", tile.tile().y(), "size", tile.tile().size());
            json.putAll(ordered("result", result, "error", tile.error(), "cached", tile.cached(), "ms", tile.millis()));
            tiles.add(json);
        }
        return ordered("name", view.dashboard().name(), "title", view.dashboard().title(), "description", view.dashboard().description(),
                "tiles", tiles, "queries_run", view.queriesRun(), "ms", view.millis());
    }

    /** Questions of the verified queries, their {parameters} filled with a sample value of their dimension (those without one are left out). */
    static List<String> sampleQuestions(SemanticModel model)
    {
        Map<String, String> samples = new LinkedHashMap<>();
        for (SemanticTable table : model.tables()) {
            for (Dimension dimension : table.dimensions()) {
                if (!dimension.sampleValues().isEmpty()) {
                    samples.putIfAbsent(table.name() + "." + dimension.name(), dimension.sampleValues().get(0));
                }
            }
        }
        List<String> questions = new ArrayList<>();
        for (VerifiedQuery query : model.verifiedQueries()) {
            String question = query.question();
            for (Map.Entry<String, String> parameter : query.parameters().entrySet()) {
                String value = samples.get(parameter.getValue());
                if (value != null) {
                    question = question.replace("{" + parameter.getKey() + "}", value);
                }
            }
            if (!question.contains("{")) {
                questions.add(question);
            }
        }
        return questions;
    }

    private void sendJson(HttpExchange exchange, int status, Object body)
            throws IOException
    {
        send(exchange, status, "application/json; charset=utf-8", json.writeValueAsBytes(body));
    }

    private void sendError(HttpExchange exchange, int status, String message)
            throws IOException
    {
        ObjectNode error = json.createObjectNode();
        error.put("status", status);
        error.put("error", message);
        send(exchange, status, "application/json; charset=utf-8", json.writeValueAsBytes(error));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException
    {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void serveStatic(HttpExchange exchange, String method, String path)
            throws IOException
    {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpError(405, "Pages are read with GET.");
        }
        String page = PAGES.get(path.endsWith(".html") ? "/" + path.substring(1, path.length() - 5).replace("index", "") : path);
        if (page != null) {
            sendResource(exchange, "web/" + page, "text/html; charset=utf-8");
            return;
        }
        if (path.equals("/static/echarts.min.js")) {
            exchange.getResponseHeaders().set("Cache-Control", "max-age=86400");
            sendResource(exchange, ECHARTS, "text/javascript; charset=utf-8");
            return;
        }
        Matcher file = STATIC.matcher(path);
        if (file.matches()) {
            String type = switch (file.group(2)) {
                case "js" -> "text/javascript; charset=utf-8";
                case "css" -> "text/css; charset=utf-8";
                default -> "image/svg+xml";
            };
            sendResource(exchange, "web/" + file.group(1), type);
            return;
        }
        throw new HttpError(404, "Nothing at " + path + "; the pages are /, /dashboards and /data.");
    }

    private static void sendResource(HttpExchange exchange, String resource, String contentType)
            throws IOException
    {
        byte[] body;
        try (InputStream in = WebServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new HttpError(404, "Nothing at " + exchange.getRequestURI().getPath() + ".");
            }
            body = in.readAllBytes();
        }
        send(exchange, 200, contentType, body);
    }

    private static int httpStatus(ErrorCode code)
    {
        return switch (code) {
            case BAD_INPUT, SQL_REJECTED, REFUSED -> 400;
            case UNKNOWN_COLUMN -> 404;
            case LOCKED, CANCELLED -> 409;
            case TIMEOUT -> 504;
            case LLM_UNAVAILABLE -> 503;
            case NOT_BUILT -> 501;
            case NO_LAKEHOUSE, RUN_FAILED, GATE_FAILED, INTERNAL -> 500;
        };
    }

    /** A map that keeps the order of its keys and accepts null values (Map.of refuses both). */
    private static Map<String, Object> ordered(Object... keysAndValues)
    {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
