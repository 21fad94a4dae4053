package dev.aurum.assistant.offline;

/**
 * One small, named step of reading a question (docs/architecture.md, "The planner's rules"), in the manner of Trino's
 * iterative optimizer rules: it takes an immutable {@link Reading} and returns a new one (or the same when it finds
 * nothing to do). No rule keeps state between calls.
 */
interface PlannerRule
{
    /** The rule's name, as docs/architecture.md lists it. */
    String name();

    Reading apply(Reading reading, PlanContext context);
}
