package dev.aurum.assistant;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises hypothesis-test questions ("is X different across Y?", "does X differ by Y?"), which every engine
 * sends to the statistics route.
 */
public final class HypothesisQuestions
{
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("^(is|are|was|were)\\b.+\\b(significantly |statistically |really )?(different|differ|varying)\\b.*\\b(across|by|between|among|per|for each|over)\\b.+"),
            Pattern.compile("^(does|do|did)\\b.+\\b(differ|vary|change)\\b.*\\b(across|by|between|among|per|with|over)\\b.+"),
            Pattern.compile("\\b(statistically )?significant(ly)? (difference|differences|effect)\\b"),
            // two dimensions: a test of independence ("is payment type related to state?")
            Pattern.compile("^(is|are|was|were)\\b.+\\b(related|associated|linked|independent)\\b.*\\b(to|with|of|from)\\b.+"),
            Pattern.compile("^(does|do|did)\\b.+\\b(depend|depends)\\s+on\\b.+"),
            Pattern.compile("\\b(anova|hypothesis test|t-test|chi-square|p-value|p value)\\b"));

    private HypothesisQuestions() {}

    public static boolean isHypothesisTest(String question)
    {
        String text = question.toLowerCase(Locale.ROOT).replaceAll("[?!.]+", " ").replaceAll("\\s+", " ").trim();
        return PATTERNS.stream().anyMatch(pattern -> pattern.matcher(text).find());
    }
}
