package dev.aurum.assistant.offline;

import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.ValueIndex;
import dev.aurum.semantic.ValueMatch;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small hand-written value index for planner tests: the distinct values of the model's enum dimensions read from
 * the Gold tables, plus the model's value synonyms; exact matches after normalising case, accents, underscores and
 * plurals score 1.0, one typo in a longer word scores 0.85. (The real index is the semantic package's.)
 */
final class TableValueIndex
        implements ValueIndex
{
    private record Entry(String table, String dimension, String value, String key) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, List<String>> valuesByDimension = new LinkedHashMap<>();

    static TableValueIndex read(SparkSession spark, SemanticModel model)
    {
        TableValueIndex index = new TableValueIndex();
        for (SemanticTable table : model.tables()) {
            for (Dimension dimension : table.dimensions()) {
                if (!dimension.isEnum()) {
                    continue;
                }
                List<Row> rows = spark.sql("SELECT DISTINCT CAST(" + dimension.expression() + " AS STRING) FROM " + table.baseTable()
                        + " WHERE " + dimension.expression() + " IS NOT NULL").collectAsList();
                for (Row row : rows) {
                    String value = row.getString(0);
                    index.add(table.name(), dimension.name(), value, value);
                    for (String synonym : dimension.valueSynonyms().getOrDefault(value, List.of())) {
                        index.add(table.name(), dimension.name(), value, synonym);
                    }
                }
            }
        }
        return index;
    }

    private void add(String table, String dimension, String value, String words)
    {
        entries.add(new Entry(table, dimension, value, normalize(words)));
        List<String> list = valuesByDimension.computeIfAbsent(dimension, key -> new ArrayList<>());
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    static String normalize(String text)
    {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String spaced = plain.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").trim();
        List<String> words = new ArrayList<>();
        for (String word : spaced.split(" ")) {
            words.add(Words.canonical(word));
        }
        return String.join(" ", words);
    }

    @Override
    public List<ValueMatch> match(String phrase)
    {
        String key = normalize(phrase);
        List<ValueMatch> matches = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.key().equals(key)) {
                matches.add(new ValueMatch(entry.table(), entry.dimension(), entry.value(), phrase, 1.0));
            }
            else if (key.length() >= 5 && Words.distance(entry.key(), key) == 1) {
                matches.add(new ValueMatch(entry.table(), entry.dimension(), entry.value(), phrase, 0.85));
            }
        }
        matches.sort(Comparator.comparingDouble(ValueMatch::score).reversed());
        return matches;
    }

    @Override
    public List<String> values(String dimension)
    {
        return valuesByDimension.getOrDefault(dimension, List.of());
    }
}
