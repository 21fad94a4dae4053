package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "schedule", mixinStandardHelpOptions = true, description = "Run the pipeline every day at a fixed time, in the foreground.")
public class PipelineScheduleCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum pipeline schedule");
    }
}
