package dev.aurum.eval;

import static java.util.Objects.requireNonNull;

/** An eval question too close to a verified query's question: a lookup table could pass it. */
public record NearDuplicate(String evalId, String evalQuestion, String verifiedQuery, String verifiedQuestion, double similarity)
{
    public NearDuplicate
    {
        requireNonNull(evalId, "evalId is null");
        requireNonNull(evalQuestion, "evalQuestion is null");
        requireNonNull(verifiedQuery, "verifiedQuery is null");
        requireNonNull(verifiedQuestion, "verifiedQuestion is null");
    }

    public String describe()
    {
        return String.format(java.util.Locale.ROOT, "eval question %s \"%s\" is a near-duplicate of verified query %s \"%s\" (similarity %.3f)",
                evalId, evalQuestion, verifiedQuery, verifiedQuestion, similarity);
    }
}
