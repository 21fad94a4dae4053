package dev.aurum.cli;

import java.io.PrintWriter;

/**
 * The benchmark itself. It lives in {@code src/bench/java}, built only with {@code mvn -Pbench} (it needs DuckDB,
 * which must never reach the product's classpath), and is found with {@link java.util.ServiceLoader}; {@code ./aurum
 * bench} builds it and puts it on the classpath.
 */
public interface BenchSuite
{
    /** Runs every measurement, writes the JSON and Markdown reports and returns the exit code. */
    int run(BenchSettings settings, PrintWriter out);
}
