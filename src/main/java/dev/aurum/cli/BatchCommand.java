package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "batch", mixinStandardHelpOptions = true, description = "Answer every question of a file (.txt, .yaml, .jsonl).")
public class BatchCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum batch");
    }
}
