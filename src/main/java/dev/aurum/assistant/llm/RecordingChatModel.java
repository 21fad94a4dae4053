package dev.aurum.assistant.llm;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/** Passes every request to the real model and saves the exchange under a folder, for {@code aurum eval --replay}. */
public final class RecordingChatModel
        implements ChatModel
{
    private final ChatModel model;
    private final Path folder;

    public RecordingChatModel(ChatModel model, Path folder)
    {
        this.model = requireNonNull(model, "model is null");
        this.folder = requireNonNull(folder, "folder is null");
    }

    @Override
    public ChatResponse chat(ChatRequest request)
    {
        ChatResponse response = model.chat(request);
        Path file = Exchanges.file(folder, request);
        try {
            Files.createDirectories(folder);
            Files.write(file, Exchanges.bytes(new Exchanges.Exchange(Exchanges.messages(request), Exchanges.responseFormat(request), Exchanges.reply(response))));
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "cannot record the model exchange in " + file + ": " + e.getMessage()
                    + "; check the folder is writable");
        }
        return response;
    }
}
