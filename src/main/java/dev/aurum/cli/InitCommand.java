package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.llm.ChatModels;
import dev.aurum.assistant.llm.LlmSettings;
import dev.aurum.assistant.llm.PromptTemplates;
import dev.aurum.init.CsvProfile;
import dev.aurum.init.CsvProfiler;
import dev.aurum.init.ModelDescriber;
import dev.aurum.init.ProjectDrafter;
import dev.aurum.lakehouse.Project;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {
                "Draft a project (pipelines/, semantic-model/, evals/) from a folder of daily CSV drops, and copy the drops into "
                        + "its lakehouse's landing zone.",
                "",
                "Entities come from the file names (<entity>_<YYYY-MM-DD>.csv or <entity>/<YYYY-MM-DD>/<entity>.csv), column "
                        + "types from a sample of rows; headers in their own spelling map to snake_case columns, and a key is proposed "
                        + "when a column set is unique in every drop (else the source is append-only). Every guessed description is "
                        + "marked [review].",
                "",
                "With --describe, the configured language model (AURUM_LLM_MODEL or --llm-model, as for ask --engine llm) "
                        + "writes descriptions and synonyms from the column names and their sample values, which are all it is sent; "
                        + "what it wrote is marked for review too."},
        footer = {"", "Then:", "  ./aurum pipeline run --project DIR", "  ./aurum ask --project DIR \"how many <entity> by month\"",
                "Exit codes: 0 done, 1 failure while writing, 2 bad arguments (a missing CSV folder, a project that already exists, "
                        + "--describe without a language model)."})
public class InitCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    /** Where AURUM_LLM_* are read from (docs/reference.md, "The LLM route"); tests pass their own. */
    private final Map<String, String> environment;

    public InitCommand()
    {
        this(System.getenv());
    }

    InitCommand(Map<String, String> environment)
    {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder to create (it must not hold pipelines/ or semantic-model/ yet).")
    Path project;

    @Option(names = "--from", paramLabel = "CSV_FOLDER", required = true, description = "The folder of CSV drops to read.")
    Path from;

    @Option(names = "--name", paramLabel = "NAME", description = "The project's name (default: the folder's name in snake_case).")
    String name;

    @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 code of the amounts (EUR, GBP, ...): amount-like columns become money.")
    String currency;

    @Option(names = "--describe", description = "Ask the configured language model to write descriptions and synonyms (only column names "
            + "and sample values are sent). Off by default.")
    boolean describe;

    @Option(names = "--llm-model", paramLabel = "NAME",
            description = "The language model --describe asks (env AURUM_LLM_MODEL; AURUM_LLM_BASE_URL and AURUM_LLM_API_KEY as for ask).")
    String llmModel;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Optional<LlmSettings> llm = Optional.empty();
        if (describe) {
            LlmSettings settings = EngineOptions.llmSettings(environment, llmModel, null).build();
            if (!settings.enabled()) {
                throw new AurumException(ErrorCode.BAD_INPUT, "--describe needs a language model: set AURUM_LLM_MODEL (with AURUM_LLM_BASE_URL and "
                        + "AURUM_LLM_API_KEY as for ask --engine llm) or pass --llm-model NAME. Nothing was written.");
            }
            llm = Optional.of(settings);
        }
        for (String folder : List.of("pipelines", "semantic-model")) {
            if (Files.isDirectory(project.resolve(folder)) && !isEmpty(project.resolve(folder))) {
                throw new AurumException(ErrorCode.BAD_INPUT, project.resolve(folder) + " already exists; init drafts a new project: choose another DIR.");
            }
        }
        String projectName = name != null ? name : CsvProfiler.snakeCase(project.toAbsolutePath().normalize().getFileName().toString());
        if (!projectName.matches("[a-z][a-z0-9_]*")) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--name must be lower-case snake_case, got '" + projectName + "'.");
        }
        Optional<String> code = Optional.ofNullable(currency).map(value -> value.trim().toUpperCase(Locale.ROOT));
        code.ifPresent(value -> {
            try {
                java.util.Currency.getInstance(value);
            }
            catch (IllegalArgumentException e) {
                throw new AurumException(ErrorCode.BAD_INPUT, "--currency '" + currency + "' is not an ISO 4217 code; use e.g. EUR, GBP, USD.");
            }
        });
        List<CsvProfile> profiles = new CsvProfiler().profile(from);
        ModelDescriber.Descriptions descriptions = llm.map(settings -> describe(settings, profiles)).orElse(ModelDescriber.Descriptions.NONE);
        ProjectDrafter.Draft draft = new ProjectDrafter().write(profiles, project, new ProjectDrafter.Settings(projectName, code, descriptions));
        out.println("Drafted project " + projectName + " in " + project.toAbsolutePath().normalize() + " from " + from + ":");
        for (CsvProfile profile : profiles) {
            out.printf(Locale.ROOT, "  %-24s %3d drops %9d rows  %s%n", profile.entity(), profile.files().size(), profile.rows(),
                    profile.appendOnly() ? "append-only (no unique column set)" : "key " + profile.key());
        }
        draft.files().forEach(file -> out.println("  wrote " + file));
        if (!descriptions.isEmpty()) {
            out.println("  the language model wrote " + descriptions.tables().size() + " table and " + descriptions.columns().size()
                    + " column descriptions or synonym lists, each under \"" + ProjectDrafter.WRITTEN_BY_MODEL + "\"");
        }
        out.println("Review every description marked [review], then run ./aurum pipeline run --project " + project + ".");
        return 0;
    }

    /** The model's descriptions; a failed call or an unusable reply is a warning, and init goes on without them. */
    private ModelDescriber.Descriptions describe(LlmSettings settings, List<CsvProfile> profiles)
    {
        PrintWriter err = spec.commandLine().getErr();
        ChatModel chat = ChatModels.create(settings);
        PromptTemplates templates = new PromptTemplates(Project.checkout()::readPrompt);
        ModelDescriber describer = new ModelDescriber(
                prompt -> chat.chat(ChatRequest.builder().messages(UserMessage.from(prompt)).build()).aiMessage().text(),
                values -> templates.render(ModelDescriber.PROMPT, values),
                warning -> err.println("Warning: " + warning));
        return describer.describe(profiles);
    }

    private static boolean isEmpty(Path folder)
    {
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
