package dev.aurum.web;

/** A request the API refuses, with its HTTP status and a message that says what to do. */
final class HttpError
        extends RuntimeException
{
    private final int status;

    HttpError(int status, String message)
    {
        super(message);
        this.status = status;
    }

    int status()
    {
        return status;
    }
}
