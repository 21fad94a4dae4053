package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true, description = "Check the semantic model against the live Gold schema.")
public class SemanticLintCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Override
    public Integer call()
    {
        throw NotBuilt.feature("aurum semantic lint");
    }
}
