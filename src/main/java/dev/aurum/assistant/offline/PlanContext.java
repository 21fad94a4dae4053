package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.ValueIndex;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What every {@link PlannerRule} may read besides the reading: the semantic model, its phrases, the stored values, the
 * data date relative time is anchored at, the units the model declares for its metrics, and the plan of the previous
 * answer in the conversation.
 *
 * @param metricUnits the units the model declares for its metrics, in singular form ("day", "brl", "percent")
 * @param previous the plan of the previous answer, which a follow-up ("now by state") refines
 */
record PlanContext(SemanticModel model, Lexicon lexicon, ValueIndex values, TimeExpressions time, LocalDate anchor, Set<String> metricUnits,
        Optional<PlanSpec> previous)
{
    PlanContext
    {
        requireNonNull(model, "model is null");
        requireNonNull(lexicon, "lexicon is null");
        requireNonNull(values, "values is null");
        requireNonNull(time, "time is null");
        requireNonNull(anchor, "anchor is null");
        metricUnits = Set.copyOf(metricUnits);
        requireNonNull(previous, "previous is null");
    }

    /** A context for a question asked on its own, with no previous answer. */
    PlanContext(SemanticModel model, Lexicon lexicon, ValueIndex values, TimeExpressions time, LocalDate anchor, Set<String> metricUnits)
    {
        this(model, lexicon, values, time, anchor, metricUnits, Optional.empty());
    }
}
