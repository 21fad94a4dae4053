package dev.aurum.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The group summaries of one value across the groups of one dimension, plus the one number Kruskal–Wallis needs
 * from all values together.
 *
 * @param groups one summary per group, in {@link #order() display order}
 * @param tieSum Σ (t³ − t) over the distinct values, t = how many times each value occurs (the tie correction)
 */
public record GroupSummaries(List<GroupSummary> groups, double tieSum)
{
    public GroupSummaries
    {
        groups = order(requireNonNull(groups, "groups is null"));
    }

    /** One value and its group; either may be null (such rows are left out). */
    public record Observation(String group, Double value) {}

    public long totalCount()
    {
        return groups.stream().mapToLong(GroupSummary::count).sum();
    }

    /**
     * The plain-Java computation from individual values, for tests and small inputs: the same numbers Spark computes
     * from grouped counts (see {@code SparkGroupSummaries}).
     */
    public static GroupSummaries of(List<Observation> observations)
    {
        Map<String, List<Double>> byGroup = new TreeMap<>();
        List<Double> all = new ArrayList<>();
        for (Observation observation : observations) {
            if (observation.group() == null || observation.value() == null || observation.value().isNaN()) {
                continue;
            }
            byGroup.computeIfAbsent(observation.group(), key -> new ArrayList<>()).add(observation.value());
            all.add(observation.value());
        }
        all.sort(Double::compare);
        // average ranks: a run of t equal values at positions i+1 … i+t gets i + (t + 1) / 2
        Map<Double, Double> ranks = new TreeMap<>();
        double tieSum = 0;
        for (int start = 0; start < all.size(); ) {
            int end = start;
            while (end < all.size() && all.get(end).equals(all.get(start))) {
                end++;
            }
            double ties = end - start;
            ranks.put(all.get(start), start + (ties + 1) / 2);
            tieSum += ties * ties * ties - ties;
            start = end;
        }
        List<GroupSummary> groups = new ArrayList<>();
        for (Map.Entry<String, List<Double>> entry : byGroup.entrySet()) {
            List<Double> values = new ArrayList<>(entry.getValue());
            values.sort(Double::compare);
            int n = values.size();
            double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
            double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
            double squared = 0;
            double absolute = 0;
            double squaredMedian = 0;
            double rankSum = 0;
            for (double value : values) {
                squared += (value - mean) * (value - mean);
                absolute += Math.abs(value - median);
                squaredMedian += (value - median) * (value - median);
                rankSum += ranks.get(value);
            }
            groups.add(new GroupSummary(entry.getKey(), n, mean, squared, median, absolute, squaredMedian, rankSum));
        }
        return new GroupSummaries(groups, tieSum);
    }

    /** Groups sorted by label: numerically when every label is a number (months 1 … 12), else alphabetically. */
    static List<GroupSummary> order(List<GroupSummary> groups)
    {
        boolean numeric = groups.stream().allMatch(group -> isNumber(group.group()));
        Comparator<GroupSummary> comparator = numeric
                ? Comparator.comparingDouble(group -> Double.parseDouble(group.group()))
                : Comparator.comparing(GroupSummary::group);
        return groups.stream().sorted(comparator).toList();
    }

    static boolean isNumber(String text)
    {
        try {
            Double.parseDouble(text);
            return !text.isBlank();
        }
        catch (NumberFormatException e) {
            return false;
        }
    }
}
