package dev.aurum.cli;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.Conversation;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.render.AnswerRenderer;
import dev.aurum.render.ChartRenderer;
import dev.aurum.render.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "ask", mixinStandardHelpOptions = true, description = {
        "Answer one question: ./aurum ask \"revenue by month in 2018\".",
        "Exit code: 0 answered, 1 error, 2 refused, 3 clarification needed (the choices are printed)."})
public class AskCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (quote it, or pass it as several words).")
    List<String> question;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table (default), markdown, csv, json, jsonl.")
    String format;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Also draw the answer's chart to this PNG file.")
    Path chart;

    private final AssistantFactory factory;

    public AskCommand()
    {
        this(new LakehouseAssistantFactory());
    }

    public AskCommand(AssistantFactory factory)
    {
        this.factory = requireNonNull(factory, "factory is null");
    }

    @Override
    public Integer call()
    {
        OutputFormat outputFormat = OutputFormat.parse(format);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AppContext context = AppContext.of(common);
                AssistantSession session = factory.open(context, engineOptions.routerSettings(), engineOptions.llmSettings())) {
            Conversation conversation = session.newConversation(engineOptions.engine());
            Answer answer = conversation.ask("1", String.join(" ", question));
            AnswerRenderer renderer = AnswerOutput.renderer(AnswerOutput.settings(session.model(), AnswerOutput.interactive(), 0));
            out.print(renderer.render(answer, outputFormat));
            err.print(renderer.diagnostics(answer, outputFormat));
            if (chart != null) {
                Optional<ChartHint> drawn = new ChartRenderer().write(answer, chart);
                err.println(drawn.isPresent() ? "Chart written to " + chart + "." : "This answer has nothing to chart; no file written.");
            }
            out.flush();
            err.flush();
            return answer.status().exitCode();
        }
    }
}
