package dev.aurum.assistant.proposal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** A calendar period size a time dimension can be truncated to. */
public enum TimeGrain
{
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR;

    /** The grain's name in the semantic model ({@code day}, {@code week}, ...). */
    public String modelName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the period of this grain that contains {@code date} (weeks start on Monday). */
    public LocalDate periodStart(LocalDate date)
    {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** {@code date} moved by {@code count} periods of this grain. */
    public LocalDate plus(LocalDate date, long count)
    {
        return switch (this) {
            case DAY -> date.plusDays(count);
            case WEEK -> date.plusWeeks(count);
            case MONTH -> date.plusMonths(count);
            case QUARTER -> date.plusMonths(3 * count);
            case YEAR -> date.plusYears(count);
        };
    }

    /** The whole period of this grain containing {@code date}. */
    public DateRange periodOf(LocalDate date)
    {
        LocalDate start = periodStart(date);
        return new DateRange(start, plus(start, 1), DateRange.labelOf(start, this));
    }
}
