package dev.aurum.assistant.offline;

import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.ValueIndex;

import java.time.LocalDate;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What every {@link PlannerRule} may read besides the reading: the semantic model, its phrases, the stored values, the
 * data date relative time is anchored at, and the units the model declares for its metrics.
 *
 * @param metricUnits the units the model declares for its metrics, in singular form ("day", "brl", "percent")
 */
record PlanContext(SemanticModel model, Lexicon lexicon, ValueIndex values, TimeExpressions time, LocalDate anchor, Set<String> metricUnits)
{
    PlanContext
    {
        requireNonNull(model, "model is null");
        requireNonNull(lexicon, "lexicon is null");
        requireNonNull(values, "values is null");
        requireNonNull(time, "time is null");
        requireNonNull(anchor, "anchor is null");
        metricUnits = Set.copyOf(metricUnits);
    }
}
