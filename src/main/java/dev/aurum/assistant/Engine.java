package dev.aurum.assistant;

import java.util.Locale;

/** Which route answers questions (docs/architecture.md, "Questions out"). Hypothesis tests go to statistics under every engine. */
public enum Engine
{
    /** Trusted query, then the semantic planner, then clarification; never calls a network. */
    OFFLINE,
    /** The LLM agent for every question that is not a hypothesis test. */
    LLM,
    /** Trusted query, planner when it understood every word, LLM when configured, else clarification. */
    AUTO;

    public static Engine parse(String text)
    {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
