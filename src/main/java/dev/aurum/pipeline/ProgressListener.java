package dev.aurum.pipeline;

/** Receives one line per pipeline step, e.g. {@code "bronze.orders: 3 new files, 1,204 rows"}. */
public interface ProgressListener
{
    void step(String line);

    static ProgressListener none()
    {
        return line -> {};
    }
}
