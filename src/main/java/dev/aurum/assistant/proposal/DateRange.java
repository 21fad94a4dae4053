package dev.aurum.assistant.proposal;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A half-open range of calendar days {@code [start, endExclusive)} with a label for people ("2017", "Q4 2017",
 * "March 2018", "the 30 days ending 2018-08-31").
 */
public record DateRange(LocalDate start, LocalDate endExclusive, String label)
{
    public DateRange
    {
        requireNonNull(start, "start is null");
        requireNonNull(endExclusive, "endExclusive is null");
        requireNonNull(label, "label is null");
        if (!endExclusive.isAfter(start)) {
            throw new IllegalArgumentException("empty date range: " + start + " to " + endExclusive);
        }
    }

    /** The last day inside the range. */
    public LocalDate endInclusive()
    {
        return endExclusive.minusDays(1);
    }

    /** The grain when the range is exactly one calendar period (a whole month, quarter, year, week or day). */
    public Optional<TimeGrain> exactGrain()
    {
        for (TimeGrain grain : new TimeGrain[] {TimeGrain.YEAR, TimeGrain.QUARTER, TimeGrain.MONTH, TimeGrain.WEEK, TimeGrain.DAY}) {
            if (grain.periodStart(start).equals(start) && grain.plus(start, 1).equals(endExclusive)) {
                return Optional.of(grain);
            }
        }
        return Optional.empty();
    }

    /** The same range moved by {@code count} periods of {@code grain} (negative: back in time). */
    public DateRange shift(TimeGrain grain, long count)
    {
        LocalDate newStart = grain.plus(start, count);
        LocalDate newEnd = grain.plus(endExclusive, count);
        Optional<TimeGrain> exact = exactGrain();
        String newLabel = exact.isPresent() ? labelOf(newStart, exact.get()) : newStart + " to " + newEnd.minusDays(1);
        return new DateRange(newStart, newEnd, newLabel);
    }

    /** A short identifier-friendly form of the label: {@code q4_2017}, {@code 2018_03}. */
    public String identifier()
    {
        return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    static String labelOf(LocalDate start, TimeGrain grain)
    {
        return switch (grain) {
            case DAY -> start.toString();
            case WEEK -> "week of " + start;
            case MONTH -> start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + start.getYear();
            case QUARTER -> "Q" + start.get(IsoFields.QUARTER_OF_YEAR) + " " + start.getYear();
            case YEAR -> Integer.toString(start.getYear());
        };
    }
}
