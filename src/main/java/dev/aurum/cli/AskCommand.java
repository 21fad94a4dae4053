package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "ask", mixinStandardHelpOptions = true, description = "Answer one question: ./aurum ask \"revenue by month in 2018\".")
public class AskCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum ask");
    }
}
