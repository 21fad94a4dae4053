package dev.aurum.assistant.proposal;

import static java.util.Objects.requireNonNull;

/** An earlier question of the conversation and the SQL that answered it (null when it was not answered). */
public record Turn(String question, String sql)
{
    public Turn
    {
        requireNonNull(question, "question is null");
    }
}
