package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show every table's version, rows, last batch, quarantine and orphans.")
public class PipelineStatusCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum pipeline status");
    }
}
