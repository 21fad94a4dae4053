package dev.aurum.eval;

import static java.util.Objects.requireNonNull;

/**
 * How one question's score changed against a baseline report.
 *
 * @param before "correct", "wrong: RESULT_MISSING_ROWS", ... or "absent"
 */
public record BaselineChange(String id, Kind kind, String before, String after)
{
    public enum Kind
    {
        /** Wrong, abstained or failed before; right now. */
        FIXED,
        /** Right before; not now. */
        REGRESSED,
        /** Not right before or now, for another reason. */
        CHANGED,
        /** Not in the baseline. */
        NEW,
        /** In the baseline, not in this run. */
        REMOVED
    }

    public BaselineChange
    {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
    }
}
