package dev.aurum.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the daily schedule with a hand-made clock that the sleeper moves forward: no real waiting. */
class PipelineSchedulerTest
{
    /** A clock whose time only moves when {@link #advance} is called. */
    private static final class ManualClock
            extends Clock
    {
        private Instant now;

        ManualClock(Instant start)
        {
            this.now = start;
        }

        void advance(Duration duration)
        {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone()
        {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone)
        {
            return this;
        }

        @Override
        public Instant instant()
        {
            return now;
        }
    }

    @Test
    void runsDailyAtTheTimeAndRetriesWithDoublingBackoff()
            throws InterruptedException
    {
        ManualClock clock = new ManualClock(Instant.parse("2017-03-01T10:00:00Z"));
        List<Duration> sleeps = new ArrayList<>();
        PipelineScheduler scheduler = new PipelineScheduler(clock, duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        }, LocalTime.of(23, 59), 3, Duration.ofSeconds(30));

        List<Instant> attempts = new ArrayList<>();
        // day 1: fails twice, then succeeds; day 2: fails on every attempt; day 3: succeeds at once
        List<Boolean> outcomes = new ArrayList<>(List.of(false, false, true, false, false, false, true));
        List<String> lines = new ArrayList<>();
        int failedDays = scheduler.run(() -> {
            attempts.add(clock.instant());
            clock.advance(Duration.ofSeconds(5));
            if (!outcomes.remove(0)) {
                throw new IllegalStateException("disk full");
            }
            return "42 rows";
        }, lines::add, 3);

        assertThat(failedDays).isEqualTo(1);
        assertThat(outcomes).isEmpty();
        assertThat(attempts).containsExactly(
                Instant.parse("2017-03-01T23:59:00Z"),
                Instant.parse("2017-03-01T23:59:35Z"),
                Instant.parse("2017-03-02T00:00:40Z"),
                Instant.parse("2017-03-02T23:59:00Z"),
                Instant.parse("2017-03-02T23:59:35Z"),
                Instant.parse("2017-03-03T00:00:40Z"),
                Instant.parse("2017-03-03T23:59:00Z"));
        // the wait until 23:59, then 30 s and 60 s of backoff
        assertThat(sleeps.subList(0, 3)).containsExactly(Duration.ofHours(13).plusMinutes(59), Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(lines).contains(
                "2017-03-01T23:59 run failed (attempt 1 of 3): disk full; retrying in 30s",
                "2017-03-01T23:59:35 run failed (attempt 2 of 3): disk full; retrying in 60s",
                "2017-03-02T00:00:40 run ok (attempt 3): 42 rows",
                "2017-03-03T00:00:40 run failed (attempt 3 of 3): disk full; giving up until tomorrow",
                "2017-03-03T23:59 run ok (attempt 1): 42 rows");
        assertThat(lines.stream().filter(line -> line.startsWith("next run at"))).containsExactly(
                "next run at 2017-03-01T23:59", "next run at 2017-03-02T23:59", "next run at 2017-03-03T23:59");
    }
}
