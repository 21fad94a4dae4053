package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate deterministic sample landing data (daily CSV drops).")
public class DataGenerateCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum data generate");
    }
}
