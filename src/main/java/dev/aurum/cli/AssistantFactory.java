package dev.aurum.cli;

import dev.aurum.assistant.RouterSettings;
import dev.aurum.assistant.llm.LlmSettings;

/** Opens an {@link AssistantSession} over a lakehouse; tests pass one that wires fakes. */
@FunctionalInterface
public interface AssistantFactory
{
    /**
     * Must return quickly: anything slow (Spark, the Gold cache, the embedding model) warms up in the background
     * and the first question waits for it.
     */
    AssistantSession open(AppContext context, RouterSettings settings);

    /** With the LLM route's settings (docs/reference.md, "The LLM route"); a factory without an LLM ignores them. */
    default AssistantSession open(AppContext context, RouterSettings settings, LlmSettings llm)
    {
        return open(context, settings);
    }
}
