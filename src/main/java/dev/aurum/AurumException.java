package dev.aurum;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type of Aurum: a category plus a message written for the user, saying what is
 * wrong and what to do about it.
 */
public class AurumException
        extends RuntimeException
{
    private final ErrorCode code;

    public AurumException(ErrorCode code, String message)
    {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public AurumException(ErrorCode code, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code()
    {
        return code;
    }

    public int exitCode()
    {
        return code.exitCode();
    }
}
