package dev.aurum.web;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.Conversation;

/**
 * What the web app needs of the assistant, wired by {@code aurum serve} from the same session the chat uses: new
 * conversations, SQL the user typed (the guard decides), and cancelling one conversation's running queries.
 */
public interface AnswerService
{
    Conversation newConversation();

    /** Never throws for bad SQL: a refusal comes back as an answer with status refused. */
    Answer runSql(String id, String sql);

    /** Cancels the queries this conversation started (never another user's); returns how many were running. */
    int cancel(String conversationId);
}
