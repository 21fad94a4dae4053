package dev.aurum.eval;

import java.util.List;

/** The tags a suite item may carry: the constructs a question exercises. */
public final class EvalTags
{
    public static final String FOLLOW_UP = "follow-up";
    public static final String AMBIGUOUS = "ambiguous";
    public static final String OUT_OF_SCOPE = "out-of-scope";

    public static final List<String> ALL = List.of(
            "metric", "group-by", "time-grain", "absolute-time", "relative-time", "value-filter", "negation", "top-n",
            "join", "share", "growth", "average-per", "distinct-count", "comparison", "repeat-customers", FOLLOW_UP, AMBIGUOUS, OUT_OF_SCOPE);

    private EvalTags() {}
}
