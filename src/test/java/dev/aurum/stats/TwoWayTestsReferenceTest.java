package dev.aurum.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aurum.stats.StatsAssertions.assertAgrees;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Welch's t test and the chi-square test of independence against scipy 1.17.1
 * ({@code ttest_ind(equal_var=False)}, {@code chi2_contingency(correction=False)}); figures from
 * {@code python3 src/test/resources/dev/aurum/stats/reference.py}.
 */
class TwoWayTestsReferenceTest
{
    @Test
    void welchTTest()
    {
        List<GroupSummaries.Observation> observations = new ArrayList<>();
        List.of(23.5, 19.1, 25.7, 21.2, 22.8).forEach(v -> observations.add(new GroupSummaries.Observation("a", v)));
        List.of(30.2, 41.7, 18.4, 35.5, 27.9, 44.1, 22.6, 38.3).forEach(v -> observations.add(new GroupSummaries.Observation("b", v)));
        Map<String, Object> report = new WelchTTest(0.05).test(GroupSummaries.of(observations), "value", "group", false);
        // welch_t=-2.891023974065574 p=0.018845742674769166 df=8.536959289878725 ci=(-17.670785055095475, -2.0842149449045335)
        assertAgrees("t", (double) report.get("t_statistic"), -2.891023974065574);
        assertAgrees("p", (double) report.get("p_value"), 0.018845742674769166);
        assertAgrees("df", (double) report.get("df"), 8.536959289878725);
        assertAgrees("ci low", (double) report.get("ci_low"), -17.670785055095475);
        assertAgrees("ci high", (double) report.get("ci_high"), -2.0842149449045335);
    }

    @Test
    void chiSquareOfIndependence()
    {
        long[][] table = {{12, 5, 9}, {7, 14, 6}, {3, 8, 15}};
        List<ChiSquareIndependence.Cell> cells = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                cells.add(new ChiSquareIndependence.Cell("r" + i, "c" + j, table[i][j]));
            }
        }
        Map<String, Object> report = new ChiSquareIndependence(0.05).test(cells, "rows", "columns");
        // chisq=14.407097086726717 p=0.0061029578400623175 dof=4 cramers_v=0.30196714850584555
        assertAgrees("chi²", (double) report.get("chi_square"), 14.407097086726717);
        assertAgrees("p", (double) report.get("p_value"), 0.0061029578400623175);
        assertThat(report.get("df")).isEqualTo(4L);
        assertAgrees("Cramér's V", (double) report.get("cramers_v"), 0.30196714850584555);
    }
}
