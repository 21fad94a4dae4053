package dev.aurum.stats;

import java.util.Optional;

/**
 * Proposes the test, value, grouping and filter for a hypothesis question that the statistics route's own reading
 * could not map (the LLM does this when one is configured). It returns names only; empty when it has no proposal or
 * failed. It never computes a statistic.
 */
@FunctionalInterface
public interface StatsChooser
{
    Optional<StatsChoice> choose(String question);
}
