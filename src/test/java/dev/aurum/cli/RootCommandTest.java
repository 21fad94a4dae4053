package dev.aurum.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class RootCommandTest
{
    @Test
    void helpListsCommandsAndExitsZero()
    {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine(false);
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("chat", "ask", "pipeline", "semantic", "eval");
    }

    @Test
    void unknownFlagIsBadUsage()
    {
        CommandLine commandLine = Main.commandLine(false);
        commandLine.setErr(new PrintWriter(new StringWriter()));
        assertThat(commandLine.execute("--no-such-flag")).isEqualTo(2);
    }

    @Test
    void everySubcommandHasHelp()
    {
        CommandLine root = Main.commandLine(false);
        root.getSubcommands().keySet().forEach(name -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = Main.commandLine(false);
            commandLine.setOut(new PrintWriter(out));
            commandLine.setErr(new PrintWriter(err));
            assertThat(commandLine.execute(name, "--help")).as(name + ": " + err).isZero();
            assertThat(out.toString()).as(name).contains("Usage: aurum " + name);
        });
    }
}
