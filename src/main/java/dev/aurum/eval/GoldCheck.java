package dev.aurum.eval;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The gold results of a suite's answer items, and the items whose gold SQL failed or returned no rows (a suite with
 * any of those measures nothing for them and is not run).
 */
public record GoldCheck(Map<String, ResultTable> results, List<Problem> problems)
{
    public GoldCheck
    {
        results = Map.copyOf(requireNonNull(results, "results is null"));
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
    }

    public boolean passed()
    {
        return problems.isEmpty();
    }

    public record Problem(String id, int line, String message)
    {
        public Problem
        {
            requireNonNull(id, "id is null");
            requireNonNull(message, "message is null");
        }
    }
}
