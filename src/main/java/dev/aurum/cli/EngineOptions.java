package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.RouterSettings;
import dev.aurum.assistant.llm.LlmSettings;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code --engine} and {@code --llm-model}, for chat, ask and batch. */
public class EngineOptions
{
    @Option(names = "--engine", paramLabel = "E", defaultValue = "${env:AURUM_ENGINE:-auto}",
            description = "offline (semantic model only, never a network), llm (the LLM writes the SQL), auto (default: trusted query, "
                    + "planner, LLM when one is named, else a question back).")
    String engine;

    @Option(names = "--llm-model", paramLabel = "NAME", defaultValue = "${env:AURUM_LLM_MODEL}",
            description = "The LLM model to use (env AURUM_LLM_MODEL); without one nothing is sent anywhere.")
    String llmModel;

    @Option(names = "--max-attempts", paramLabel = "N", description = "SQL attempts the LLM may take per question, the first and its repairs "
            + "(env AURUM_LLM_MAX_ATTEMPTS, default 3).")
    Integer maxAttempts;

    public Engine engine()
    {
        try {
            return Engine.parse(engine);
        }
        catch (IllegalArgumentException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Unknown engine '" + engine + "'; use offline, llm or auto.");
        }
    }

    public RouterSettings routerSettings()
    {
        return new RouterSettings(Optional.ofNullable(llmModel));
    }

    /** The LLM route's settings: the environment (AURUM_LLM_*), then these flags. */
    public LlmSettings llmSettings()
    {
        return llmSettings(System.getenv(), llmModel, maxAttempts).build();
    }

    static LlmSettings.Builder llmSettings(java.util.Map<String, String> environment, String model, Integer maxAttempts)
    {
        LlmSettings.Builder builder = LlmSettings.fromEnvironment(environment);
        if (model != null) {
            builder.model(model);
        }
        if (maxAttempts != null) {
            builder.maxAttempts(maxAttempts);
        }
        return builder;
    }
}
