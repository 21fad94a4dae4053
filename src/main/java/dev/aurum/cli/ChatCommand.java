package dev.aurum.cli;

import dev.aurum.assistant.Engine;
import dev.aurum.render.RenderSettings;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

import static java.util.Objects.requireNonNull;

@Command(name = "chat", mixinStandardHelpOptions = true, description = {
        "Open the chat. On first run, generates sample data and builds the lakehouse.",
        "Type a question, or /help for commands. Ctrl-C cancels a running query, Ctrl-D leaves.",
        "When stdin is not a terminal, reads one question per line and prints plain answers."})
public class ChatCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    private final AssistantFactory factory;
    private final BiConsumer<AppContext, PrintWriter> bootstrap;

    public ChatCommand()
    {
        this(new LakehouseAssistantFactory(), Bootstrap::ensureLakehouse);
    }

    /** @param bootstrap builds the lakehouse when it has no Gold yet (first run); tests pass one that does nothing */
    public ChatCommand(AssistantFactory factory, BiConsumer<AppContext, PrintWriter> bootstrap)
    {
        this.factory = requireNonNull(factory, "factory is null");
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Engine engine = engineOptions.engine();
        boolean interactive = System.console() != null;
        try (AppContext context = AppContext.of(common)) {
            // first run: sample data + lakehouse with progress (on stderr when piped, so stdout stays answers only)
            bootstrap.accept(context, interactive ? spec.commandLine().getOut() : spec.commandLine().getErr());
            try (AssistantSession session = factory.open(context, engineOptions.routerSettings(), engineOptions.llmSettings())) {
                if (!interactive) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    ChatRepl repl = new ChatRepl(session, engine, AnswerOutput.settings(session.model(), false, 0));
                    return repl.runPlain(in, spec.commandLine().getOut());
                }
                try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                    RenderSettings settings = AnswerOutput.settings(session.model(), true, terminal.getWidth());
                    return new ChatRepl(session, engine, settings).runInteractive(terminal, historyFile(), banner(engine));
                }
            }
        }
    }

    static String banner(Engine engine)
    {
        return "Aurum: ask about your orders in plain English (engine " + engine.name().toLowerCase(java.util.Locale.ROOT)
                + "). /help lists commands, Ctrl-D leaves.\nSpark and the models warm up in the background; the first answer may take a few seconds.";
    }

    static Path historyFile()
    {
        return Path.of(System.getProperty("user.home"), ".aurum_history");
    }
}
