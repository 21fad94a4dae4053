package dev.aurum.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs one command line and keeps its exit code, stdout and stderr. */
record CommandRun(int exitCode, String out, String err)
{
    static CommandRun run(CommandLine commandLine, String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
