package dev.aurum.stats;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Data a test cannot or can only partly handle: a clear message or null fields with a note, never NaN. */
class EdgeCasesTest
{
    private final OneWayAnova anova = new OneWayAnova(0.05, "R$");

    private static GroupSummaries data(Object... groupAndValues)
    {
        List<GroupSummaries.Observation> observations = new ArrayList<>();
        for (int i = 0; i < groupAndValues.length; i += 2) {
            observations.add(new GroupSummaries.Observation((String) groupAndValues[i], (Double) groupAndValues[i + 1]));
        }
        return GroupSummaries.of(observations);
    }

    @Test
    void aGroupOfOneIsKeptWithoutAStandardDeviationAndWelchIsExplained()
    {
        AnovaReport report = anova.analyse(data("a", 1.0, "a", 2.0, "a", 3.0, "b", 5.0, "b", 6.0, "b", 8.0, "c", 4.0), "spend", "season", true);
        AnovaReport.GroupResult single = report.groups().get(2);
        assertThat(single.group()).isEqualTo("c");
        assertThat(single.standardDeviation()).isNull();
        assertThat(single.ciLow()).isNull();
        assertThat(report.welchF()).isNull();
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).contains("season c has a single value"));
        assertThat(report.pairwiseMethod()).isEqualTo("tukey_hsd");
        StatisticsOnSparkTest.assertNoNaN(report.toMap());
    }

    @Test
    void allValuesEqualIsAClearMessage()
    {
        assertThatThrownBy(() -> anova.analyse(data("a", 2.0, "a", 2.0, "b", 2.0, "b", 2.0), "order_value", "season", true))
                .isInstanceOf(AurumException.class).hasMessageContaining("Every order value is the same (R$ 2.00)")
                .extracting(e -> ((AurumException) e).code()).isEqualTo(ErrorCode.BAD_INPUT);
        assertThatThrownBy(() -> anova.analyse(data("a", 2.0, "a", 2.0, "b", 3.0, "b", 3.0), "order_value", "season", true))
                .hasMessageContaining("does not vary within any season");
    }

    @Test
    void aSingleGroupAndNoRowsAreClearMessages()
    {
        assertThatThrownBy(() -> anova.analyse(data("a", 1.0, "a", 2.0), "order_value", "season", true))
                .hasMessageContaining("Only one season (a) has values of order value");
        assertThatThrownBy(() -> anova.analyse(data(), "order_value", "season", true)).hasMessageContaining("There are no rows to test");
        assertThatThrownBy(() -> anova.analyse(data("a", 1.0, "b", 2.0), "order_value", "season", true)).hasMessageContaining("single value");
        assertThatThrownBy(() -> new WelchTTest(0.05).test(data("a", 1.0, "a", 2.0), "order_value", "season", true))
                .hasMessageContaining("exactly two groups");
        assertThatThrownBy(() -> new ChiSquareIndependence(0.05).test(List.of(), "a", "b")).hasMessageContaining("There are no rows to test");
        assertThatThrownBy(() -> new ChiSquareIndependence(0.05).test(List.of(new ChiSquareIndependence.Cell("x", "p", 3),
                new ChiSquareIndependence.Cell("x", "q", 4)), "a", "b")).hasMessageContaining("Only one value of a (x)");
    }

    @Test
    void nullValuesAndNullGroupsAreLeftOut()
    {
        GroupSummaries withNulls = data("a", 1.0, "a", null, null, 7.0, "a", 2.0, "a", 4.0, "b", 5.0, "b", 6.0, "b", Double.NaN, "b", 9.0);
        GroupSummaries clean = data("a", 1.0, "a", 2.0, "a", 4.0, "b", 5.0, "b", 6.0, "b", 9.0);
        assertThat(withNulls).isEqualTo(clean);
        AnovaReport report = anova.analyse(withNulls, "x", "g", false);
        assertThat(report.totalCount()).isEqualTo(6);
        StatisticsOnSparkTest.assertNoNaN(report.toMap());
    }

    @Test
    void aSignificantButNegligibleEffectIsCalledSo()
    {
        List<GroupSummaries.Observation> observations = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double noise = ((i * 7919L) % 1000) / 10.0;
            observations.add(new GroupSummaries.Observation(i % 2 == 0 ? "a" : "b", noise + (i % 2 == 0 ? 0 : 2.0)));
        }
        AnovaReport report = anova.analyse(GroupSummaries.of(observations), "x", "g", false);
        assertThat(report.significant()).isTrue();
        assertThat(report.etaSquared()).isLessThan(0.01);
        assertThat(report.conclusion()).contains("but the effect is negligible");
    }
}
