package dev.aurum.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Upper-tail probabilities of the F, t and chi-square distributions from commons-math3's regularized beta and gamma
 * functions directly, so a small p-value keeps its digits (1 − cdf would lose them).
 */
final class Distributions
{
    private Distributions() {}

    /** P(F(df1, df2) > f). */
    static double fUpper(double f, double df1, double df2)
    {
        if (!(f > 0)) {
            return 1.0;
        }
        return clamp(Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, 1e-15, Integer.MAX_VALUE));
    }

    /** P(|T(df)| > |t|), the two-sided p-value of a t statistic. */
    static double tTwoSided(double t, double df)
    {
        if (t == 0) {
            return 1.0;
        }
        return clamp(Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5, 1e-15, Integer.MAX_VALUE));
    }

    /** P(chi-square(df) > x). */
    static double chiSquareUpper(double x, double df)
    {
        if (!(x > 0)) {
            return 1.0;
        }
        return clamp(Gamma.regularizedGammaQ(df / 2, x / 2, 1e-15, Integer.MAX_VALUE));
    }

    /** The t quantile with {@code upper} probability above it, e.g. 0.025 for a 95% interval. */
    static double tQuantileUpper(double upper, double df)
    {
        return new TDistribution(null, df, 1e-14).inverseCumulativeProbability(1 - upper);
    }

    private static double clamp(double p)
    {
        return Math.min(1.0, Math.max(0.0, p));
    }
}
