package dev.aurum.assistant.offline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.ValueIndex;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Turns a question into SQL using only the semantic model and the value index: no question-specific code.
 */
public final class SemanticPlanner
{
    private final SemanticModel model;
    private final ValueIndex values;
    private final Supplier<LocalDate> dataDate;

    /** @param dataDate the latest purchase date in Gold, the anchor of relative time */
    public SemanticPlanner(SemanticModel model, ValueIndex values, Supplier<LocalDate> dataDate)
    {
        this.model = requireNonNull(model, "model is null");
        this.values = requireNonNull(values, "values is null");
        this.dataDate = requireNonNull(dataDate, "dataDate is null");
    }

    /** @param previous the plan of the previous answer in the conversation, for follow-ups ("now by state") */
    public PlannerResult plan(String question, Optional<QueryPlan> previous)
    {
        throw new AurumException(ErrorCode.NOT_BUILT, "the semantic planner is not built yet");
    }
}
