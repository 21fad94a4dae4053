package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Engine;
import dev.aurum.render.AnswerRenderer;
import dev.aurum.render.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "batch", mixinStandardHelpOptions = true, description = {
        "Answer every question of a file: .txt (one per line), .yaml or .jsonl (items with id and question).",
        "A failing question does not stop the batch unless --fail-fast. A summary goes to stderr at the end.",
        "Exit code: 0 done, 1 stopped by --fail-fast or --strict with unanswered questions, 2 unreadable file."})
public class BatchCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The questions: .txt, .yaml or .jsonl.")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the answers here instead of stdout.")
    Path out;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table (default), markdown, csv, json, jsonl.")
    String format;

    @Option(names = "--fail-fast", description = "Stop at the first question that ends in an error.")
    boolean failFast;

    @Option(names = "--strict", description = "Exit 1 when any question was not answered (clarified, refused or an error).")
    boolean strict;

    private final AssistantFactory factory;

    public BatchCommand()
    {
        this(new LakehouseAssistantFactory());
    }

    public BatchCommand(AssistantFactory factory)
    {
        this.factory = requireNonNull(factory, "factory is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        OutputFormat outputFormat = OutputFormat.parse(format);
        Engine engine = engineOptions.engine();
        List<BatchFile.Item> items = BatchFile.read(file);
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Map<AnswerStatus, Integer> counts = new EnumMap<>(AnswerStatus.class);
        boolean stopped = false;
        try (AppContext context = AppContext.of(common);
                AssistantSession session = factory.open(context, engineOptions.routerSettings(), engineOptions.llmSettings());
                Writer writer = writer()) {
            AnswerRenderer renderer = AnswerOutput.renderer(AnswerOutput.settings(session.model(), false, 0));
            List<Answer> answers = new ArrayList<>();
            for (BatchFile.Item item : items) {
                // batch questions are independent: each gets its own conversation, so no follow-up context leaks
                Answer answer = session.newConversation(engine).ask(item.id(), item.question());
                answers.add(answer);
                counts.merge(answer.status(), 1, Integer::sum);
                if (outputFormat != OutputFormat.JSON) {
                    String text = renderer.render(answer, outputFormat);
                    if (outputFormat == OutputFormat.TABLE || outputFormat == OutputFormat.MARKDOWN) {
                        text = "[" + item.id() + "] " + item.question() + "\n" + text + "\n";
                    }
                    writer.write(text);
                    writer.flush();
                }
                err.print(renderer.diagnostics(answer, outputFormat));
                if (failFast && answer.status() == AnswerStatus.ERROR) {
                    stopped = true;
                    break;
                }
            }
            if (outputFormat == OutputFormat.JSON) {
                writer.write(renderer.renderAll(answers, outputFormat));
            }
        }
        int answered = counts.getOrDefault(AnswerStatus.ANSWERED, 0);
        int asked = counts.values().stream().mapToInt(Integer::intValue).sum();
        err.printf(Locale.ROOT, "%d of %d questions: %d answered, %d clarified, %d refused, %d errors%s in %.1f s%n",
                asked, items.size(), answered, counts.getOrDefault(AnswerStatus.CLARIFICATION, 0), counts.getOrDefault(AnswerStatus.REFUSED, 0),
                counts.getOrDefault(AnswerStatus.ERROR, 0), stopped ? " (stopped at the first error: --fail-fast)" : "",
                (System.nanoTime() - start) / 1e9);
        err.flush();
        if (stopped || (strict && answered < items.size())) {
            return 1;
        }
        return 0;
    }

    private Writer writer()
    {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            return new Writer()
            {
                @Override
                public void write(char[] buffer, int offset, int length)
                {
                    stdout.write(buffer, offset, length);
                }

                @Override
                public void flush()
                {
                    stdout.flush();
                }

                @Override
                public void close()
                {
                    stdout.flush();
                }
            };
        }
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot write " + out + ": " + e.getMessage() + ".", e);
        }
    }
}
