package dev.aurum.stats;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One-way ANOVA and its companions from group summaries alone (docs/reference.md, "Statistics"): classic F with eta² and
 * omega², Brown–Forsythe Levene, Welch's ANOVA, Kruskal–Wallis with the tie correction and epsilon², and Tukey HSD
 * (variances look equal) or Games–Howell (they do not) for every pair. Works the same whether the summaries came
 * from Spark or from plain Java.
 */
public final class OneWayAnova
{
    public static final double DEFAULT_ALPHA = 0.05;
    /** Below this eta² an effect is negligible, however small its p-value. */
    public static final double NEGLIGIBLE_ETA_SQUARED = 0.01;

    private final double alpha;
    private final String currencySymbol;

    /** Money printed without a currency symbol. */
    public OneWayAnova(double alpha)
    {
        this(alpha, "");
    }

    /** @param currencySymbol what goes before money in conclusions: the semantic model's currency */
    public OneWayAnova(double alpha, String currencySymbol)
    {
        this.currencySymbol = java.util.Objects.requireNonNull(currencySymbol, "currencySymbol is null");
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "alpha must be between 0 and 0.5 (for example 0.05), got " + alpha);
        }
        this.alpha = alpha;
    }

    /**
     * @param value what was measured, as the user named it ("order_value")
     * @param grouping the dimension that splits it ("season")
     * @param money whether the value is an amount of money (conclusions then print it with the currency symbol)
     * @throws AurumException BAD_INPUT when the data cannot be tested: no rows, one group, no variation
     */
    public AnovaReport analyse(GroupSummaries summaries, String value, String grouping, boolean money)
    {
        requireNonNull(summaries, "summaries is null");
        List<GroupSummary> groups = summaries.groups();
        String valueWords = Wording.words(value);
        String groupingWords = Wording.words(grouping);
        if (groups.isEmpty()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "There are no rows to test: no row has both a " + valueWords + " and a " + groupingWords
                    + " (after the filter). Loosen the filter or choose other columns.");
        }
        if (groups.size() == 1) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Only one " + groupingWords + " (" + groups.get(0).group() + ") has values of " + valueWords
                    + "; comparing needs at least two groups. Loosen the filter or group by another dimension.");
        }
        int k = groups.size();
        long n = summaries.totalCount();
        if (n - k < 1) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Every " + groupingWords + " has a single value of " + valueWords
                    + ", so there is no variation within groups to compare against; use more data.");
        }
        double grandMean = 0;
        for (GroupSummary group : groups) {
            grandMean += group.count() * group.mean();
        }
        grandMean /= n;
        double between = 0;
        double within = 0;
        for (GroupSummary group : groups) {
            between += group.count() * square(group.mean() - grandMean);
            within += group.squaredDeviationSum();
        }
        if (within <= 0 && between <= 0) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Every " + valueWords + " is the same (" + Wording.amount(groups.get(0).mean(), money, currencySymbol)
                    + "), so there is nothing to compare across " + groupingWords + ".");
        }
        if (within <= 0) {
            throw new AurumException(ErrorCode.BAD_INPUT, valueWords + " does not vary within any " + groupingWords
                    + " (each group holds one repeated value), so the F test is undefined; every group differs from the others exactly.");
        }
        List<String> notes = new ArrayList<>();
        long dfBetween = k - 1;
        long dfWithin = n - k;
        double meanSquareWithin = within / dfWithin;
        double f = (between / dfBetween) / meanSquareWithin;
        double p = Distributions.fUpper(f, dfBetween, dfWithin);
        double total = between + within;
        double etaSquared = between / total;
        double omegaSquared = (between - dfBetween * meanSquareWithin) / (total + meanSquareWithin);

        List<AnovaReport.GroupResult> results = new ArrayList<>();
        for (GroupSummary group : groups) {
            if (group.count() < 2) {
                results.add(new AnovaReport.GroupResult(group.group(), group.count(), group.mean(), null, null, null, group.median()));
                notes.add(groupingWords + " " + group.group() + " has a single value: no standard deviation or interval for it");
                continue;
            }
            double sd = Math.sqrt(group.variance());
            double half = Distributions.tQuantileUpper(0.025, group.count() - 1) * sd / Math.sqrt(group.count());
            results.add(new AnovaReport.GroupResult(group.group(), group.count(), group.mean(), sd, group.mean() - half, group.mean() + half, group.median()));
        }

        // Brown–Forsythe: ANOVA of z = |x − median| (sums of z and z² per group)
        Double leveneStatistic = null;
        Double leveneP = null;
        double zGrand = groups.stream().mapToDouble(GroupSummary::absoluteMedianDeviationSum).sum() / n;
        double zBetween = 0;
        double zWithin = 0;
        for (GroupSummary group : groups) {
            double zMean = group.absoluteMedianDeviationSum() / group.count();
            zBetween += group.count() * square(zMean - zGrand);
            zWithin += Math.max(0, group.squaredMedianDeviationSum() - group.count() * zMean * zMean);
        }
        if (zWithin > 0) {
            leveneStatistic = (zBetween / dfBetween) / (zWithin / dfWithin);
            leveneP = Distributions.fUpper(leveneStatistic, dfBetween, dfWithin);
        }
        else {
            notes.add("Levene's test is undefined: the spread around the median does not vary within any group");
        }
        boolean equalVariances = leveneP == null || leveneP >= alpha;

        // Welch's ANOVA needs a positive variance in every group
        Double welchF = null;
        Double welchDf1 = null;
        Double welchDf2 = null;
        Double welchP = null;
        GroupSummary noVariance = groups.stream().filter(group -> group.count() < 2 || group.variance() <= 0).findFirst().orElse(null);
        if (noVariance == null) {
            double weightSum = 0;
            double weightedMean = 0;
            for (GroupSummary group : groups) {
                double weight = group.count() / group.variance();
                weightSum += weight;
                weightedMean += weight * group.mean();
            }
            weightedMean /= weightSum;
            double numerator = 0;
            double correction = 0;
            for (GroupSummary group : groups) {
                double weight = group.count() / group.variance();
                numerator += weight * square(group.mean() - weightedMean);
                correction += square(1 - weight / weightSum) / (group.count() - 1);
            }
            numerator /= (k - 1);
            double denominator = 1 + 2.0 * (k - 2) / (k * (double) k - 1) * correction;
            welchF = numerator / denominator;
            welchDf1 = (double) (k - 1);
            welchDf2 = (k * (double) k - 1) / (3 * correction);
            welchP = Distributions.fUpper(welchF, welchDf1, welchDf2);
        }
        else {
            notes.add("Welch's ANOVA and Games–Howell need a variance in every group; " + groupingWords + " " + noVariance.group()
                    + (noVariance.count() < 2 ? " has a single value" : " has one repeated value"));
        }

        // Kruskal–Wallis with the tie correction
        double rankTerm = 0;
        for (GroupSummary group : groups) {
            rankTerm += group.rankSum() * group.rankSum() / group.count();
        }
        double nDouble = n;
        double h = 12.0 / (nDouble * (nDouble + 1)) * rankTerm - 3 * (nDouble + 1);
        double tieCorrection = 1 - summaries.tieSum() / (nDouble * nDouble * nDouble - nDouble);
        h = tieCorrection > 0 ? Math.max(0, h / tieCorrection) : 0;
        double kruskalP = Distributions.chiSquareUpper(h, k - 1);
        double epsilonSquared = h / (nDouble - 1);

        boolean useWelch = !equalVariances && welchF != null;
        String test = useWelch ? "welch_anova" : "anova";
        double decisiveP = useWelch ? welchP : p;
        boolean significant = decisiveP < alpha;

        boolean gamesHowell = !equalVariances && noVariance == null;
        List<AnovaReport.PairwiseComparison> pairs = gamesHowell ? gamesHowell(groups) : tukey(groups, meanSquareWithin, dfWithin);
        if (!equalVariances && noVariance != null) {
            notes.add("variances look different but Games–Howell is undefined here, so pairs use Tukey HSD");
        }
        String method = gamesHowell ? "games_howell" : "tukey_hsd";

        String conclusion = conclusion(valueWords, groupingWords, money, leveneP, useWelch, equalVariances, f, dfBetween, dfWithin, p, welchF, welchDf2,
                welchP, significant, etaSquared, pairs, h, kruskalP);
        return new AnovaReport(value, grouping, alpha, n, results, f, dfBetween, dfWithin, p, etaSquared, omegaSquared, leveneStatistic, leveneP,
                welchF, welchDf1, welchDf2, welchP, h, k - 1, kruskalP, epsilonSquared, method, pairs, test, significant, notes, conclusion);
    }

    List<AnovaReport.PairwiseComparison> tukey(List<GroupSummary> groups, double meanSquareWithin, long dfWithin)
    {
        int k = groups.size();
        double critical = StudentizedRange.quantile(alpha, k, dfWithin);
        List<AnovaReport.PairwiseComparison> pairs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                GroupSummary a = groups.get(i);
                GroupSummary b = groups.get(j);
                double difference = a.mean() - b.mean();
                double standardError = Math.sqrt(meanSquareWithin / 2 * (1.0 / a.count() + 1.0 / b.count()));
                double q = Math.abs(difference) / standardError;
                pairs.add(new AnovaReport.PairwiseComparison(a.group(), b.group(), difference, difference - critical * standardError,
                        difference + critical * standardError, StudentizedRange.upperTail(q, k, dfWithin), "tukey_hsd"));
            }
        }
        return pairs;
    }

    List<AnovaReport.PairwiseComparison> gamesHowell(List<GroupSummary> groups)
    {
        int k = groups.size();
        List<AnovaReport.PairwiseComparison> pairs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                GroupSummary a = groups.get(i);
                GroupSummary b = groups.get(j);
                double difference = a.mean() - b.mean();
                double varianceA = a.variance() / a.count();
                double varianceB = b.variance() / b.count();
                double standardError = Math.sqrt(varianceA + varianceB);
                double df = square(varianceA + varianceB) / (square(varianceA) / (a.count() - 1) + square(varianceB) / (b.count() - 1));
                double q = Math.abs(difference) / standardError * Math.sqrt(2);
                double critical = StudentizedRange.quantile(alpha, k, df) / Math.sqrt(2);
                pairs.add(new AnovaReport.PairwiseComparison(a.group(), b.group(), difference, difference - critical * standardError,
                        difference + critical * standardError, StudentizedRange.upperTail(q, k, df), "games_howell"));
            }
        }
        return pairs;
    }

    private String conclusion(String value, String grouping, boolean money, Double leveneP, boolean useWelch, boolean equalVariances, double f,
            long dfBetween, long dfWithin, double p, Double welchF, Double welchDf2, Double welchP, boolean significant, double etaSquared,
            List<AnovaReport.PairwiseComparison> pairs, double h, double kruskalP)
    {
        StringBuilder text = new StringBuilder();
        if (leveneP == null) {
            text.append("Levene's test is undefined here, so the classic one-way ANOVA: ");
        }
        else if (useWelch) {
            text.append("Variances differ (Levene ").append(Wording.p(leveneP)).append("), so Welch's ANOVA: F = ").append(Wording.significant(welchF, 3))
                    .append(" (df ").append(dfBetween).append(", ").append(Wording.significant(welchDf2, 4)).append("), ").append(Wording.p(welchP));
        }
        else {
            text.append(equalVariances ? "Variances look equal (Levene " + Wording.p(leveneP) + "), so the classic one-way ANOVA: "
                    : "Variances differ (Levene " + Wording.p(leveneP) + ") but Welch's ANOVA is undefined here, so the classic one-way ANOVA: ");
        }
        if (!useWelch) {
            text.append("F = ").append(Wording.significant(f, 3)).append(" (df ").append(dfBetween).append(", ").append(dfWithin).append("), ").append(Wording.p(p));
        }
        String level = Wording.percentLevel(alpha);
        text.append("; ").append(value).append(significant ? " differs" : " does not differ").append(" by ").append(grouping).append(" at the ")
                .append(level).append(" level");
        if (significant && etaSquared < NEGLIGIBLE_ETA_SQUARED) {
            text.append(", but the effect is negligible (eta² = ").append(Wording.significant(etaSquared, 2)).append(": ").append(grouping)
                    .append(" explains ").append(Wording.significant(100 * etaSquared, 2)).append("% of the variation)");
        }
        else {
            text.append(" (eta² = ").append(Wording.significant(etaSquared, 2)).append(")");
        }
        text.append(". ");
        AnovaReport.PairwiseComparison largest = pairs.stream().max(Comparator.comparingDouble(pair -> Math.abs(pair.meanDifference()))).orElseThrow();
        String higher = largest.meanDifference() >= 0 ? largest.groupA() : largest.groupB();
        String lower = largest.meanDifference() >= 0 ? largest.groupB() : largest.groupA();
        double low = largest.meanDifference() >= 0 ? largest.ciLow() : -largest.ciHigh();
        double high = largest.meanDifference() >= 0 ? largest.ciHigh() : -largest.ciLow();
        text.append("The largest difference, ").append(higher).append(" over ").append(lower).append(", is ")
                .append(Wording.amount(Math.abs(largest.meanDifference()), money, currencySymbol)).append(" (").append(Wording.percentLevel(1 - alpha)).append(" CI ")
                .append(Wording.amount(low, money, currencySymbol)).append(" to ").append(Wording.amount(high, money, currencySymbol)).append(", ")
                .append(largest.method().equals("tukey_hsd") ? "Tukey HSD" : "Games–Howell").append(" adjusted ").append(Wording.p(largest.pAdjusted()))
                .append("). ");
        boolean kruskalSignificant = kruskalP < alpha;
        text.append("Kruskal–Wallis ").append(kruskalSignificant == significant ? "agrees" : "disagrees").append(" (H = ").append(Wording.significant(h, 3))
                .append(", ").append(Wording.p(kruskalP)).append(").");
        return text.toString();
    }

    private static double square(double value)
    {
        return value * value;
    }
}
