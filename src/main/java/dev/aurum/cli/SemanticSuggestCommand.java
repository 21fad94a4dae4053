package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "suggest", mixinStandardHelpOptions = true, description = "Print well-rated answers as verified-query YAML to review.")
public class SemanticSuggestCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum semantic suggest");
    }
}
