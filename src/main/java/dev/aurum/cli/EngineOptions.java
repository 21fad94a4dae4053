package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.RouterSettings;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code --engine} and {@code --llm-model}, for chat, ask and batch. */
public class EngineOptions
{
    @Option(names = "--engine", paramLabel = "E", defaultValue = "${env:AURUM_ENGINE:-auto}",
            description = "offline (semantic model only, never a network), llm (not built yet), auto (default: trusted query, "
                    + "planner, LLM when one is named, else a question back).")
    String engine;

    @Option(names = "--llm-model", paramLabel = "NAME", defaultValue = "${env:AURUM_LLM_MODEL}",
            description = "The LLM model to use (env AURUM_LLM_MODEL); without one nothing is sent anywhere.")
    String llmModel;

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
}
