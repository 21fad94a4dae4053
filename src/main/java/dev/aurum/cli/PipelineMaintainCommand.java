package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "maintain", mixinStandardHelpOptions = true, description = "Compact small files (OPTIMIZE) and VACUUM old ones.")
public class PipelineMaintainCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum pipeline maintain");
    }
}
