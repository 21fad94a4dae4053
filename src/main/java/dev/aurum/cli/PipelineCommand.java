package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "Build and look after the lakehouse.",
        subcommands = {PipelineRunCommand.class, PipelineStatusCommand.class, PipelineHistoryCommand.class, PipelineScheduleCommand.class, PipelineMaintainCommand.class})
public class PipelineCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "Missing subcommand; see ./aurum pipeline --help.");
    }
}
