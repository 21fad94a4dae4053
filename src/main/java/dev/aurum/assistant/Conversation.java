package dev.aurum.assistant;

import java.util.Optional;

/** A chat: questions asked in order; "now by state" refines the previous answer's plan. */
public interface Conversation
{
    /**
     * Answers one question. Never throws for a bad question: refusals, clarifications and errors come back as an
     * {@link Answer} with that status.
     */
    Answer ask(String id, String question);

    Optional<Answer> lastAnswer();

    /** Forgets the context (the REPL's /reset). */
    void reset();
}
