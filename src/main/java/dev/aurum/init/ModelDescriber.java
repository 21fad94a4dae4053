package dev.aurum.init;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurum.JsonReplies;
import dev.aurum.init.CsvProfile.Column;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@code aurum init --describe}: asks a language model to write descriptions and synonyms for the drafted tables and
 * columns (docs/architecture.md, "aurum init"). Only column names and their sample values are sent, never file paths
 * or other rows. The reply is a JSON object; one that is not JSON, names a table or column the drops do not have, or
 * cannot be had at all is ignored with a warning, and init goes on with its own drafts.
 */
public final class ModelDescriber
{
    /** The prompt file, {@code prompts/init-descriptions.md}. */
    public static final String PROMPT = "init-descriptions";
    private static final int MAX_SYNONYMS = 4;
    private static final int MAX_TEXT = 300;

    private final Function<String, String> ask;
    private final Function<Map<String, String>, String> prompt;
    private final Consumer<String> warnings;

    /**
     * @param ask sends one prompt to the model and returns its reply text
     * @param prompt renders {@link #PROMPT} with the given values ({@code tables})
     * @param warnings where a reply that is ignored is reported
     */
    public ModelDescriber(Function<String, String> ask, Function<Map<String, String>, String> prompt, Consumer<String> warnings)
    {
        this.ask = requireNonNull(ask, "ask is null");
        this.prompt = requireNonNull(prompt, "prompt is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    public Descriptions describe(List<CsvProfile> profiles)
    {
        String reply;
        try {
            reply = ask.apply(prompt.apply(Map.of("tables", tables(profiles))));
        }
        catch (RuntimeException e) {
            warnings.accept("the language model could not be asked for descriptions (" + e.getMessage() + "); the drafts keep init's own.");
            return Descriptions.NONE;
        }
        return parse(reply, profiles);
    }

    /** What the model is shown: each table's columns, each with up to its sample values. Nothing else. */
    static String tables(List<CsvProfile> profiles)
    {
        StringBuilder text = new StringBuilder();
        for (CsvProfile profile : profiles) {
            text.append("- ").append(profile.entity()).append('\n');
            for (Column column : profile.columns()) {
                text.append("  - ").append(column.name());
                if (!column.samples().isEmpty()) {
                    text.append(": ").append(column.samples().stream().map(value -> value.replaceAll("\\s+", " ")).collect(Collectors.joining(" | ")));
                }
                text.append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    Descriptions parse(String reply, List<CsvProfile> profiles)
    {
        Optional<JsonNode> root = JsonReplies.object(reply);
        if (root.isEmpty() || !root.get().path("tables").isObject()) {
            warnings.accept("the language model's reply is not the JSON object asked for; the drafts keep init's own descriptions.");
            return Descriptions.NONE;
        }
        Map<String, Set<String>> known = new LinkedHashMap<>();
        profiles.forEach(profile -> known.put(profile.entity(), profile.columns().stream().map(Column::name).collect(Collectors.toSet())));
        Map<String, Written> tables = new LinkedHashMap<>();
        Map<String, Written> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        root.get().path("tables").fields().forEachRemaining(table -> {
            Set<String> names = known.get(table.getKey());
            if (names == null) {
                unknown.add(table.getKey());
                return;
            }
            written(table.getValue()).ifPresent(text -> tables.put(table.getKey(), text));
            JsonNode described = table.getValue().path("columns");
            if (!described.isMissingNode() && !described.isObject()) {
                unknown.add(table.getKey() + ".columns");
                return;
            }
            described.fields().forEachRemaining(column -> {
                if (!names.contains(column.getKey())) {
                    unknown.add(table.getKey() + "." + column.getKey());
                    return;
                }
                written(column.getValue()).ifPresent(text -> columns.put(table.getKey() + "." + column.getKey(), text));
            });
        });
        if (!unknown.isEmpty()) {
            warnings.accept("the language model's reply names tables or columns the drops do not have (" + String.join(", ", unknown)
                    + "); it is ignored and the drafts keep init's own descriptions.");
            return Descriptions.NONE;
        }
        return new Descriptions(tables, columns);
    }

    /** A description and synonyms from one JSON object; text on one line, bounded; nothing when it holds neither. */
    private static Optional<Written> written(JsonNode node)
    {
        String description = node.path("description").isTextual() ? clean(node.path("description").asText()) : "";
        List<String> synonyms = new ArrayList<>();
        node.path("synonyms").forEach(synonym -> {
            String word = synonym.isTextual() ? clean(synonym.asText()).toLowerCase(java.util.Locale.ROOT) : "";
            if (!word.isEmpty() && !synonyms.contains(word) && synonyms.size() < MAX_SYNONYMS) {
                synonyms.add(word);
            }
        });
        if (description.isEmpty() && synonyms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Written(description, synonyms));
    }

    private static String clean(String text)
    {
        String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT).strip() : line;
    }

    /** A description (may be empty) and synonyms the model wrote. */
    public record Written(String description, List<String> synonyms)
    {
        public Written
        {
            requireNonNull(description, "description is null");
            synonyms = List.copyOf(synonyms);
        }
    }

    /**
     * What the model wrote.
     *
     * @param tables by table (entity) name
     * @param columns by {@code table.column}
     */
    public record Descriptions(Map<String, Written> tables, Map<String, Written> columns)
    {
        public static final Descriptions NONE = new Descriptions(Map.of(), Map.of());

        public Descriptions
        {
            tables = Map.copyOf(tables);
            columns = Map.copyOf(columns);
        }

        public Optional<Written> table(String table)
        {
            return Optional.ofNullable(tables.get(table));
        }

        public Optional<Written> column(String table, String column)
        {
            return Optional.ofNullable(columns.get(table + "." + column));
        }

        public boolean isEmpty()
        {
            return tables.isEmpty() && columns.isEmpty();
        }
    }
}
