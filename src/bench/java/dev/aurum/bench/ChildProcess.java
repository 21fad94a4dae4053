package dev.aurum.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Runs one measured command in a child JVM and reports its wall time and peak resident memory. Peak RSS is the
 * kernel's high-water mark {@code VmHWM} from {@code /proc/<pid>/status}, read every 50 ms while the child runs (the
 * mark only grows, so the last reading before exit is the peak, give or take the last 50 ms); it counts the JVM's heap,
 * its native memory and, for DuckDB, DuckDB's own buffers, as the kernel sees them.
 */
final class ChildProcess
{
    /** What one child run gave: exit code, wall time, peak RSS (-1 where /proc is missing) and its output. */
    record Outcome(int exitCode, long wallMillis, long peakRssBytes, String output, Path log)
    {
        Outcome
        {
            requireNonNull(output, "output is null");
            requireNonNull(log, "log is null");
        }
    }

    private ChildProcess() {}

    /** The java binary running this benchmark, the same JVM flags (add-opens, aurum.home, -Xmx) and {@code extraFlags}. */
    static List<String> java(String classPath, List<String> extraFlags)
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            String lower = flag.toLowerCase(Locale.ROOT);
            boolean gc = lower.startsWith("-xx:+use") && lower.endsWith("gc");
            boolean heap = lower.startsWith("-xmx") && extraFlags.stream().anyMatch(extra -> extra.startsWith("-Xmx"));
            if (!gc && !heap && !lower.startsWith("-agentlib") && !lower.startsWith("-javaagent")) {
                command.add(flag);
            }
        }
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(classPath);
        return command;
    }

    /** The product's classpath, as the launcher builds it: the jar and target/lib, no benchmark classes, no DuckDB. */
    static String productClassPath(Path home)
    {
        return home.resolve("target").resolve("aurum.jar") + java.io.File.pathSeparator + home.resolve("target").resolve("lib") + "/*";
    }

    static Outcome run(List<String> command, Path log, boolean echo)
    {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            long start = System.nanoTime();
            Process process = builder.start();
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            long peak = -1;
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, highWaterMark(status));
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (echo) {
                System.out.print(output);
            }
            return new Outcome(process.exitValue(), wall, peak, output, log);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(command.size() - 1) + ": " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + String.join(" ", command.subList(Math.max(0, command.size() - 4), command.size())) + " ran", e);
        }
    }

    /** {@code VmHWM} in bytes, or -1 when the process is gone or /proc is not there. */
    static long highWaterMark(Path status)
    {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // the process ended between the check and the read
        }
        return -1;
    }
}
