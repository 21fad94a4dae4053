package dev.aurum.stats;

import static org.assertj.core.api.Assertions.assertThat;

/** Agreement with a reference value to at least 6 significant digits (relative error below 5e-7). */
final class StatsAssertions
{
    private StatsAssertions() {}

    static void assertAgrees(String what, double actual, double expected)
    {
        double tolerance = 5e-7 * Math.abs(expected);
        assertThat(actual).as(what + " (expected " + expected + ")").isFinite().isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.max(tolerance, 1e-300)));
    }
}
