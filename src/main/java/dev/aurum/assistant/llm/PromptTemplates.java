package dev.aurum.assistant.llm;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The prompt templates of {@code prompts/} (docs/reference.md, "The LLM route"): no prompt text lives in Java. A template's
 * {@code {{name}}} is replaced by the value given for it; a name without a value is an error, so a template and the
 * code cannot drift apart silently.
 */
public final class PromptTemplates
{
    public static final String SYSTEM = "system";
    public static final String SQL_GENERATION = "sql-generation";
    public static final String CLARIFICATION = "clarification";
    public static final String REPAIR = "repair";
    public static final String RESULT_SUMMARY = "result-summary";
    public static final String STATS_CHOICE = "stats-choice";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final Function<String, String> reader;
    private final Map<String, String> cache = new HashMap<>();

    /** @param reader reads a project file by its relative path, e.g. {@code prompts/system.md} (ProjectFiles::read) */
    public PromptTemplates(Function<String, String> reader)
    {
        this.reader = requireNonNull(reader, "reader is null");
    }

    public synchronized String template(String name)
    {
        return cache.computeIfAbsent(name, key -> reader.apply("prompts/" + key + ".md").strip());
    }

    public String render(String name, Map<String, String> values)
    {
        Matcher matcher = PLACEHOLDER.matcher(template(name));
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("prompts/" + name + ".md uses {{" + matcher.group(1) + "}}, which the agent does not fill");
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}
