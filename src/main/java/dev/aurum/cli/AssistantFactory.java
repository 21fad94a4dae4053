package dev.aurum.cli;

import dev.aurum.assistant.RouterSettings;

/** Opens an {@link AssistantSession} over a lakehouse; tests pass one that wires fakes. */
@FunctionalInterface
public interface AssistantFactory
{
    /**
     * Must return quickly: anything slow (Spark, the Gold cache, the embedding model) warms up in the background
     * and the first question waits for it.
     */
    AssistantSession open(AppContext context, RouterSettings settings);
}
