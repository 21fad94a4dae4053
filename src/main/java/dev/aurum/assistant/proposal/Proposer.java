package dev.aurum.assistant.proposal;

/**
 * A route that reads a question and proposes how to answer it: the verified-query matcher, the offline semantic planner
 * and the LLM agent. A proposer never runs the SQL it proposes and never knows the router; the router decides which
 * proposal to use, sends its SQL through the guard and answers (docs/architecture.md, "Answering a question").
 */
@FunctionalInterface
public interface Proposer
{
    Proposal propose(Question question);
}
