package dev.aurum.assistant.proposal;

import static java.util.Objects.requireNonNull;

/** One phrase of a question and what a route took it as ("per state" → "by customer_state"); shown by {@code /why}. */
public record Understood(String text, String as)
{
    public Understood
    {
        requireNonNull(text, "text is null");
        requireNonNull(as, "as is null");
    }
}
