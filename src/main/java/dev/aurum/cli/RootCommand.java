package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "aurum",
        mixinStandardHelpOptions = true,
        version = "aurum 0.1.0",
        description = {
                "Ask questions about your e-commerce lakehouse in plain English.",
                "",
                "Start with: ./aurum chat (builds sample data and the lakehouse on first run)."},
        subcommands = {
                ChatCommand.class,
                AskCommand.class,
                BatchCommand.class,
                SqlCommand.class,
                PipelineCommand.class,
                DataCommand.class,
                SemanticCommand.class,
                EvalCommand.class,
                StatsCommand.class,
                BenchCommand.class,
                ServeCommand.class,
                InitCommand.class,
        },
        footer = {
                "",
                "Exit codes: 0 done, 1 failure while working, 2 bad usage or input, 3 clarification needed."})
public class RootCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "Missing command: try ./aurum chat, or ./aurum --help for all commands.");
    }
}
