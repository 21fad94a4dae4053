package dev.aurum.eval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Everything one eval run found, as the three report files show it.
 *
 * @param data the fixed data the suite ran on, in words ("scale 0.05, 540 days from 2017-01-01, seed 42")
 * @param dataDate the data date (latest purchase date) of that data, when known
 */
public record EvalReport(
        String suiteName,
        String suiteSource,
        String engine,
        String data,
        Optional<String> dataDate,
        Instant startedAt,
        long durationMillis,
        EvalGate gate,
        List<String> gateMisses,
        EvalSummary summary,
        Optional<Coverage> coverage,
        List<QuestionOutcome> outcomes,
        Optional<String> baselineSource,
        List<BaselineChange> changes)
{
    public EvalReport
    {
        requireNonNull(suiteName, "suiteName is null");
        requireNonNull(suiteSource, "suiteSource is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(data, "data is null");
        requireNonNull(dataDate, "dataDate is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(gate, "gate is null");
        gateMisses = List.copyOf(requireNonNull(gateMisses, "gateMisses is null"));
        requireNonNull(summary, "summary is null");
        requireNonNull(coverage, "coverage is null");
        outcomes = List.copyOf(requireNonNull(outcomes, "outcomes is null"));
        requireNonNull(baselineSource, "baselineSource is null");
        changes = List.copyOf(requireNonNull(changes, "changes is null"));
    }

    public boolean gatePassed()
    {
        return gateMisses.isEmpty();
    }
}
