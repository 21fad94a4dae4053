package dev.aurum.eval;

import java.util.List;

/** The tags a suite item may carry: the constructs a question exercises. */
public final class EvalTags
{
    public static final String FOLLOW_UP = "follow-up";
    public static final String AMBIGUOUS = "ambiguous";
    public static final String OUT_OF_SCOPE = "out-of-scope";

    /** The constructs the shipped main suite must each exercise at least three times. */
    public static final List<String> CORE = List.of(
            "metric", "group-by", "time-grain", "absolute-time", "relative-time", "value-filter", "negation", "top-n",
            "join", "share", "growth", "average-per", "distinct-count", FOLLOW_UP, AMBIGUOUS, OUT_OF_SCOPE);

    /** Every tag a suite may use: the core ones plus those of focused suites (evals/fresh-phrasings.yaml). */
    public static final List<String> ALL = java.util.stream.Stream.concat(CORE.stream(), java.util.stream.Stream.of("comparison", "repeat-customers")).toList();

    private EvalTags() {}
}
