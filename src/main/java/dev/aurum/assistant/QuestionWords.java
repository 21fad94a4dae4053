package dev.aurum.assistant;

import dev.aurum.semantic.Language;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The words of a question as the trusted-query matcher compares them: lower case, no accents or punctuation,
 * filler words dropped, plurals folded, and every name or synonym of the semantic model replaced by one token for
 * the thing it names (so "sales" and "revenue" compare equal when the model says they are synonyms).
 */
public final class QuestionWords
{
    /** Words that carry no meaning for matching (the language's filler words). Grouping, negation and range words are deliberately absent. */
    static final Set<String> FILLER = Language.english().fillerWords();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z0-9_]+}");

    private final Map<String, String> canonical;
    private final List<String> phrases;

    private QuestionWords(Map<String, String> canonical)
    {
        this.canonical = Map.copyOf(canonical);
        this.phrases = canonical.keySet().stream()
                .sorted(Comparator.comparingInt((String phrase) -> phrase.split(" ").length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** Words with no model vocabulary: only filler removal and plural folding. */
    public static QuestionWords plain()
    {
        return new QuestionWords(Map.of());
    }

    /** Names and synonyms of metrics, dimensions, time dimensions, named filters and tables, in that priority. */
    public static QuestionWords of(SemanticModel model)
    {
        requireNonNull(model, "model is null");
        Map<String, String> canonical = new LinkedHashMap<>();
        for (SemanticTable table : model.tables()) {
            for (Metric metric : table.metrics()) {
                addAll(canonical, "metric:" + metric.name(), metric.name(), metric.synonyms());
            }
        }
        for (SemanticTable table : model.tables()) {
            for (Dimension dimension : table.dimensions()) {
                addAll(canonical, "dimension:" + dimension.name(), dimension.name(), dimension.synonyms());
            }
            for (TimeDimension time : table.timeDimensions()) {
                addAll(canonical, "time:" + time.name(), time.name(), time.synonyms());
            }
        }
        for (SemanticTable table : model.tables()) {
            for (NamedFilter filter : table.filters()) {
                addAll(canonical, "filter:" + filter.name(), filter.name(), filter.synonyms());
            }
        }
        return new QuestionWords(canonical);
    }

    private static void addAll(Map<String, String> canonical, String token, String name, List<String> synonyms)
    {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(synonyms);
        for (String phrase : all) {
            String normalized = String.join(" ", fold(tokens(phrase)));
            if (!normalized.isBlank()) {
                canonical.putIfAbsent(normalized, token);
            }
        }
    }

    /** Lower case, accents and punctuation removed, underscores as spaces; placeholders {@code {x}} kept whole. */
    public static List<String> tokens(String text)
    {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        List<String> result = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(decomposed);
        int index = 0;
        while (placeholder.find()) {
            words(decomposed.substring(index, placeholder.start()), result);
            result.add(placeholder.group());
            index = placeholder.end();
        }
        words(decomposed.substring(index), result);
        return result;
    }

    private static void words(String text, List<String> result)
    {
        String cleaned = text.replace('_', ' ').replaceAll("[^a-z0-9 ]+", " ").trim();
        if (!cleaned.isEmpty()) {
            result.addAll(Arrays.asList(cleaned.split("\\s+")));
        }
    }

    /** Folds plurals: "orders" → "order", "categories" → "category"; numbers and short words stay. */
    static String singular(String word)
    {
        return Language.singular(word);
    }

    private static List<String> fold(List<String> tokens)
    {
        return tokens.stream().map(token -> token.startsWith("{") ? token : singular(token)).toList();
    }

    /**
     * The content of a text: model phrases as their tokens ({@code metric:revenue}), other words singular, filler
     * dropped, placeholders kept. Order is kept; duplicates are kept.
     */
    public List<String> content(String text)
    {
        List<String> words = new ArrayList<>(fold(tokens(text)));
        List<String> result = new ArrayList<>();
        int index = 0;
        while (index < words.size()) {
            String matched = null;
            int length = 0;
            for (String phrase : phrases) {
                String[] parts = phrase.split(" ");
                if (index + parts.length <= words.size() && Arrays.asList(parts).equals(words.subList(index, index + parts.length))) {
                    matched = canonical.get(phrase);
                    length = parts.length;
                    break;
                }
            }
            if (matched != null) {
                result.add(matched);
                index += length;
                continue;
            }
            String word = words.get(index);
            if (!FILLER.contains(word)) {
                result.add(word);
            }
            index++;
        }
        return result;
    }
}
