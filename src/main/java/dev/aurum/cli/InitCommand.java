package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.init.CsvProfile;
import dev.aurum.init.CsvProfiler;
import dev.aurum.init.ProjectDrafter;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {
                "Draft a project (pipelines/, semantic-model/, evals/) from a folder of daily CSV drops, and copy the drops into",
                "its lakehouse's landing zone. Entities come from the file names (<entity>_<YYYY-MM-DD>.csv or",
                "<entity>/<YYYY-MM-DD>/<entity>.csv), column types from a sample of rows, headers in their own spelling map to",
                "snake_case columns, and a key is proposed when a column set is unique in every drop (else the source is",
                "append-only). Every guessed description is marked [review]."},
        footer = {"", "Then:", "  ./aurum pipeline run --project DIR", "  ./aurum ask --project DIR \"how many <entity> by month\"",
                "Exit codes: 0 done, 1 failure while writing, 2 bad arguments (a missing CSV folder, a project that already exists)."})
public class InitCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder to create (it must not hold pipelines/ or semantic-model/ yet).")
    Path project;

    @Option(names = "--from", paramLabel = "CSV_FOLDER", required = true, description = "The folder of CSV drops to read.")
    Path from;

    @Option(names = "--name", paramLabel = "NAME", description = "The project's name (default: the folder's name in snake_case).")
    String name;

    @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 code of the amounts (EUR, GBP, ...): amount-like columns become money.")
    String currency;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
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
        ProjectDrafter.Draft draft = new ProjectDrafter().write(profiles, project, new ProjectDrafter.Settings(projectName, code));
        out.println("Drafted project " + projectName + " in " + project.toAbsolutePath().normalize() + " from " + from + ":");
        for (CsvProfile profile : profiles) {
            out.printf(Locale.ROOT, "  %-24s %3d drops %9d rows  %s%n", profile.entity(), profile.files().size(), profile.rows(),
                    profile.appendOnly() ? "append-only (no unique column set)" : "key " + profile.key());
        }
        draft.files().forEach(file -> out.println("  wrote " + file));
        out.println("Review every description marked [review], then run ./aurum pipeline run --project " + project + ".");
        return 0;
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
