package dev.aurum.eval;

/**
 * How close two numbers must be to count as equal: within {@code relativeTolerance} of the larger magnitude, or
 * within {@code absoluteTolerance}, whichever is looser.
 */
public record ComparatorSettings(double relativeTolerance, double absoluteTolerance)
{
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-6;
    public static final double DEFAULT_ABSOLUTE_TOLERANCE = 0.01;

    public ComparatorSettings
    {
        if (!(relativeTolerance >= 0) || !(absoluteTolerance >= 0)) {
            throw new IllegalArgumentException("tolerances must be zero or positive");
        }
    }

    public static ComparatorSettings defaults()
    {
        return new ComparatorSettings(DEFAULT_RELATIVE_TOLERANCE, DEFAULT_ABSOLUTE_TOLERANCE);
    }
}
