package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true, description = "Score the assistant's SQL on an eval suite by execution accuracy.")
public class EvalCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum eval");
    }
}
