package dev.aurum.assistant;

/** Answers questions; each conversation keeps the context follow-up questions refine. */
public interface Assistant
{
    Conversation newConversation(Engine engine);
}
