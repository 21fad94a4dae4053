package dev.aurum.eval;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The verdict of comparing an answer's rows with the gold rows: a match, or a failure reason and what differs. */
public record Comparison(Optional<FailureReason> failure, String detail)
{
    public Comparison
    {
        requireNonNull(failure, "failure is null");
        requireNonNull(detail, "detail is null");
    }

    public static Comparison match(String detail)
    {
        return new Comparison(Optional.empty(), detail);
    }

    public static Comparison failure(FailureReason reason, String detail)
    {
        return new Comparison(Optional.of(reason), detail);
    }

    public boolean matches()
    {
        return failure.isEmpty();
    }
}
