package dev.aurum.assistant.llm;

import dev.aurum.assistant.proposal.TextEmbedder;
import dev.aurum.semantic.Language;
import dev.aurum.semantic.MetricSql;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.Relationship;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Chooses the part of a large semantic model a prompt describes (docs/reference.md, "The LLM route"). When the whole model's
 * text fits the token budget it all goes in. Otherwise tables are scored against the question, lexically (words of
 * table, column, metric and filter names, synonyms and descriptions, weighted by how rare a word is across the model)
 * and, when an embedder is given, by embedding similarity; the best tables go in with the join path between them
 * (the shortest chain of relationships), and a wide table keeps only the columns the question touches plus its keys.
 */
public final class SchemaRetriever
{
    /** At most this many tables are chosen by score; tables on the join path between them come on top. */
    static final int MAX_TABLES = 4;
    /** A table is chosen when its score reaches this fraction of the best table's. */
    static final double RELATIVE_SCORE = 0.6;
    private static final double EMBEDDING_WEIGHT = 4.0;
    private static final double VALUE_BONUS = 2.0;
    /** Words that never select a part of the schema (the language resource's retrieval_stop_words). */
    private static final Set<String> STOP_WORDS = Language.english().retrievalStopWords();

    private final SemanticModel model;
    private final Optional<Function<String, float[]>> embedder;
    private final Map<String, Map<String, Double>> words = new LinkedHashMap<>();
    private final Map<String, Double> rarity = new HashMap<>();
    private final Map<String, List<Relationship>> edges = new HashMap<>();
    private final int fullSchemaTokens;
    private Map<String, float[]> tableVectors;

    public SchemaRetriever(SemanticModel model, Optional<Function<String, float[]>> embedder)
    {
        this.model = requireNonNull(model, "model is null");
        this.embedder = requireNonNull(embedder, "embedder is null");
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (SemanticTable table : model.tables()) {
            Map<String, Double> bag = bag(table);
            words.put(table.name(), bag);
            bag.keySet().forEach(word -> documentFrequency.merge(word, 1, Integer::sum));
        }
        int tables = Math.max(1, model.tables().size());
        documentFrequency.forEach((word, count) -> rarity.put(word, Math.log(1.0 + (double) tables / count)));
        for (Relationship relationship : model.relationships()) {
            edges.computeIfAbsent(relationship.leftTable(), key -> new ArrayList<>()).add(relationship);
            edges.computeIfAbsent(relationship.rightTable(), key -> new ArrayList<>()).add(relationship);
        }
        this.fullSchemaTokens = SchemaText.estimateTokens(SchemaText.render(new SchemaSlice(model.tables(), model.relationships(), true)));
    }

    public int fullSchemaTokens()
    {
        return fullSchemaTokens;
    }

    /** The slice for a question: the whole model when it fits {@code tokenBudget}, else the retrieved tables. */
    public SchemaSlice retrieve(String question, int tokenBudget)
    {
        return retrieve(question, tokenBudget, Set.of());
    }

    /**
     * @param valueColumns columns (dimension names) whose values the question names ("SP" is customer_state): they stay in
     * the slice of every chosen table that has them
     */
    public SchemaSlice retrieve(String question, int tokenBudget, Set<String> valueColumns)
    {
        if (fullSchemaTokens <= tokenBudget) {
            return new SchemaSlice(model.tables(), model.relationships(), true);
        }
        Map<String, Double> scores = scores(question);
        // a table holding a value the question names ("rio de janeiro" is a customer_city) is likely the one to filter
        for (Map.Entry<String, Map<String, Double>> table : words.entrySet()) {
            boolean holdsValue = model.table(table.getKey()).orElseThrow().dimensions().stream().anyMatch(dimension -> valueColumns.contains(dimension.name()));
            if (holdsValue) {
                scores.merge(table.getKey(), VALUE_BONUS, Double::sum);
            }
        }
        List<String> ranked = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        double best = ranked.isEmpty() ? 0 : scores.get(ranked.get(0));
        List<String> chosen = new ArrayList<>();
        for (String table : ranked) {
            if (chosen.size() >= MAX_TABLES || (!chosen.isEmpty() && scores.get(table) < RELATIVE_SCORE * best)) {
                break;
            }
            chosen.add(table);
        }
        Set<String> questionWords = tokens(question);
        while (true) {
            List<TablePart> parts = parts(chosen, questionWords, valueColumns, tokenBudget);
            SchemaSlice slice = slice(parts);
            // better a whole best table than a bit of every table: drop the weakest table while one before the last is cut
            boolean cut = parts.subList(0, parts.size() - 1).stream().anyMatch(part -> !part.whole());
            if (chosen.size() <= 1 || (!cut && SchemaText.estimateTokens(SchemaText.render(slice)) <= tokenBudget)) {
                return slice;
            }
            chosen.remove(chosen.size() - 1);
        }
    }

    /** Each table's score for a question (exposed for the retrieval benchmark). */
    Map<String, Double> scores(String question)
    {
        Set<String> questionWords = tokens(question);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> table : words.entrySet()) {
            double score = 0;
            for (String word : questionWords) {
                Double weight = table.getValue().get(word);
                if (weight != null) {
                    score += weight * rarity.getOrDefault(word, 0.0);
                }
            }
            scores.put(table.getKey(), score);
        }
        if (embedder.isPresent()) {
            float[] vector = embedder.get().apply(question);
            for (Map.Entry<String, float[]> table : tableVectors().entrySet()) {
                scores.merge(table.getKey(), EMBEDDING_WEIGHT * TextEmbedder.cosine(vector, table.getValue()), Double::sum);
            }
        }
        return scores;
    }

    private synchronized Map<String, float[]> tableVectors()
    {
        if (tableVectors == null) {
            Map<String, float[]> vectors = new LinkedHashMap<>();
            for (SemanticTable table : model.tables()) {
                vectors.put(table.name(), embedder.orElseThrow().apply(table.name().replace('_', ' ') + ": " + String.join(", ", table.synonyms())
                        + ". " + table.description()));
            }
            tableVectors = vectors;
        }
        return tableVectors;
    }

    private List<TablePart> parts(List<String> chosen, Set<String> questionWords, Set<String> valueColumns, int tokenBudget)
    {
        Set<String> included = new LinkedHashSet<>();
        for (String table : chosen) {
            if (included.isEmpty()) {
                included.add(table);
            }
            else if (!included.contains(table)) {
                included.addAll(path(included, table));
            }
        }
        List<Relationship> relationships = relationships(included);
        List<TablePart> parts = new ArrayList<>();
        for (String name : included) {
            parts.add(new TablePart(model.table(name).orElseThrow(), questionWords, valueColumns, relationships));
        }
        int used = SchemaText.estimateTokens(SchemaText.render(slice(parts)));
        // fill the rest of the budget with the remaining columns, metrics and filters, best table first
        for (TablePart part : parts) {
            used = part.fill(used, tokenBudget);
        }
        return parts;
    }

    private SchemaSlice slice(List<TablePart> parts)
    {
        Set<String> included = new LinkedHashSet<>();
        parts.forEach(part -> included.add(part.table.name()));
        return new SchemaSlice(parts.stream().map(TablePart::build).toList(), relationships(included), false);
    }

    private List<Relationship> relationships(Set<String> included)
    {
        return model.relationships().stream()
                .filter(relationship -> included.contains(relationship.leftTable()) && included.contains(relationship.rightTable()))
                .toList();
    }

    /** The shortest chain of relationships from any table already included to {@code target} (its tables, target last). */
    private List<String> path(Set<String> from, String target)
    {
        Map<String, String> previous = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(from);
        Set<String> seen = new HashSet<>(from);
        while (!queue.isEmpty()) {
            String table = queue.removeFirst();
            if (table.equals(target)) {
                List<String> path = new ArrayList<>();
                for (String step = target; step != null && !from.contains(step); step = previous.get(step)) {
                    path.add(0, step);
                }
                return path;
            }
            for (Relationship relationship : edges.getOrDefault(table, List.of())) {
                String next = relationship.leftTable().equals(table) ? relationship.rightTable() : relationship.leftTable();
                if (seen.add(next)) {
                    previous.put(next, table);
                    queue.addLast(next);
                }
            }
        }
        return List.of(target); // no path: the table still goes in, and the model sees no relationship to join it by
    }

    /**
     * A table cut to what the question needs: its keys, time columns, the columns, metrics and filters the question
     * names; then, while the budget allows, its other columns, metrics and filters in the model's order.
     */
    private static final class TablePart
    {
        private final SemanticTable table;
        private final Set<Object> kept = new HashSet<>();

        TablePart(SemanticTable table, Set<String> questionWords, Set<String> valueColumns, List<Relationship> relationships)
        {
            this.table = table;
            Set<String> keys = new HashSet<>(table.primaryKey());
            for (Relationship relationship : relationships) {
                relationship.columns().forEach(pair -> {
                    if (relationship.leftTable().equals(table.name())) {
                        keys.add(pair.leftColumn());
                    }
                    if (relationship.rightTable().equals(table.name())) {
                        keys.add(pair.rightColumn());
                    }
                });
            }
            for (Dimension dimension : table.dimensions()) {
                if (keys.contains(dimension.name()) || valueColumns.contains(dimension.name())
                        || mentions(questionWords, dimension.name(), dimension.synonyms())) {
                    kept.add(dimension);
                }
            }
            for (Metric metric : table.metrics()) {
                if (mentions(questionWords, metric.name(), metric.synonyms())) {
                    kept.add(metric);
                }
            }
            for (NamedFilter filter : table.filters()) {
                if (mentions(questionWords, filter.name(), filter.synonyms())) {
                    kept.add(filter);
                }
            }
        }

        int fill(int used, int budget)
        {
            List<Object> optional = new ArrayList<>();
            optional.addAll(table.dimensions());
            optional.addAll(table.metrics());
            optional.addAll(table.filters());
            for (Object item : optional) {
                if (kept.contains(item)) {
                    continue;
                }
                int without = tokens();
                kept.add(item);
                int cost = tokens() - without;
                if (used + cost <= budget) {
                    used += cost;
                }
                else {
                    kept.remove(item);
                }
            }
            return used;
        }

        boolean whole()
        {
            return kept.size() == table.dimensions().size() + table.metrics().size() + table.filters().size();
        }

        private int tokens()
        {
            StringBuilder text = new StringBuilder();
            SchemaText.table(text, build());
            return SchemaText.estimateTokens(text.toString());
        }

        SemanticTable build()
        {
            return new SemanticTable(table.name(), table.description(), table.baseTable(), table.grain(), table.primaryKey(), table.synonyms(),
                    table.dimensions().stream().filter(kept::contains).toList(), table.timeDimensions(),
                    table.metrics().stream().filter(kept::contains).map(new MetricSql(table)::selfContained).toList(),
                    table.filters().stream().filter(kept::contains).toList());
        }
    }

    private static boolean mentions(Set<String> questionWords, String name, List<String> synonyms)
    {
        Set<String> words = new HashSet<>(tokens(name));
        synonyms.forEach(synonym -> words.addAll(tokens(synonym)));
        words.retainAll(questionWords);
        return !words.isEmpty();
    }

    private static Map<String, Double> bag(SemanticTable table)
    {
        Map<String, Double> bag = new HashMap<>();
        add(bag, table.name(), 3);
        add(bag, table.baseTable().substring(table.baseTable().indexOf('.') + 1), 3);
        table.synonyms().forEach(synonym -> add(bag, synonym, 3));
        add(bag, table.description(), 1);
        for (Dimension dimension : table.dimensions()) {
            add(bag, dimension.name(), 2);
            dimension.synonyms().forEach(synonym -> add(bag, synonym, 2));
            add(bag, dimension.description(), 0.5);
        }
        for (TimeDimension time : table.timeDimensions()) {
            add(bag, time.name(), 1);
            time.synonyms().forEach(synonym -> add(bag, synonym, 1));
        }
        for (Metric metric : table.metrics()) {
            add(bag, metric.name(), 2);
            metric.synonyms().forEach(synonym -> add(bag, synonym, 2));
            add(bag, metric.description(), 0.5);
        }
        for (NamedFilter filter : table.filters()) {
            add(bag, filter.name(), 2);
            filter.synonyms().forEach(synonym -> add(bag, synonym, 2));
        }
        return bag;
    }

    private static void add(Map<String, Double> bag, String text, double weight)
    {
        for (String word : tokens(text)) {
            bag.merge(word, weight, Math::max);
        }
    }

    /** Lower-case content words with a light plural stemming ("categories" and "category" meet). */
    static Set<String> tokens(String text)
    {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.length() < 2 || STOP_WORDS.contains(word)) {
                continue;
            }
            tokens.add(stem(word));
        }
        return tokens;
    }

    private static String stem(String word)
    {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 4 && (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
