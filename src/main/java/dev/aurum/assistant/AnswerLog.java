package dev.aurum.assistant;

/** Receives every answer the router gives (the audit log); must never make an answer fail. */
@FunctionalInterface
public interface AnswerLog
{
    AnswerLog NONE = (engine, answer) -> {};

    void record(Engine engine, Answer answer);
}
