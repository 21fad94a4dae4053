package dev.aurum.assistant.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * The one place that knows the provider: an OpenAI-compatible chat-completions client, which serves OpenAI, Ollama,
 * vLLM, llama.cpp's server and LM Studio by base URL (docs/reference.md, "The LLM route"), wrapped for record or replay.
 */
public final class ChatModels
{
    private ChatModels() {}

    /** The model the settings name; with {@code replay} set nothing goes to the network. */
    public static ChatModel create(LlmSettings settings)
    {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("no LLM model is named");
        }
        if (settings.replay().isPresent()) {
            return new ReplayChatModel(settings.replay().get());
        }
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model().get())
                .temperature(settings.temperature())
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .build();
        return settings.record().<ChatModel>map(folder -> new RecordingChatModel(model, folder)).orElse(model);
    }
}
