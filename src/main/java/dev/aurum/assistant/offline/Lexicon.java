package dev.aurum.assistant.offline;

import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Every phrase the semantic model gives a name to (metric, dimension, time dimension and named filter names and
 * their synonyms), compiled once into canonical word sequences. Adding a synonym to the YAML makes it understood.
 */
final class Lexicon
{
    enum Kind
    {
        METRIC,
        DIMENSION,
        TIME_DIMENSION,
        FILTER
    }

    /** A model object a phrase can mean; {@code name} is the object's name (the same metric may live in several tables). */
    record Term(Kind kind, String name)
    {
        Term
        {
            requireNonNull(kind, "kind is null");
            requireNonNull(name, "name is null");
        }
    }

    /** A phrase found in the question: tokens [start, end) meaning one or more terms (more than one: ambiguous). */
    record Hit(int start, int end, List<Term> terms, boolean typo)
    {
        Hit
        {
            terms = List.copyOf(terms);
        }
    }

    private final Map<List<String>, Set<Term>> phrases = new LinkedHashMap<>();
    private final int longest;
    /** The language's stop words and the model's own (its vocabulary). */
    private final Set<String> stopWords;

    Lexicon(SemanticModel model)
    {
        Set<String> stops = new java.util.HashSet<>(Words.STOP_WORDS);
        stops.addAll(model.vocabulary().stopWords());
        this.stopWords = Set.copyOf(stops);
        for (SemanticTable table : model.tables()) {
            for (Metric metric : table.metrics()) {
                add(metric.name(), new Term(Kind.METRIC, metric.name()));
                metric.synonyms().forEach(synonym -> add(synonym, new Term(Kind.METRIC, metric.name())));
            }
            for (Dimension dimension : table.dimensions()) {
                add(dimension.name(), new Term(Kind.DIMENSION, dimension.name()));
                dimension.synonyms().forEach(synonym -> add(synonym, new Term(Kind.DIMENSION, dimension.name())));
            }
            for (TimeDimension time : table.timeDimensions()) {
                add(time.name(), new Term(Kind.TIME_DIMENSION, time.name()));
                time.synonyms().forEach(synonym -> add(synonym, new Term(Kind.TIME_DIMENSION, time.name())));
            }
            for (NamedFilter filter : table.filters()) {
                add(filter.name(), new Term(Kind.FILTER, filter.name()));
                filter.synonyms().forEach(synonym -> add(synonym, new Term(Kind.FILTER, filter.name())));
            }
        }
        longest = phrases.keySet().stream().mapToInt(List::size).max().orElse(1);
    }

    /** A stop word of the language or of the model's vocabulary: never content, never looked up as a value. */
    boolean isStopWord(String word)
    {
        return stopWords.contains(word);
    }

    static List<String> canonicalWords(String phrase)
    {
        String spaced = phrase.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return Arrays.stream(TimeExpressions.normalize(spaced).split(" "))
                .filter(word -> !word.isBlank())
                .map(Words::canonical)
                .toList();
    }

    private void add(String phrase, Term term)
    {
        List<String> words = canonicalWords(phrase);
        if (!words.isEmpty()) {
            phrases.computeIfAbsent(words, key -> new LinkedHashSet<>()).add(term);
            // "day of week" is also said "day of the week", "hour of day" also "hour of the day"
            int of = words.indexOf(Words.PLANNER.of());
            String article = Words.PLANNER.articles().get(0);
            if (of > 0 && of + 1 < words.size() && !words.get(of + 1).equals(article)) {
                List<String> withArticle = new ArrayList<>(words.subList(0, of + 1));
                withArticle.add(article);
                withArticle.addAll(words.subList(of + 1, words.size()));
                phrases.computeIfAbsent(List.copyOf(withArticle), key -> new LinkedHashSet<>()).add(term);
            }
        }
    }

    /** The terms of one exact phrase (canonical words), or empty. */
    List<Term> lookup(List<String> canonicalWords)
    {
        Set<Term> terms = phrases.get(canonicalWords);
        return terms == null ? List.of() : List.copyOf(terms);
    }

    /**
     * Finds phrases in the question's canonical words, longest first, skipping tokens already taken; first exact
     * matches, then matches with small typos in words the model knows.
     */
    List<Hit> find(List<String> words, Set<Integer> explained, boolean fuzzy)
    {
        List<Hit> hits = new ArrayList<>();
        Set<Integer> taken = new HashSet<>(explained);
        {
            for (int size = Math.min(longest, words.size()); size >= 1; size--) {
                for (int start = 0; start + size <= words.size(); start++) {
                    if (anyTaken(taken, start, start + size)) {
                        continue;
                    }
                    List<String> window = words.subList(start, start + size);
                    List<Term> terms = fuzzy ? fuzzyLookup(window) : lookup(window);
                    if (terms.isEmpty()) {
                        continue;
                    }
                    if (size == 1 && isStopWord(window.get(0)) && !fuzzy && lookupIsOnlyStopWord(window.get(0))) {
                        continue;
                    }
                    hits.add(new Hit(start, start + size, terms, fuzzy));
                    for (int i = start; i < start + size; i++) {
                        taken.add(i);
                    }
                }
            }
        }
        hits.sort((left, right) -> Integer.compare(left.start(), right.start()));
        return hits;
    }

    private boolean lookupIsOnlyStopWord(String word)
    {
        // a model that names something with a bare function word ("by", "of") would swallow grammar; ignore those
        return Words.FUNCTION_WORDS.contains(word);
    }

    private List<Term> fuzzyLookup(List<String> window)
    {
        for (String word : window) {
            if (isStopWord(word) || Words.INTENT_WORDS.contains(word) || Words.isNumber(word)) {
                return List.of();
            }
        }
        List<Term> best = List.of();
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<List<String>, Set<Term>> entry : phrases.entrySet()) {
            List<String> phrase = entry.getKey();
            if (phrase.size() != window.size()) {
                continue;
            }
            int total = 0;
            boolean close = true;
            for (int i = 0; i < phrase.size() && close; i++) {
                int distance = Words.distance(window.get(i), phrase.get(i));
                close = distance <= Math.min(Words.allowedTypos(window.get(i)), Words.allowedTypos(phrase.get(i)));
                total += distance;
            }
            if (!close || total == 0) {
                continue;
            }
            if (total < bestDistance) {
                bestDistance = total;
                best = new ArrayList<>(entry.getValue());
            }
            else if (total == bestDistance) {
                List<Term> merged = new ArrayList<>(best);
                entry.getValue().stream().filter(term -> !merged.contains(term)).forEach(merged::add);
                best = merged;
            }
        }
        return best;
    }

    private static boolean anyTaken(Set<Integer> taken, int start, int end)
    {
        for (int i = start; i < end; i++) {
            if (taken.contains(i)) {
                return true;
            }
        }
        return false;
    }
}
