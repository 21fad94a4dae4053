package dev.aurum.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "semantic", mixinStandardHelpOptions = true, description = "The semantic model that describes Gold.",
        subcommands = {SemanticLintCommand.class, SemanticSuggestCommand.class})
public class SemanticCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "Missing subcommand; see ./aurum semantic --help.");
    }
}
