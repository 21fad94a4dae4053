package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Open the chat. On first run, generates sample data and builds the lakehouse.")
public class ChatCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext context = AppContext.of(common)) {
            Bootstrap.ensureLakehouse(context, out);
        }
        out.println("The chat is not built yet in this version of Aurum; see README.md for what works today.");
        return 0;
    }
}
