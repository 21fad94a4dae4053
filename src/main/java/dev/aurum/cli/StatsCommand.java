package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Statistics on the Gold tables.",
        subcommands = {StatsAnovaCommand.class, StatsTtestCommand.class, StatsChisqCommand.class, StatsEdaCommand.class})
public class StatsCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "Missing subcommand; see ./aurum stats --help.");
    }
}
