package dev.aurum.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/** The CI gate: a minimum accuracy and a maximum wrong-answer rate, both fractions 0..1; either may be absent. */
public record EvalGate(OptionalDouble minAccuracy, OptionalDouble maxWrongRate)
{
    public EvalGate
    {
        requireNonNull(minAccuracy, "minAccuracy is null");
        requireNonNull(maxWrongRate, "maxWrongRate is null");
        check(minAccuracy, "minimum accuracy");
        check(maxWrongRate, "maximum wrong-answer rate");
    }

    public static EvalGate none()
    {
        return new EvalGate(OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** What the run missed, one line each; empty when it passed. */
    public List<String> misses(EvalSummary summary)
    {
        List<String> misses = new ArrayList<>();
        if (minAccuracy.isPresent() && summary.accuracy() < minAccuracy.getAsDouble()) {
            misses.add(String.format(Locale.ROOT, "accuracy %s is below the minimum %s (%d of %d right)",
                    percent(summary.accuracy()), percent(minAccuracy.getAsDouble()), summary.correct(), summary.total()));
        }
        if (maxWrongRate.isPresent() && summary.wrongRate() > maxWrongRate.getAsDouble()) {
            misses.add(String.format(Locale.ROOT, "wrong-answer rate %s is above the maximum %s (%d wrong answers)",
                    percent(summary.wrongRate()), percent(maxWrongRate.getAsDouble()), summary.wrong()));
        }
        return misses;
    }

    static String percent(double fraction)
    {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static void check(OptionalDouble value, String what)
    {
        if (value.isPresent() && !(value.getAsDouble() >= 0 && value.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(what + " must be a fraction between 0 and 1 (e.g. 0.9 for 90%), not " + value.getAsDouble());
        }
    }
}
