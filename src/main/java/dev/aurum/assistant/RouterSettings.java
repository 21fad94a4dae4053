package dev.aurum.assistant;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How the router is configured.
 *
 * @param llmModel the LLM model named by {@code --llm-model} or {@code AURUM_LLM_MODEL}; an LLM counts as configured
 * only when a model is named
 */
public record RouterSettings(Optional<String> llmModel)
{
    public RouterSettings
    {
        requireNonNull(llmModel, "llmModel is null");
        llmModel = llmModel.filter(name -> !name.isBlank());
    }

    public static RouterSettings offline()
    {
        return new RouterSettings(Optional.empty());
    }

    public boolean llmConfigured()
    {
        return llmModel.isPresent();
    }
}
