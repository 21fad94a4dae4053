package dev.aurum.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.assistant.proposal.ChartHint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's reply tolerantly: the JSON object the prompt asks for, also inside a markdown fence or with prose
 * around it; else SQL in a fence or bare. A reply with neither SQL nor a clarification is {@link ModelReply.Unusable}.
 */
final class ReplyParser
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("```([A-Za-z0-9_-]*)[ \\t]*\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern SQL_START = Pattern.compile("(?im)^\\s*(SELECT|WITH)\\b");

    ModelReply parse(String reply)
    {
        String text = reply == null ? "" : reply.strip();
        if (text.isEmpty()) {
            return new ModelReply.Unusable("the reply was empty; reply with the JSON object {\"sql\": ..., \"explanation\": ...}");
        }
        Matcher fence = FENCE.matcher(text);
        List<String> fenced = new ArrayList<>();
        while (fence.find()) {
            String language = fence.group(1).toLowerCase(Locale.ROOT);
            String body = fence.group(2).strip();
            Optional<ModelReply> json = json(body);
            if (json.isPresent()) {
                return json.get();
            }
            if (language.equals("sql") || SQL_START.matcher(body).lookingAt()) {
                fenced.add(body);
            }
        }
        if (!fenced.isEmpty()) {
            return new ModelReply.Sql(fenced.get(0), prose(text), null);
        }
        Optional<ModelReply> json = json(text);
        if (json.isPresent()) {
            return json.get();
        }
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open >= 0 && close > open) {
            json = json(text.substring(open, close + 1));
            if (json.isPresent()) {
                return json.get();
            }
        }
        Matcher sql = SQL_START.matcher(text);
        if (sql.find()) {
            String rest = text.substring(sql.start()).strip();
            int blank = rest.indexOf("\n\n");
            return new ModelReply.Sql(blank < 0 ? rest : rest.substring(0, blank).strip(), "", null);
        }
        return new ModelReply.Unusable("the reply is neither the JSON object asked for nor SQL: \"" + excerpt(text)
                + "\"; reply with {\"sql\": ..., \"explanation\": ...} or {\"clarification\": ..., \"choices\": [...]}");
    }

    private static Optional<ModelReply> json(String text)
    {
        if (!text.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        }
        catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String sql = string(node, "sql");
        if (!sql.isBlank()) {
            JsonNode chart = node.get("chart");
            ChartHint hint = chart != null && chart.isObject() && !string(chart, "type").isBlank()
                    ? new ChartHint(string(chart, "type"), emptyToNull(string(chart, "x")), emptyToNull(string(chart, "y")))
                    : null;
            return Optional.of(new ModelReply.Sql(sql.strip(), string(node, "explanation"), hint));
        }
        String clarification = string(node, "clarification");
        if (!clarification.isBlank()) {
            List<String> choices = new ArrayList<>();
            JsonNode array = node.get("choices");
            if (array != null && array.isArray()) {
                array.forEach(choice -> {
                    if (choice.isTextual() && !choice.asText().isBlank()) {
                        choices.add(choice.asText().strip());
                    }
                });
            }
            return Optional.of(new ModelReply.Clarification(clarification.strip(), choices));
        }
        return Optional.of(new ModelReply.Unusable("the reply's JSON has neither \"sql\" nor \"clarification\": " + excerpt(text)));
    }

    private static String string(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
    }

    private static String emptyToNull(String text)
    {
        return text.isBlank() ? null : text;
    }

    /** The prose around a fenced block, as the explanation. */
    private static String prose(String text)
    {
        return FENCE.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    static String excerpt(String text)
    {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
