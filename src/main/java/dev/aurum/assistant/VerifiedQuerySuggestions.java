package dev.aurum.assistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns well-rated answers into verified-query YAML for a person to review and paste into the semantic model.
 * The latest rating of a question wins (a question rated good, then bad, is not suggested); answers that came from
 * a verified query already, or from raw {@code /sql}, are left out.
 */
public final class VerifiedQuerySuggestions
{
    private VerifiedQuerySuggestions() {}

    /** The answers worth suggesting, latest first rating per question. */
    public static List<FeedbackEntry> select(List<FeedbackEntry> entries)
    {
        Map<String, FeedbackEntry> latest = new LinkedHashMap<>();
        for (FeedbackEntry entry : entries) {
            if (entry.question() == null) {
                continue;
            }
            String key = String.join(" ", QuestionWords.tokens(entry.question()));
            latest.remove(key);
            latest.put(key, entry);
        }
        return latest.values().stream()
                .filter(FeedbackEntry::good)
                .filter(entry -> "answered".equals(entry.status()))
                .filter(entry -> entry.sql() != null && !entry.sql().isBlank())
                .filter(entry -> !"trusted".equals(entry.route()) && !"sql".equals(entry.route()))
                .toList();
    }

    /** YAML with a {@code verified_queries:} list, or a comment saying there is nothing to suggest yet. */
    public static String yaml(List<FeedbackEntry> entries, String today)
    {
        List<FeedbackEntry> selected = select(entries);
        if (selected.isEmpty()) {
            return "# No well-rated answers to suggest yet: rate answers in ./aurum chat with /feedback good.\n";
        }
        Set<String> names = new HashSet<>();
        List<Map<String, Object>> queries = new ArrayList<>();
        for (FeedbackEntry entry : selected) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("name", uniqueName(entry.question(), names));
            query.put("question", entry.question().trim());
            query.put("sql", entry.sql().strip() + "\n");
            query.put("verified_by", "REVIEWER (rated good" + (entry.comment() == null ? "" : ": " + entry.comment()) + ")");
            query.put("verified_at", today);
            queries.add(query);
        }
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .build());
        try {
            return "# " + selected.size() + " suggested verified " + (selected.size() == 1 ? "query" : "queries")
                    + " from answers rated good. Review the SQL, add {parameters} where a value should vary,\n"
                    + "# then add them under verified_queries: in semantic-model/ecommerce.yaml.\n"
                    + yaml.writeValueAsString(Map.of("verified_queries", queries));
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the suggestions as YAML", e);
        }
    }

    private static String uniqueName(String question, Set<String> taken)
    {
        List<String> words = QuestionWords.plain().content(question);
        String base = String.join("_", words.subList(0, Math.min(words.size(), 6)));
        if (base.isEmpty()) {
            base = "suggested_query";
        }
        String name = base;
        for (int suffix = 2; !taken.add(name); suffix++) {
            name = base + "_" + suffix;
        }
        return name;
    }
}
