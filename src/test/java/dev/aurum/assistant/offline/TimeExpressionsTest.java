package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.DateRange;
import dev.aurum.assistant.proposal.TimeGrain;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TimeExpressionsTest
{
    private static final LocalDate DATA_DATE = LocalDate.of(2018, 8, 29);

    private final TimeExpressions time = new TimeExpressions();

    @Test
    void absolutePeriods()
    {
        assertRange("revenue in 2017", "2017-01-01", "2018-01-01");
        assertRange("revenue in q4 2017", "2017-10-01", "2018-01-01");
        assertRange("revenue in the fourth quarter of 2017", "2017-10-01", "2018-01-01");
        assertRange("orders 2018 q2", "2018-04-01", "2018-07-01");
        assertRange("orders in march 2018", "2018-03-01", "2018-04-01");
        assertRange("orders in 2018-03", "2018-03-01", "2018-04-01");
        assertRange("orders on 2018-03-15", "2018-03-15", "2018-03-16");
        assertRange("orders on march 15, 2018", "2018-03-15", "2018-03-16");
        assertRange("revenue between march 2018 and june 2018", "2018-03-01", "2018-07-01");
        assertRange("revenue from jan 2018 to feb 2018", "2018-01-01", "2018-03-01");
        assertRange("revenue since q2 2018", "2018-04-01", "2018-08-30");
        assertRange("revenue before 2018", "1900-01-01", "2018-01-01");
        // a quarter without a year is the latest one that had begun by the data date (2018-08-29)
        assertRange("revenue in Q3", "2018-07-01", "2018-10-01");
        assertRange("orders in the fourth quarter", "2017-10-01", "2018-01-01");
    }

    @Test
    void relativePeriodsFollowTheAnswerConventions()
    {
        assertRange("revenue last month", "2018-07-01", "2018-08-01");
        assertRange("revenue in the last 30 days", "2018-07-31", "2018-08-30");
        assertRange("revenue this year", "2018-01-01", "2019-01-01");
        assertRange("revenue year to date", "2018-01-01", "2018-08-30");
        assertRange("ytd revenue", "2018-01-01", "2018-08-30");
        assertRange("orders last quarter", "2018-04-01", "2018-07-01");
        assertRange("orders this quarter", "2018-07-01", "2018-10-01");
        assertRange("orders last year", "2017-01-01", "2018-01-01");
        assertRange("orders last week", "2018-08-20", "2018-08-27");
        assertRange("orders yesterday", "2018-08-28", "2018-08-29");
    }

    @Test
    void grainsGrowthAndComparisons()
    {
        assertThat(read("monthly revenue").grain()).contains(TimeGrain.MONTH);
        assertThat(read("revenue by quarter").grain()).contains(TimeGrain.QUARTER);
        assertThat(read("revenue each month").grain()).contains(TimeGrain.MONTH);
        assertThat(read("daily orders").grain()).contains(TimeGrain.DAY);
        assertThat(read("weekly orders").grain()).contains(TimeGrain.WEEK);
        assertThat(read("yearly revenue").grain()).contains(TimeGrain.YEAR);
        assertThat(read("orders by day of week").grain()).isEmpty();
        TimeExpressions.TimeReading mom = read("revenue growth month over month");
        assertThat(mom.growth()).isTrue();
        assertThat(mom.growthGrain()).contains(TimeGrain.MONTH);
        assertThat(read("yoy revenue").growthGrain()).contains(TimeGrain.YEAR);
        assertThat(read("qoq orders").growthGrain()).contains(TimeGrain.QUARTER);
        TimeExpressions.TimeReading versus = read("revenue 2018 vs 2017");
        assertThat(versus.versus()).isTrue();
        assertThat(versus.ranges()).extracting(DateRange::label).containsExactly("2018", "2017");
        assertThat(read("revenue over time").trend()).isTrue();
    }

    @Test
    void periodParsingForVerifiedQueryParameters()
    {
        assertThat(time.period("Q3 2018".toLowerCase(), DATA_DATE)).map(DateRange::label).contains("Q3 2018");
        assertThat(time.period("march 2018", DATA_DATE).flatMap(DateRange::exactGrain)).contains(TimeGrain.MONTH);
        assertThat(time.period("last 7 days", DATA_DATE)).map(DateRange::start).contains(LocalDate.of(2018, 8, 23));
        assertThat(time.period("the moon", DATA_DATE)).isEmpty();
        assertThat(read("revenue by state").ranges()).isEmpty();
    }

    @Test
    void normalizeKeepsDatesAndCodes()
    {
        assertThat(TimeExpressions.normalize("What was Revenue in Q4, 2017?")).isEqualTo("what was revenue in q4 2017");
        assertThat(TimeExpressions.normalize("orders on 2018-03-15.")).isEqualTo("orders on 2018-03-15");
        assertThat(TimeExpressions.normalize("Brazil's top states")).isEqualTo("brazil top states");
    }

    private TimeExpressions.TimeReading read(String text)
    {
        return time.read(TimeExpressions.normalize(text), DATA_DATE);
    }

    private void assertRange(String text, String start, String endExclusive)
    {
        TimeExpressions.TimeReading reading = read(text);
        assertThat(reading.ranges()).as(text).hasSize(1);
        assertThat(reading.ranges().get(0).start()).as(text).isEqualTo(LocalDate.parse(start));
        assertThat(reading.ranges().get(0).endExclusive()).as(text).isEqualTo(LocalDate.parse(endExclusive));
    }
}
