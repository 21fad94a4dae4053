package dev.aurum.assistant;

import dev.aurum.assistant.offline.PlannerResult;
import dev.aurum.assistant.offline.QueryPlan;
import dev.aurum.assistant.offline.SemanticPlanner;

import java.util.Optional;

/** What the router needs of the offline planner ({@code SemanticPlanner::plan}); tests pass scripted results. */
@FunctionalInterface
public interface QuestionPlanner
{
    PlannerResult plan(String question, Optional<QueryPlan> previous);

    static QuestionPlanner of(SemanticPlanner planner)
    {
        return planner::plan;
    }
}
