package dev.aurum.assistant.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A model exchange as a file of the record/replay folder: the request's messages and the reply's text and tokens, in
 * {@code <hash of the request>.json}. The hash covers the messages and the response format, so a changed prompt (a new
 * template, another data date) is a new exchange.
 */
final class Exchanges
{
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Exchanges() {}

    record Message(String role, String text) {}

    record Reply(String text, Integer promptTokens, Integer completionTokens) {}

    record Exchange(List<Message> request, String responseFormat, Reply reply) {}

    static List<Message> messages(ChatRequest request)
    {
        List<Message> messages = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            if (message instanceof SystemMessage system) {
                messages.add(new Message("system", system.text()));
            }
            else if (message instanceof UserMessage user) {
                messages.add(new Message("user", user.singleText()));
            }
            else if (message instanceof AiMessage ai) {
                messages.add(new Message("assistant", ai.text()));
            }
            else {
                messages.add(new Message(message.type().name().toLowerCase(java.util.Locale.ROOT), String.valueOf(message)));
            }
        }
        return messages;
    }

    static String responseFormat(ChatRequest request)
    {
        return request.responseFormat() == null ? "text" : request.responseFormat().type().name().toLowerCase(java.util.Locale.ROOT);
    }

    static Path file(Path folder, ChatRequest request)
    {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] key = JSON.writeValueAsBytes(new Exchange(messages(request), responseFormat(request), null));
            return folder.resolve(HexFormat.of().formatHex(digest.digest(key)).substring(0, 24) + ".json");
        }
        catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply reply(ChatResponse response)
    {
        TokenUsage usage = response.tokenUsage();
        return new Reply(response.aiMessage().text(), usage == null ? null : usage.inputTokenCount(), usage == null ? null : usage.outputTokenCount());
    }

    static ChatResponse response(Reply reply)
    {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(reply.text() == null ? "" : reply.text()))
                .tokenUsage(new TokenUsage(reply.promptTokens(), reply.completionTokens()))
                .build();
    }

    static byte[] bytes(Exchange exchange)
    {
        try {
            return JSON.writeValueAsString(exchange).getBytes(StandardCharsets.UTF_8);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
