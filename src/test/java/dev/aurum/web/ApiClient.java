package dev.aurum.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client of the web API for tests (127.0.0.1 only). */
final class ApiClient
{
    record Response(int status, String body, java.net.http.HttpHeaders headers)
    {
        JsonNode json()
        {
            try {
                return new ObjectMapper().readTree(body);
            }
            catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    ApiClient(int port)
    {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    Response get(String path, String... headers)
    {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    Response post(String path, String json, String... headers)
    {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), headers);
    }

    Response put(String path, String json, String... headers)
    {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), headers);
    }

    Response send(HttpRequest.Builder request, String... headers)
    {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a conversation and returns its id. */
    String conversation()
    {
        Response created = post("/api/conversations", "{}");
        if (created.status() != 201) {
            throw new IllegalStateException("cannot start a conversation: " + created);
        }
        return created.json().get("id").asText();
    }

    Response ask(String conversation, String text)
    {
        return post("/api/conversations/" + conversation + "/messages", new ObjectMapper().createObjectNode().put("text", text).toString());
    }
}
