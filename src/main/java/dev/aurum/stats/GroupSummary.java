package dev.aurum.stats;

import static java.util.Objects.requireNonNull;

/**
 * Everything the one-way tests need from one group, computed where the data is (Spark) so only these few numbers
 * reach the driver.
 *
 * @param count values in the group
 * @param mean their mean
 * @param squaredDeviationSum Σ (x − mean)², the group's share of the within-group sum of squares
 * @param median the group's median (the centre of the Brown–Forsythe Levene test)
 * @param absoluteMedianDeviationSum Σ |x − median|
 * @param squaredMedianDeviationSum Σ (x − median)², i.e. Σ |x − median|²
 * @param rankSum Σ of the values' ranks among all values of all groups (ties get their average rank)
 */
public record GroupSummary(
        String group,
        long count,
        double mean,
        double squaredDeviationSum,
        double median,
        double absoluteMedianDeviationSum,
        double squaredMedianDeviationSum,
        double rankSum)
{
    public GroupSummary
    {
        requireNonNull(group, "group is null");
        if (count < 1) {
            throw new IllegalArgumentException("a group summary needs at least one value: " + group);
        }
    }

    /** The sample variance (0 for a group of one). */
    public double variance()
    {
        return count < 2 ? 0 : squaredDeviationSum / (count - 1);
    }
}
