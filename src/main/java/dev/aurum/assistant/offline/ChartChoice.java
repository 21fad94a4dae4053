package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.ChartHint;

/**
 * The one place the planner chooses the chart of an answer, from the answer's shape (docs/architecture.md,
 * "Questions out"): a time series is a line, groups are bars, a single figure has no chart unless one was asked for.
 */
final class ChartChoice
{
    private static final ChartHint NONE = new ChartHint("none", null, null);

    private ChartChoice() {}

    /**
     * @param asked the question asked for a chart ("... as a chart")
     * @param bucket the time bucket's axis ("year,month") or null
     * @param ranked a top/bottom list: bars even over time
     * @param dimension the first grouping dimension or null
     * @param measure the column charted
     */
    static ChartHint choose(boolean asked, String bucket, boolean ranked, String dimension, String measure)
    {
        if (bucket == null && dimension == null) {
            return asked ? new ChartHint("bar", null, measure) : NONE;
        }
        if (bucket != null && !ranked) {
            return new ChartHint("line", bucket, measure);
        }
        return new ChartHint("bar", dimension != null ? dimension : bucket, measure);
    }
}
