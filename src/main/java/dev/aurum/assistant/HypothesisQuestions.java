package dev.aurum.assistant;

import dev.aurum.semantic.Language;
import dev.aurum.semantic.Language.HypothesisWords;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises hypothesis-test questions ("is X different across Y?", "does X differ by Y?"), which every engine
 * sends to the statistics route. The cue words are in the language file (src/main/resources/language/en.yaml,
 * "hypothesis"); this class holds how they combine.
 */
public final class HypothesisQuestions
{
    private static final List<Pattern> PATTERNS = patterns(Language.english().hypothesis());

    private HypothesisQuestions() {}

    public static boolean isHypothesisTest(String question)
    {
        String text = question.toLowerCase(Locale.ROOT).replaceAll("[?!.]+", " ").replaceAll("\\s+", " ").trim();
        return PATTERNS.stream().anyMatch(pattern -> pattern.matcher(text).find());
    }

    private static List<Pattern> patterns(HypothesisWords words)
    {
        String be = "^" + any(words.be()) + "\\b.+\\b";
        String auxiliary = "^" + any(words.auxiliary()) + "\\b.+\\b";
        return List.of(
                // "is X (significantly) different across Y"
                Pattern.compile(be + "(?:" + any(words.degree()) + " )?" + any(words.different()) + "\\b.*\\b" + any(words.across()) + "\\b.+"),
                // "does X differ by Y"
                Pattern.compile(auxiliary + any(words.differ()) + "\\b.*\\b" + any(words.differAcross()) + "\\b.+"),
                // "a (statistically) significant difference"
                Pattern.compile("\\b(?:" + phrase(words.statistically()) + " )?" + any(words.significant()) + " " + any(words.difference()) + "\\b"),
                // two dimensions: a test of independence ("is payment type related to state?")
                Pattern.compile(be + any(words.related()) + "\\b.*\\b" + any(words.relatedTo()) + "\\b.+"),
                // "does X depend on Y"
                Pattern.compile(auxiliary + any(words.depend()) + "\\s+" + phrase(words.dependOn()) + "\\b.+"),
                // a test named outright
                Pattern.compile("\\b" + any(words.tests()) + "\\b"));
    }

    /** Any of the phrases, in the given order; the words of a phrase literal, one space between them. */
    private static String any(Collection<String> phrases)
    {
        return "(?:" + String.join("|", phrases.stream().map(HypothesisQuestions::phrase).toList()) + ")";
    }

    private static String phrase(String words)
    {
        return String.join(" ", Arrays.stream(words.strip().split("\\s+")).map(Pattern::quote).toList());
    }
}
