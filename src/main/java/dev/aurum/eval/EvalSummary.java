package dev.aurum.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The numbers of one run: accuracy overall, per tag and per route (trusted, planner, llm, ...), the wrong-answer rate apart from abstentions and errors,
 * failure reasons, routes, latency percentiles and LLM tokens.
 */
public record EvalSummary(
        int total,
        int correct,
        int wrong,
        int abstained,
        int errors,
        Map<String, TagScore> byTag,
        Map<FailureReason, Integer> byReason,
        Map<String, Integer> byRoute,
        long latencyP50Millis,
        long latencyP95Millis,
        long promptTokens,
        long completionTokens,
        Map<String, TagScore> routeScores)
{
    public EvalSummary
    {
        byTag = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(byTag, "byTag is null")));
        byReason = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(byReason, "byReason is null")));
        byRoute = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(byRoute, "byRoute is null")));
        routeScores = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(routeScores, "routeScores is null")));
    }

    public static EvalSummary of(List<QuestionOutcome> outcomes)
    {
        int correct = 0;
        int wrong = 0;
        int abstained = 0;
        int errors = 0;
        Map<String, int[]> tags = new TreeMap<>();
        Map<FailureReason, Integer> reasons = new TreeMap<>();
        Map<String, Integer> routes = new TreeMap<>();
        Map<String, int[]> routeCounts = new TreeMap<>();
        List<Long> latencies = new ArrayList<>();
        long promptTokens = 0;
        long completionTokens = 0;
        for (QuestionOutcome outcome : outcomes) {
            switch (outcome.verdict()) {
                case CORRECT -> correct++;
                case WRONG -> wrong++;
                case ABSTAINED -> abstained++;
                case ERROR -> errors++;
            }
            for (String tag : outcome.tags()) {
                int[] counts = tags.computeIfAbsent(tag, ignored -> new int[3]);
                counts[0]++;
                counts[1] += outcome.correct() ? 1 : 0;
                counts[2] += outcome.verdict() == Verdict.WRONG ? 1 : 0;
            }
            outcome.reason().ifPresent(reason -> reasons.merge(reason, 1, Integer::sum));
            String route = outcome.route() == null ? "none" : outcome.route();
            routes.merge(route, 1, Integer::sum);
            int[] routeCount = routeCounts.computeIfAbsent(route, ignored -> new int[3]);
            routeCount[0]++;
            routeCount[1] += outcome.correct() ? 1 : 0;
            routeCount[2] += outcome.verdict() == Verdict.WRONG ? 1 : 0;
            latencies.add(outcome.latencyMillis());
            promptTokens += outcome.promptTokens();
            completionTokens += outcome.completionTokens();
        }
        Map<String, TagScore> byTag = new TreeMap<>();
        tags.forEach((tag, counts) -> byTag.put(tag, new TagScore(counts[0], counts[1], counts[2])));
        Map<String, TagScore> routeScores = new TreeMap<>();
        routeCounts.forEach((route, counts) -> routeScores.put(route, new TagScore(counts[0], counts[1], counts[2])));
        Collections.sort(latencies);
        return new EvalSummary(outcomes.size(), correct, wrong, abstained, errors, byTag, reasons, routes,
                percentile(latencies, 50), percentile(latencies, 95), promptTokens, completionTokens, routeScores);
    }

    /** Right answers (and right clarifications and refusals) over all questions, 0..1. */
    public double accuracy()
    {
        return total == 0 ? 0 : (double) correct / total;
    }

    /** Answered but wrong over all questions, 0..1. */
    public double wrongRate()
    {
        return total == 0 ? 0 : (double) wrong / total;
    }

    /** Asked back or refused where something else was expected, over all questions, 0..1. */
    public double abstentionRate()
    {
        return total == 0 ? 0 : (double) abstained / total;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int percent)
    {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public record TagScore(int total, int correct, int wrong)
    {
        public double accuracy()
        {
            return total == 0 ? 0 : (double) correct / total;
        }
    }
}
