package dev.aurum.pipeline.generator;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * What the sample generator produces: {@code scale} (1 is about 100,000 orders over 730 days, linear in the scale),
 * the {@code days} to write starting on {@code start}, the random {@code seed} and the share of landed rows that carry
 * a defect ({@code defectRate}, 0 to 0.5; 0 writes clean data).
 */
public record GeneratorSettings(double scale, int days, LocalDate start, long seed, double defectRate)
{
    public static final LocalDate DEFAULT_START = LocalDate.of(2017, 1, 1);
    public static final int DEFAULT_DAYS = 730;
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_DEFECT_RATE = 0.01;
    public static final double MAX_DEFECT_RATE = 0.5;
    public static final double MAX_SCALE = 1000;

    public GeneratorSettings
    {
        requireNonNull(start, "start is null");
        if (!(scale > 0) || scale > MAX_SCALE) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--scale must be a number above 0 and at most " + (int) MAX_SCALE + " (1 is about 100,000 orders over 730 days); got " + scale + ".");
        }
        if (days < 1) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--days must be at least 1; got " + days + ".");
        }
        if (!(defectRate >= 0) || defectRate > MAX_DEFECT_RATE) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--defect-rate must be between 0 and " + MAX_DEFECT_RATE + " (0.01 means 1% of rows carry a defect); got " + defectRate + ".");
        }
        if (start.getYear() < 1970 || start.getYear() > 9000) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--start must be a date between 1970 and 9000; got " + start + ".");
        }
    }

    public static GeneratorSettings defaults()
    {
        return new GeneratorSettings(1, DEFAULT_DAYS, DEFAULT_START, DEFAULT_SEED, DEFAULT_DEFECT_RATE);
    }

    public GeneratorSettings withScale(double scale)
    {
        return new GeneratorSettings(scale, days, start, seed, defectRate);
    }

    public GeneratorSettings withDays(int days)
    {
        return new GeneratorSettings(scale, days, start, seed, defectRate);
    }

    public GeneratorSettings withStart(LocalDate start)
    {
        return new GeneratorSettings(scale, days, start, seed, defectRate);
    }

    public GeneratorSettings withSeed(long seed)
    {
        return new GeneratorSettings(scale, days, start, seed, defectRate);
    }

    public GeneratorSettings withDefectRate(double defectRate)
    {
        return new GeneratorSettings(scale, days, start, seed, defectRate);
    }

    /** The last day this writes. */
    public LocalDate lastDay()
    {
        return start.plusDays(days - 1L);
    }
}
