package dev.aurum.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The whole one-way report: classic ANOVA with effect sizes, per-group descriptions, the Brown–Forsythe Levene test,
 * Welch's ANOVA, Kruskal–Wallis, pairwise comparisons and the conclusion. Statistics that cannot be computed on these
 * data (Welch's ANOVA with a group of one, say) are null, and {@link #notes()} says why; nothing is NaN.
 *
 * @param test the test the conclusion relies on: {@code anova} or {@code welch_anova}
 */
public record AnovaReport(
        String value,
        String grouping,
        double alpha,
        long totalCount,
        List<GroupResult> groups,
        double fStatistic,
        long dfBetween,
        long dfWithin,
        double pValue,
        double etaSquared,
        double omegaSquared,
        Double leveneStatistic,
        Double leveneP,
        Double welchF,
        Double welchDf1,
        Double welchDf2,
        Double welchP,
        double kruskalH,
        long kruskalDf,
        double kruskalP,
        double epsilonSquared,
        String pairwiseMethod,
        List<PairwiseComparison> pairwise,
        String test,
        boolean significant,
        List<String> notes,
        String conclusion)
{
    public AnovaReport
    {
        requireNonNull(value, "value is null");
        requireNonNull(grouping, "grouping is null");
        groups = List.copyOf(groups);
        pairwise = List.copyOf(pairwise);
        requireNonNull(pairwiseMethod, "pairwiseMethod is null");
        requireNonNull(test, "test is null");
        notes = List.copyOf(notes);
        requireNonNull(conclusion, "conclusion is null");
    }

    /** One group: size, mean, standard deviation and the 95% confidence interval of the mean (null for a group of one). */
    public record GroupResult(String group, long count, double mean, Double standardDeviation, Double ciLow, Double ciHigh, double median)
    {
        public GroupResult
        {
            requireNonNull(group, "group is null");
        }
    }

    /**
     * One pair: {@code meanDifference} = mean of {@code groupA} − mean of {@code groupB}, its simultaneous confidence
     * interval at 1 − alpha, and the p-value adjusted for all pairs.
     */
    public record PairwiseComparison(String groupA, String groupB, double meanDifference, double ciLow, double ciHigh, double pAdjusted, String method)
    {
        public PairwiseComparison
        {
            requireNonNull(groupA, "groupA is null");
            requireNonNull(groupB, "groupB is null");
            requireNonNull(method, "method is null");
        }
    }

    /** The report with explicit snake_case names, as the JSON answer's {@code analysis}. */
    public Map<String, Object> toMap()
    {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("test", test);
        map.put("value", value);
        map.put("grouping", grouping);
        map.put("alpha", alpha);
        map.put("n", totalCount);
        map.put("f_statistic", fStatistic);
        map.put("df_between", dfBetween);
        map.put("df_within", dfWithin);
        map.put("p_value", pValue);
        map.put("eta_squared", etaSquared);
        map.put("omega_squared", omegaSquared);
        List<Map<String, Object>> groupMaps = new ArrayList<>();
        for (GroupResult group : groups) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("group", group.group());
            entry.put("n", group.count());
            entry.put("mean", group.mean());
            entry.put("standard_deviation", group.standardDeviation());
            entry.put("ci_low", group.ciLow());
            entry.put("ci_high", group.ciHigh());
            entry.put("median", group.median());
            groupMaps.add(entry);
        }
        map.put("groups", groupMaps);
        map.put("levene_center", "median");
        map.put("levene_statistic", leveneStatistic);
        map.put("levene_p_value", leveneP);
        map.put("welch_f", welchF);
        map.put("welch_df1", welchDf1);
        map.put("welch_df2", welchDf2);
        map.put("welch_p_value", welchP);
        map.put("kruskal_h", kruskalH);
        map.put("kruskal_df", kruskalDf);
        map.put("kruskal_p_value", kruskalP);
        map.put("epsilon_squared", epsilonSquared);
        map.put("pairwise_method", pairwiseMethod);
        List<Map<String, Object>> pairMaps = new ArrayList<>();
        for (PairwiseComparison pair : pairwise) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("group_a", pair.groupA());
            entry.put("group_b", pair.groupB());
            entry.put("mean_difference", pair.meanDifference());
            entry.put("ci_low", pair.ciLow());
            entry.put("ci_high", pair.ciHigh());
            entry.put("p_adjusted", pair.pAdjusted());
            entry.put("method", pair.method());
            pairMaps.add(entry);
        }
        map.put("pairwise", pairMaps);
        map.put("significant", significant);
        map.put("notes", notes);
        map.put("conclusion", conclusion);
        return map;
    }
}
