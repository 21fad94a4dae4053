package dev.aurum.cli;

import dev.aurum.AurumException;
import picocli.CommandLine;

import java.util.Arrays;

/** Entry point: {@code System.exit(new CommandLine(new RootCommand()).execute(args))}, plus error mapping. */
public final class Main
{
    private Main() {}

    public static void main(String[] args)
    {
        System.exit(run(args));
    }

    public static int run(String... args)
    {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (verbose) {
            System.setProperty("aurum.log.level", "info");
        }
        return commandLine(verbose).execute(args);
    }

    public static CommandLine commandLine(boolean verbose)
    {
        return commandLine(verbose, CommandLine.defaultFactory());
    }

    /** The command line with commands made by {@code factory} (tests pass one that wires fakes into commands). */
    public static CommandLine commandLine(boolean verbose, CommandLine.IFactory factory)
    {
        CommandLine commandLine = new CommandLine(new RootCommand(), factory);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof AurumException aurum) {
                cmd.getErr().println("error: " + aurum.getMessage());
                if (verbose && aurum.getCause() != null) {
                    aurum.getCause().printStackTrace(cmd.getErr());
                }
                return aurum.exitCode();
            }
            cmd.getErr().println("error: " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
            if (verbose) {
                exception.printStackTrace(cmd.getErr());
            }
            else {
                cmd.getErr().println("(run again with --verbose for details)");
            }
            return 1;
        });
        return commandLine;
    }
}
