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

/**
 * Answers from exchanges saved by {@link RecordingChatModel}, never from the network, so an eval re-scores recorded
 * replies deterministically. A request that was not recorded is an error naming the file it looked for.
 */
public final class ReplayChatModel
        implements ChatModel
{
    private final Path folder;

    public ReplayChatModel(Path folder)
    {
        this.folder = requireNonNull(folder, "folder is null");
        if (!Files.isDirectory(folder)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--replay " + folder + " is not a folder of recorded exchanges; make one with --record");
        }
    }

    @Override
    public ChatResponse chat(ChatRequest request)
    {
        Path file = Exchanges.file(folder, request);
        if (!Files.isRegularFile(file)) {
            throw new AurumException(ErrorCode.LLM_UNAVAILABLE, "no recorded reply for this request in " + folder + " (looked for " + file.getFileName()
                    + "); the prompt changed since the recording, so record again with --record");
        }
        try {
            Exchanges.Exchange exchange = Exchanges.JSON.readValue(file.toFile(), Exchanges.Exchange.class);
            return Exchanges.response(exchange.reply());
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "cannot read the recorded exchange " + file + ": " + e.getMessage());
        }
    }
}
