package dev.aurum.assistant.offline;

import dev.aurum.semantic.Language;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Word-level helpers shared by the lexicon and the planner: canonical (singular) forms, edit distance, the language's stop words. */
final class Words
{
    /** The language's stop words (resource {@code language/en.yaml}); a model adds its own in its vocabulary. */
    static final Set<String> STOP_WORDS = Language.english().stopWords();

    /** Words that steer the shape of the answer (ranking, share, growth, charts); never typo-matched to model names. */
    static final Set<String> INTENT_WORDS = Language.english().intentWords();

    /** Bare function words a model name must not be looked up by ("by", "of"); a subset of the stop words. */
    static final Set<String> FUNCTION_WORDS = Language.english().functionWords();

    /** The words the planner's rules test in place (en.yaml, "planner"). */
    static final Language.PlannerWords PLANNER = Language.english().planner();

    private Words() {}

    /** True when the words from {@code start} on begin with the phrase (one or more words). */
    static boolean phraseAt(List<String> words, int start, String phrase)
    {
        List<String> parts = List.of(phrase.split(" "));
        if (start < 0 || start + parts.size() > words.size()) {
            return false;
        }
        return words.subList(start, start + parts.size()).equals(parts);
    }

    /** True when one of the phrases ends at {@code end} (the position of its last word). */
    static boolean anyPhraseEndingAt(List<String> words, int end, Collection<String> phrases)
    {
        return phrases.stream().anyMatch(phrase -> phraseAt(words, end - phrase.split(" ").length + 1, phrase));
    }

    /** The length in words of the first of the phrases that starts at {@code start}, or 0. */
    static int phraseLengthAt(List<String> words, int start, Collection<String> phrases)
    {
        return phrases.stream().filter(phrase -> phraseAt(words, start, phrase)).findFirst().map(phrase -> phrase.split(" ").length).orElse(0);
    }

    /**
     * Any of the phrases as a non-capturing regex group, each word literal and any white space between words; a
     * {@code {n}} stands for a number.
     */
    static String anyOf(Collection<String> phrases)
    {
        return "(?:" + String.join("|", phrases.stream()
                .map(phrase -> String.join("\\s+", Arrays.stream(phrase.strip().split("\\s+"))
                        .map(word -> word.equals("{n}") ? "\\d+" : Pattern.quote(word)).toList()))
                .toList()) + ")";
    }

    /** The singular-ish form used for matching: "categories" to "category", "orders" to "order". */
    static String canonical(String word)
    {
        return Language.singular(word);
    }

    /** Edits allowed for a typo in a word of this length. */
    static int allowedTypos(String word)
    {
        if (word.length() >= 8) {
            return 2;
        }
        // four-letter words are too close to each other ("mood" is one edit from "good") to correct safely
        return word.length() >= 5 ? 1 : 0;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
    static int distance(String left, String right)
    {
        int[][] d = new int[left.length() + 1][right.length() + 1];
        for (int i = 0; i <= left.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= right.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            for (int j = 1; j <= right.length(); j++) {
                int cost = left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && left.charAt(i - 1) == right.charAt(j - 2) && left.charAt(i - 2) == right.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[left.length()][right.length()];
    }

    static boolean isNumber(String word)
    {
        return word.matches("\\d+(\\.\\d+)?");
    }
}
