package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "eda", mixinStandardHelpOptions = true, description = "Exploratory data analysis of a Gold table.")
public class StatsEdaCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum stats eda");
    }
}
