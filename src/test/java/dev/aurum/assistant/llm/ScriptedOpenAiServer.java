package dev.aurum.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 (a free port) that records every request body and
 * answers from a script: a reply's content with token usage, an HTTP error status, or a reply after a delay. With the
 * script exhausted it answers 500, so a test that sends more requests than it scripted fails loudly. Public for the
 * tests of other packages that reach a model (init --describe).
 */
public final class ScriptedOpenAiServer
        implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    record Step(int status, String content, long delayMillis) {}

    private final HttpServer server;
    private final Deque<Step> script = new ArrayDeque<>();
    /** Answers a request body when the script is empty (null: answer 500). */
    private java.util.function.Function<String, String> fallback;
    private final List<String> requests = new ArrayList<>();

    public ScriptedOpenAiServer()
    {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Replies to every request the script does not cover with {@code answer(request body)}. */
    synchronized ScriptedOpenAiServer otherwise(java.util.function.Function<String, String> answer)
    {
        this.fallback = answer;
        return this;
    }

    public String baseUrl()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public synchronized ScriptedOpenAiServer reply(String content)
    {
        script.addLast(new Step(200, content, 0));
        return this;
    }

    synchronized ScriptedOpenAiServer status(int status)
    {
        script.addLast(new Step(status, null, 0));
        return this;
    }

    synchronized ScriptedOpenAiServer slowReply(String content, long delayMillis)
    {
        script.addLast(new Step(200, content, delayMillis));
        return this;
    }

    /** The JSON object the reply prompt asks for. */
    static String sqlReply(String sql)
    {
        ObjectNode node = JSON.createObjectNode();
        node.put("sql", sql);
        node.put("explanation", "scripted");
        return node.toString();
    }

    public synchronized List<String> requests()
    {
        return List.copyOf(requests);
    }

    /** The text of every message of request {@code index}, joined. */
    String messages(int index)
    {
        try {
            JsonNode body = JSON.readTree(requests().get(index));
            StringBuilder text = new StringBuilder();
            body.get("messages").forEach(message -> text.append(message.get("role").asText()).append(": ").append(message.get("content").asText()).append("\n"));
            return text.toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last message (the newest user message) of request {@code index}. */
    public String lastMessage(int index)
    {
        try {
            JsonNode messages = JSON.readTree(requests().get(index)).get("messages");
            return messages.get(messages.size() - 1).get("content").asText();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Step step;
        synchronized (this) {
            requests.add(body);
            step = script.pollFirst();
            if (step == null && fallback != null) {
                step = new Step(200, fallback.apply(body), 0);
            }
        }
        if (step == null) {
            send(exchange, 500, "{\"error\":{\"message\":\"the scripted server has no reply left\"}}");
            return;
        }
        if (step.delayMillis() > 0) {
            try {
                Thread.sleep(step.delayMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (step.status() != 200) {
            send(exchange, step.status(), "{\"error\":{\"message\":\"scripted status " + step.status() + "\",\"type\":\"scripted\"}}");
            return;
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("id", "chatcmpl-" + requests().size());
        response.put("object", "chat.completion");
        response.put("created", 0);
        response.put("model", "scripted");
        ObjectNode choice = response.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", step.content());
        choice.put("finish_reason", "stop");
        int promptTokens = body.length() / 4;
        int completionTokens = step.content().length() / 4;
        response.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens).put("total_tokens", promptTokens + completionTokens);
        send(exchange, 200, response.toString());
    }

    private static void send(HttpExchange exchange, int status, String body)
            throws IOException
    {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
