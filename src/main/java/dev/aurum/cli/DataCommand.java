package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "data", mixinStandardHelpOptions = true, description = "Sample data.",
        subcommands = {DataGenerateCommand.class})
public class DataCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "Missing subcommand; see ./aurum data --help.");
    }
}
