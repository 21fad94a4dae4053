package dev.aurum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * The JSON object in a language model's reply, whether bare, fenced or inside prose: the text from the first
 * {@code {} to the last {@code }}. Shared by every reader of such replies ({@code init --describe}, the statistics
 * route's chooser), which depend on nothing else of each other.
 */
public final class JsonReplies
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReplies() {}

    /** The reply's JSON object, or empty when it holds none or what it holds does not parse. */
    public static Optional<JsonNode> object(String reply)
    {
        if (reply == null) {
            return Optional.empty();
        }
        int open = reply.indexOf('{');
        int close = reply.lastIndexOf('}');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(reply.substring(open, close + 1)));
        }
        catch (Exception e) {
            return Optional.empty();
        }
    }
}
