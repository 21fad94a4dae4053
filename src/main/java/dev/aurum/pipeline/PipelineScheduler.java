package dev.aurum.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Runs a job every day at a fixed local time, in the foreground, with retries and exponential backoff on failure
 * and one line per run. The clock and the sleeper come in through the constructor so a test can drive days of
 * schedule without waiting.
 */
public final class PipelineScheduler
{
    /** Waits; the real one is {@code Thread::sleep}. */
    public interface Sleeper
    {
        void sleep(Duration duration)
                throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final LocalTime dailyAt;
    private final int attempts;
    private final Duration firstBackoff;

    public PipelineScheduler(Clock clock, Sleeper sleeper, LocalTime dailyAt, int attempts, Duration firstBackoff)
    {
        this.clock = requireNonNull(clock, "clock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.dailyAt = requireNonNull(dailyAt, "dailyAt is null");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.firstBackoff = requireNonNull(firstBackoff, "firstBackoff is null");
    }

    /** The next time the job is due, strictly after {@code now}. */
    public ZonedDateTime nextRun(ZonedDateTime now)
    {
        ZonedDateTime today = now.toLocalDate().atTime(dailyAt).atZone(now.getZone());
        return today.isAfter(now) ? today : now.toLocalDate().plusDays(1).atTime(dailyAt).atZone(now.getZone());
    }

    /**
     * Runs {@code job} at each due time for {@code days} days (or forever when {@code days} is negative), printing
     * one line per run. Returns the number of days whose run failed after every attempt.
     */
    public int run(Supplier<String> job, Consumer<String> out, int days)
            throws InterruptedException
    {
        ZoneId zone = clock.getZone();
        int failedDays = 0;
        for (int day = 0; days < 0 || day < days; day++) {
            ZonedDateTime now = ZonedDateTime.now(clock);
            ZonedDateTime due = nextRun(now);
            out.accept("next run at " + due.toLocalDateTime().withNano(0));
            sleeper.sleep(Duration.between(now, due));
            Duration backoff = firstBackoff;
            boolean succeeded = false;
            for (int attempt = 1; attempt <= attempts && !succeeded; attempt++) {
                LocalDateTime started = LocalDateTime.now(clock.withZone(zone)).withNano(0);
                try {
                    String result = job.get();
                    out.accept(started + " run ok (attempt " + attempt + "): " + result);
                    succeeded = true;
                }
                catch (RuntimeException e) {
                    boolean last = attempt == attempts;
                    out.accept(started + " run failed (attempt " + attempt + " of " + attempts + "): " + e.getMessage()
                            + (last ? "; giving up until tomorrow" : "; retrying in " + backoff.toSeconds() + "s"));
                    if (!last) {
                        sleeper.sleep(backoff);
                        backoff = backoff.multipliedBy(2);
                    }
                }
            }
            if (!succeeded) {
                failedDays++;
            }
        }
        return failedDays;
    }
}
