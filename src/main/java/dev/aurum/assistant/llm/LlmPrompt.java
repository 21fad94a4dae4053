package dev.aurum.assistant.llm;

import static java.util.Objects.requireNonNull;

/** The two messages of a SQL request, and the schema slice the user message describes. */
public record LlmPrompt(String system, String user, SchemaSlice slice)
{
    public LlmPrompt
    {
        requireNonNull(system, "system is null");
        requireNonNull(user, "user is null");
        requireNonNull(slice, "slice is null");
    }

    public int estimatedTokens()
    {
        return SchemaText.estimateTokens(system) + SchemaText.estimateTokens(user);
    }
}
