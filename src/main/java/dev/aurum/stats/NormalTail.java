package dev.aurum.stats;

import org.apache.commons.math3.special.Erf;

/**
 * A fast upper tail of the standard normal, Φc(x) = P(N > x), for the studentized range integrals that need it
 * hundreds of thousands of times. For x ≥ 0, Φc(x) = φ(x)·R(x) with R the Mills ratio, an entire function that
 * Chebyshev interpolation on a few intervals reproduces to near machine precision (its asymptotic series past 27); the interpolants are built once
 * from commons-math3's {@code Erf.erfc}. For x < 0, Φc(x) = 1 − Φc(−x).
 */
final class NormalTail
{
    private static final double[] BREAKS = {0, 1, 2, 3, 4.5, 6.5, 9, 13, 19, 27};
    private static final int DEGREE = 28;
    private static final double INVERSE_SQRT_TWO_PI = 1.0 / Math.sqrt(2 * Math.PI);
    private static final double[][] COEFFICIENTS = build();

    private NormalTail() {}

    static double upper(double x)
    {
        if (x < 0) {
            return 1 - upper(-x);
        }
        if (x >= BREAKS[BREAKS.length - 1]) {
            // asymptotic Mills ratio, relative error below 1e-11 from x = 27 on
            double inverse = 1 / (x * x);
            double millsRatio = (1 - inverse * (1 - 3 * inverse * (1 - 5 * inverse * (1 - 7 * inverse)))) / x;
            return Math.exp(-x * x / 2) * INVERSE_SQRT_TWO_PI * millsRatio;
        }
        int interval = 0;
        while (x >= BREAKS[interval + 1]) {
            interval++;
        }
        double millsRatio = evaluate(COEFFICIENTS[interval], BREAKS[interval], BREAKS[interval + 1], x);
        return Math.exp(-x * x / 2) * INVERSE_SQRT_TWO_PI * millsRatio;
    }

    private static double[][] build()
    {
        double[][] coefficients = new double[BREAKS.length - 1][];
        int n = DEGREE + 1;
        for (int interval = 0; interval < BREAKS.length - 1; interval++) {
            double a = BREAKS[interval];
            double b = BREAKS[interval + 1];
            double[] values = new double[n];
            for (int k = 0; k < n; k++) {
                double t = Math.cos(Math.PI * (k + 0.5) / n);
                double x = (a + b) / 2 + (b - a) / 2 * t;
                values[k] = 0.5 * Erf.erfc(x / Math.sqrt(2)) / (Math.exp(-x * x / 2) * INVERSE_SQRT_TWO_PI);
            }
            double[] c = new double[n];
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += values[k] * Math.cos(Math.PI * j * (k + 0.5) / n);
                }
                c[j] = 2.0 * sum / n;
            }
            coefficients[interval] = c;
        }
        return coefficients;
    }

    /** Clenshaw's recurrence for Σ' c_j T_j(t), t the position of x in [a, b] mapped to [-1, 1]. */
    private static double evaluate(double[] c, double a, double b, double x)
    {
        double t = (2 * x - a - b) / (b - a);
        double b1 = 0;
        double b2 = 0;
        for (int j = c.length - 1; j >= 1; j--) {
            double next = 2 * t * b1 - b2 + c[j];
            b2 = b1;
            b1 = next;
        }
        return t * b1 - b2 + c[0] / 2;
    }
}
