package dev.aurum.stats;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Welch's two-sample t test (unequal variances) from two group summaries, with the difference's interval and Cohen's d. */
public final class WelchTTest
{
    private final double alpha;
    private final String currencySymbol;

    /** Money printed without a currency symbol. */
    public WelchTTest(double alpha)
    {
        this(alpha, "");
    }

    /** @param currencySymbol what goes before money in conclusions: the semantic model's currency */
    public WelchTTest(double alpha, String currencySymbol)
    {
        this.currencySymbol = java.util.Objects.requireNonNull(currencySymbol, "currencySymbol is null");
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "alpha must be between 0 and 0.5 (for example 0.05), got " + alpha);
        }
        this.alpha = alpha;
    }

    /** The report as the JSON answer's {@code analysis}, snake_case names. */
    public Map<String, Object> test(GroupSummaries summaries, String value, String grouping, boolean money)
    {
        List<GroupSummary> groups = summaries.groups();
        String valueWords = Wording.words(value);
        String groupingWords = Wording.words(grouping);
        if (groups.size() != 2) {
            throw new AurumException(ErrorCode.BAD_INPUT, "A t test compares exactly two groups, but " + groupingWords + " has " + groups.size()
                    + (groups.isEmpty() ? " with values (after the filter)" : ": " + String.join(", ", groups.stream().map(GroupSummary::group).limit(8).toList()))
                    + ". Use --filter to keep two, or stats anova for more.");
        }
        GroupSummary a = groups.get(0);
        GroupSummary b = groups.get(1);
        if (a.count() < 2 || b.count() < 2) {
            GroupSummary small = a.count() < 2 ? a : b;
            throw new AurumException(ErrorCode.BAD_INPUT, groupingWords + " " + small.group() + " has a single value of " + valueWords
                    + "; a t test needs at least two values in each group.");
        }
        double varianceA = a.variance() / a.count();
        double varianceB = b.variance() / b.count();
        if (varianceA + varianceB <= 0) {
            throw new AurumException(ErrorCode.BAD_INPUT, valueWords + " does not vary within either group, so the t test is undefined.");
        }
        double difference = a.mean() - b.mean();
        double standardError = Math.sqrt(varianceA + varianceB);
        double t = difference / standardError;
        double df = (varianceA + varianceB) * (varianceA + varianceB)
                / (varianceA * varianceA / (a.count() - 1) + varianceB * varianceB / (b.count() - 1));
        double p = Distributions.tTwoSided(t, df);
        double half = Distributions.tQuantileUpper(alpha / 2, df) * standardError;
        double pooled = Math.sqrt(((a.count() - 1) * a.variance() + (b.count() - 1) * b.variance()) / (a.count() + b.count() - 2));
        double cohensD = pooled > 0 ? difference / pooled : 0;
        boolean significant = p < alpha;
        String conclusion = "Welch's t test: t = " + Wording.significant(t, 3) + " (df " + Wording.significant(df, 4) + "), " + Wording.p(p) + "; "
                + valueWords + (significant ? " differs" : " does not differ") + " between " + a.group() + " and " + b.group() + " at the "
                + Wording.percentLevel(alpha) + " level. " + a.group() + " minus " + b.group() + " is " + Wording.amount(difference, money, currencySymbol) + " ("
                + Wording.percentLevel(1 - alpha) + " CI " + Wording.amount(difference - half, money, currencySymbol) + " to " + Wording.amount(difference + half, money, currencySymbol)
                + "; Cohen's d = " + Wording.significant(cohensD, 2) + ").";
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("test", "welch_t_test");
        map.put("value", value);
        map.put("grouping", grouping);
        map.put("alpha", alpha);
        map.put("t_statistic", t);
        map.put("df", df);
        map.put("p_value", p);
        map.put("mean_difference", difference);
        map.put("ci_low", difference - half);
        map.put("ci_high", difference + half);
        map.put("cohens_d", cohensD);
        List<Map<String, Object>> groupMaps = new ArrayList<>();
        for (GroupSummary group : groups) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("group", group.group());
            entry.put("n", group.count());
            entry.put("mean", group.mean());
            entry.put("standard_deviation", Math.sqrt(group.variance()));
            groupMaps.add(entry);
        }
        map.put("groups", groupMaps);
        map.put("significant", significant);
        map.put("conclusion", conclusion);
        return map;
    }
}
