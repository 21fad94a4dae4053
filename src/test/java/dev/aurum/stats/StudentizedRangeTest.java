package dev.aurum.stats;

import org.junit.jupiter.api.Test;

import static dev.aurum.stats.StatsAssertions.assertAgrees;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The studentized range against scipy 1.17.1 ({@code stats.studentized_range.sf / .ppf}); the figures come from
 * {@code python3 src/test/resources/dev/aurum/stats/reference.py} (last block of its output).
 */
class StudentizedRangeTest
{
    @Test
    void upperTailAndQuantileAgreeWithScipy()
    {
        check(3.5, 3, 10, 0.07710331083841038, 3.876776750013158);
        check(1.2, 4, 20, 0.8307034935995399, 3.9582935609453846);
        check(5.0, 5, 7.5, 0.048465799027444856, 4.966142486545523);
        check(4.2, 27, 1000, 0.3634963184050576, 5.242791988160177);
        // sf from the quad double integral at the end of reference.py (scipy's own sf is off by 3e-6 relative at this df)
        check(6.5, 3, 50000, 1.28636780719059e-05, 3.3145920694036883);
        check(2.0, 2, 1, 0.39182655203060723, 17.969287064187434);
    }

    private static void check(double q, int groups, double df, double upperTail, double quantile95)
    {
        assertAgrees("P(Q > " + q + "; " + groups + ", " + df + ")", StudentizedRange.upperTail(q, groups, df), upperTail);
        assertAgrees("q 0.95 (" + groups + ", " + df + ")", StudentizedRange.quantile(0.05, groups, df), quantile95);
    }

    @Test
    void edgesOfTheDomain()
    {
        assertThat(StudentizedRange.upperTail(0, 3, 10)).isEqualTo(1.0);
        assertThat(StudentizedRange.upperTail(1e6, 3, 10)).isBetween(0.0, 1e-12);
        assertThatThrownBy(() -> StudentizedRange.upperTail(2, 1, 10)).hasMessageContaining("at least 2 groups");
    }
}
