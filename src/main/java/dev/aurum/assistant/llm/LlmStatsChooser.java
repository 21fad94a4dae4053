package dev.aurum.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurum.JsonReplies;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.stats.SemanticNames;
import dev.aurum.stats.StatsChoice;
import dev.aurum.stats.StatsChooser;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The LLM picks the test, value, grouping and filter of a hypothesis question the statistics route could not read
 * itself (prompt {@code prompts/stats-choice.md}). Only the model's names are sent — tables, numeric values,
 * groupings, named filters — never data; the reply is names only, which {@code StatisticsAnswerer} checks against
 * the model before it computes anything. A failed call or an unreadable reply is no proposal.
 */
public final class LlmStatsChooser
        implements StatsChooser
{
    private final ChatModel chat;
    private final PromptTemplates templates;
    private final String tables;

    public LlmStatsChooser(ChatModel chat, SemanticModel model, PromptTemplates templates)
    {
        this.chat = requireNonNull(chat, "chat is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.tables = describe(requireNonNull(model, "model is null"));
    }

    @Override
    public Optional<StatsChoice> choose(String question)
    {
        String prompt = templates.render(PromptTemplates.STATS_CHOICE, Map.of("tables", tables, "question", question));
        String reply;
        try {
            reply = chat.chat(ChatRequest.builder().messages(UserMessage.from(prompt)).build()).aiMessage().text();
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
        return parse(reply);
    }

    /** The JSON object of a reply (bare, fenced or inside prose), or empty. */
    static Optional<StatsChoice> parse(String reply)
    {
        Optional<JsonNode> root = JsonReplies.object(reply);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = root.get();
        Optional<StatsChoice.Test> test = StatsChoice.Test.parse(text(node, "test"));
        String table = text(node, "table");
        String by = text(node, "by");
        if (test.isEmpty() || table == null || by == null) {
            return Optional.empty();
        }
        String value = text(node, "value");
        String second = text(node, "second");
        if (test.get() == StatsChoice.Test.ANOVA ? value == null : second == null) {
            return Optional.empty();
        }
        return Optional.of(new StatsChoice(test.get(), table, value, by, second, text(node, "filter")));
    }

    private static String text(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank() || value.asText().equalsIgnoreCase("null")) {
            return null;
        }
        return value.asText().strip();
    }

    private static String describe(SemanticModel model)
    {
        StringBuilder text = new StringBuilder();
        for (SemanticTable table : model.tables()) {
            List<Dimension> values = SemanticNames.values(table);
            List<Dimension> groupings = SemanticNames.groupings(table);
            if (groupings.isEmpty()) {
                continue;
            }
            text.append("- ").append(table.name()).append(": ").append(table.description().strip().replaceAll("\\s+", " ")).append('\n');
            text.append("  values: ").append(names(values)).append('\n');
            text.append("  groupings: ").append(names(groupings)).append('\n');
            text.append("  filters: ").append(table.filters().isEmpty() ? "(none)"
                    : table.filters().stream().map(NamedFilter::name).collect(Collectors.joining(", "))).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String names(List<Dimension> dimensions)
    {
        return dimensions.isEmpty() ? "(none)" : dimensions.stream().map(Dimension::name).collect(Collectors.joining(", "));
    }
}
