package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "anova", mixinStandardHelpOptions = true, description = "One-way ANOVA of a value across the groups of a dimension.")
public class StatsAnovaCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum stats anova");
    }
}
