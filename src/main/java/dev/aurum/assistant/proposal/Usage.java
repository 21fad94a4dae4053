package dev.aurum.assistant.proposal;

/**
 * What a model call cost: tokens and the time spent waiting for the model, summed over every attempt of one answer.
 * Null counts mean the server did not report them.
 */
public record Usage(Long promptTokens, Long completionTokens, long modelMillis)
{
    public static final Usage NONE = new Usage(null, null, 0);

    public Usage plus(Usage other)
    {
        return new Usage(sum(promptTokens, other.promptTokens), sum(completionTokens, other.completionTokens), modelMillis + other.modelMillis);
    }

    private static Long sum(Long a, Long b)
    {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }
}
