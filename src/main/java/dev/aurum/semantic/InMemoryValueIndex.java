package dev.aurum.semantic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A {@link ValueIndex} over a list of entries. A phrase matches a stored value (or one of its synonyms) when they are
 * equal after normalising case, accents, underscores, hyphens and the word "and" (score 1.0, 0.95 through a
 * synonym), when they differ only by plurals ("electronic" and "electronics", 0.9), or by one typo in words of five
 * letters or more (one insertion, deletion, substitution or swap of neighbours, 0.8).
 *
 * <p>When the whole phrase matches nothing, its word sequences are tried, longest first, so a question such as
 * "revenue in são paulo" finds "sao paulo"; inside a longer phrase, values of one or two letters (state codes) match
 * only when written in capitals ("SP"), so "to" and "es" stay words.
 */
public final class InMemoryValueIndex
        implements ValueIndex
{
    public static final double EXACT = 1.0;
    public static final double SYNONYM = 0.95;
    public static final double PLURAL = 0.9;
    public static final double TYPO = 0.8;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words left out of value matching ("health and beauty"); en.yaml, "value_noise_words". */
    private static final Set<String> NOISE_WORDS = Language.english().valueNoiseWords();
    private static final int MAX_PHRASE_WORDS = 6;

    private final List<ValueIndexEntry> entries;
    private final List<Key> keys = new ArrayList<>();

    public InMemoryValueIndex(List<ValueIndexEntry> entries)
    {
        this.entries = List.copyOf(requireNonNull(entries, "entries is null"));
        for (ValueIndexEntry entry : this.entries) {
            for (String value : entry.values()) {
                keys.add(new Key(entry, value, words(value), EXACT));
                for (String synonym : entry.valueSynonyms().getOrDefault(value, List.of())) {
                    keys.add(new Key(entry, value, words(synonym), SYNONYM));
                }
            }
        }
    }

    public List<ValueIndexEntry> entries()
    {
        return entries;
    }

    @Override
    public List<ValueMatch> match(String phrase)
    {
        requireNonNull(phrase, "phrase is null");
        List<String> words = words(phrase);
        if (words.isEmpty()) {
            return List.of();
        }
        List<ValueMatch> whole = matchWords(phrase.strip(), words, false);
        if (!whole.isEmpty()) {
            return whole;
        }
        // look for values inside the phrase, longest word sequences first
        List<String> originalWords = Arrays.stream(SEPARATORS.split(Normalizer.normalize(phrase.strip(), Normalizer.Form.NFC)))
                .filter(word -> !word.isEmpty() && !NOISE_WORDS.contains(word.toLowerCase(Locale.ROOT)))
                .toList();
        Map<String, ValueMatch> found = new LinkedHashMap<>();
        for (int length = Math.min(MAX_PHRASE_WORDS, originalWords.size()); length >= 1; length--) {
            for (int start = 0; start + length <= originalWords.size(); start++) {
                List<String> slice = originalWords.subList(start, start + length);
                String text = String.join(" ", slice);
                List<String> sliceWords = words(text);
                if (sliceWords.isEmpty()) {
                    continue;
                }
                for (ValueMatch match : matchWords(text, sliceWords, true)) {
                    found.putIfAbsent(match.table() + "." + match.dimension() + "=" + match.value(), match);
                }
            }
        }
        return sorted(new ArrayList<>(found.values()));
    }

    @Override
    public List<String> values(String dimension)
    {
        requireNonNull(dimension, "dimension is null");
        Set<String> values = new TreeSet<>();
        for (ValueIndexEntry entry : entries) {
            if (entry.dimension().equalsIgnoreCase(dimension) || (entry.table() + "." + entry.dimension()).equalsIgnoreCase(dimension)) {
                values.addAll(entry.values());
            }
        }
        return List.copyOf(values);
    }

    private List<ValueMatch> matchWords(String text, List<String> words, boolean insidePhrase)
    {
        Map<String, ValueMatch> best = new LinkedHashMap<>();
        for (Key key : keys) {
            double score = score(words, key.words());
            if (score <= 0) {
                continue;
            }
            if (insidePhrase && key.value().length() <= 2 && !text.equals(key.value()) && key.score() == EXACT) {
                continue; // "to", "es", "ma" are words, not state codes, unless written TO, ES, MA
            }
            double total = score * key.score();
            String id = key.entry().table() + "." + key.entry().dimension() + "=" + key.value();
            ValueMatch previous = best.get(id);
            if (previous == null || previous.score() < total) {
                best.put(id, new ValueMatch(key.entry().table(), key.entry().dimension(), key.value(), text, total));
            }
        }
        return sorted(new ArrayList<>(best.values()));
    }

    private static List<ValueMatch> sorted(List<ValueMatch> matches)
    {
        matches.sort(Comparator.comparingDouble(ValueMatch::score).reversed());
        return List.copyOf(matches);
    }

    /** 1.0 equal, 0.9 equal up to plurals, 0.8 one typo (words of 5+ letters), 0 otherwise. */
    static double score(List<String> phrase, List<String> value)
    {
        if (phrase.size() != value.size()) {
            return 0;
        }
        if (phrase.equals(value)) {
            return EXACT;
        }
        boolean typo = false;
        for (int i = 0; i < phrase.size(); i++) {
            String left = phrase.get(i);
            String right = value.get(i);
            if (left.equals(right) || Language.singular(left).equals(Language.singular(right))) {
                continue;
            }
            if (!typo && Math.min(left.length(), right.length()) >= 5 && !isNumber(left) && distanceAtMostOne(left, right)) {
                typo = true;
                continue;
            }
            return 0;
        }
        return typo ? TYPO : PLURAL;
    }

    /** Lower case, no accents, words split on anything that is not a letter or digit, without the word "and". */
    static List<String> words(String text)
    {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        return Arrays.stream(SEPARATORS.split(plain))
                .filter(word -> !word.isEmpty() && !NOISE_WORDS.contains(word))
                .toList();
    }

    private static boolean isNumber(String word)
    {
        return word.chars().allMatch(Character::isDigit);
    }

    /** Optimal string alignment distance ≤ 1: one insertion, deletion, substitution or transposition. */
    static boolean distanceAtMostOne(String left, String right)
    {
        int lengthDifference = left.length() - right.length();
        if (Math.abs(lengthDifference) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(left.length(), right.length()) && left.charAt(i) == right.charAt(i)) {
            i++;
        }
        if (lengthDifference == 0) {
            if (i == left.length()) {
                return true;
            }
            String leftRest = left.substring(i + 1);
            String rightRest = right.substring(i + 1);
            if (leftRest.equals(rightRest)) {
                return true; // substitution
            }
            return i + 1 < left.length() && left.charAt(i) == right.charAt(i + 1) && left.charAt(i + 1) == right.charAt(i)
                    && left.substring(i + 2).equals(right.substring(i + 2)); // swap of neighbours
        }
        String longer = lengthDifference > 0 ? left : right;
        String shorter = lengthDifference > 0 ? right : left;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }

    private record Key(ValueIndexEntry entry, String value, List<String> words, double score) {}
}
