package dev.aurum.cli;

import dev.aurum.assistant.FeedbackLog;
import dev.aurum.assistant.VerifiedQuerySuggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "Print answers rated /feedback good in the chat as verified-query YAML for a person to review.")
public class SemanticSuggestCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        Clock clock = Clock.systemUTC();
        FeedbackLog feedback = new FeedbackLog(common.layout().state(), clock);
        spec.commandLine().getOut().print(VerifiedQuerySuggestions.yaml(feedback.read(), LocalDate.now(clock).toString()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
