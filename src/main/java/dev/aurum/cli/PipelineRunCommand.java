package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the medallion pipeline: landing -> Bronze -> Silver -> Gold.")
public class PipelineRunCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum pipeline run");
    }
}
