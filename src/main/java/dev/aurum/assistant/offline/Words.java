package dev.aurum.assistant.offline;

import java.util.Locale;
import java.util.Set;

/** Word-level helpers shared by the lexicon and the planner: canonical (singular) forms, edit distance, stop words. */
final class Words
{
    /** Function words and generic question words: never content, never looked up as values. */
    static final Set<String> STOP_WORDS = Set.copyOf(java.util.List.of(
            "a", "an", "the", "of", "in", "on", "at", "for", "to", "from", "by", "per", "with", "without", "and", "or", "vs",
            "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "has", "have", "had", "having",
            "what", "which", "who", "whom", "whose", "when", "where", "how", "many", "much", "why",
            "show", "me", "give", "list", "tell", "get", "find", "display", "report", "see", "let", "know", "need", "want",
            "please", "can", "could", "would", "should", "you", "i", "we", "us", "our", "my", "it", "its", "this", "that",
            "these", "those", "there", "their", "them", "they", "all", "any", "each", "every", "some", "so", "far", "as", "than",
            "total", "overall", "number", "count", "sum", "amount", "value", "values", "figure", "figures", "level", "levels",
            "metric", "metrics", "data", "numbers", "breakdown", "broken", "down", "split", "grouped", "group", "across",
            "between", "during", "over", "within", "into", "out", "up", "about", "what's", "whats", "much", "made", "make",
            "generated", "generate", "got", "placed", "had", "happened", "recorded", "come", "came", "paid", "pay", "using",
            "via", "through", "only", "just", "also", "now", "then", "instead", "same", "again", "too", "but", "versus",
            "compared", "compare", "comparison", "against", "one", "ones", "per", "am", "go", "se", "es", "pa", "ma", "al",
            "if", "will", "shall", "may", "might", "must", "not", "no", "non", "excluding", "exclude", "except", "other",
            "including", "include", "where", "while", "result", "results", "table", "rows", "row", "time", "period",
            "periods", "date", "dates", "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
            "top", "bottom", "highest", "lowest", "most", "least", "best", "worst", "largest", "smallest", "biggest", "fewest",
            "more", "less", "max", "min", "maximum", "minimum", "leading", "ranked", "rank", "ranking", "sorted",
            "chart", "plot", "graph", "visualize", "visualise", "line", "bar", "bars", "trend", "did", "our", "business", "company",
            "store", "shop", "ever", "alltime", "all-time", "like", "look", "looks", "looked", "breakdowns", "there", "here",
            // verbs of trade that carry no measure of their own: the metric comes from the other words
            "buy", "buys", "bought", "sell", "sells", "selling", "book", "booked", "bring", "brings", "brought", "receive",
            "received", "place", "places", "marked", "went", "combined", "together", "altogether", "ordered",
            // verbs and particles that link the parts of a question and name nothing of the model
            "break", "breaks", "comes", "coming", "use", "used", "uses", "showed", "shown", "shows", "contain", "contained",
            "contains", "containing", "included", "includes", "live", "lives", "living", "located", "based", "reach", "reached", "reaches", "arrive", "arrived", "arrives", "take",
            "takes", "took", "taken", "gets", "getting", "account", "accounts", "accounted"));

    /** Words that steer the shape of the answer (ranking, share, growth, charts); never typo-matched to model names. */
    static final Set<String> INTENT_WORDS = Set.copyOf(java.util.List.of(
            "share", "percentage", "percent", "proportion", "contribution", "fraction", "pct", "%", "growth", "grow", "grew",
            "growing", "change", "changed", "changes", "increase", "increased", "decrease", "decreased", "decline", "declined",
            "evolve", "evolved", "average", "avg", "mean", "distinct", "unique", "different", "ratio", "rate", "chart", "plot",
            "graph", "top", "bottom", "most", "least", "highest", "lowest", "best", "worst", "largest", "smallest", "biggest",
            "fewest", "instead", "rather", "excluding", "exclude", "except", "without", "not", "non", "no", "only"));

    private Words() {}

    /** The singular-ish form used for matching: "categories" to "category", "orders" to "order". */
    static String canonical(String word)
    {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
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
