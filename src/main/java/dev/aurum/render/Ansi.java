package dev.aurum.render;

/** The few terminal styles Aurum uses; every method returns the text unchanged when styling is off. */
final class Ansi
{
    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    Ansi(boolean enabled)
    {
        this.enabled = enabled;
    }

    String bold(String text)
    {
        return enabled ? "\u001b[1m" + text + RESET : text;
    }

    String dim(String text)
    {
        return enabled ? "\u001b[2m" + text + RESET : text;
    }
}
