package dev.aurum.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Dashboards as YAML files in one folder ({@code dashboards/} of the project): {@code sales-overview.yaml} is the
 * dashboard named {@code sales-overview}. Files are reviewed like the semantic model, edited by hand or in the page;
 * a save rewrites the whole file atomically.
 */
public final class DashboardStore
{
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Path folder;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public DashboardStore(Path folder)
    {
        this.folder = requireNonNull(folder, "folder is null");
    }

    public Path folder()
    {
        return folder;
    }

    /** Every dashboard, by name; a file that does not parse is reported by {@link #load}, and listed here without tiles. */
    public List<Dashboard> list()
    {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Dashboard> dashboards = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                if (!NAME.matcher(name).matches()) {
                    continue;
                }
                try {
                    dashboards.add(load(name).orElseThrow());
                }
                catch (AurumException e) {
                    dashboards.add(new Dashboard(name, name + " (unreadable: " + e.getMessage() + ")", "", List.of()));
                }
            }
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Cannot list the dashboards in " + folder + ": " + e.getMessage(), e);
        }
        return dashboards;
    }

    /** @throws AurumException BAD_INPUT when the name is not a dashboard name or the file does not parse */
    public Optional<Dashboard> load(String name)
    {
        Path file = file(checkName(name));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Dashboard parsed = yaml.readValue(Files.readString(file, StandardCharsets.UTF_8), Dashboard.class);
            if (parsed == null) {
                return Optional.of(new Dashboard(name, name, "", List.of()));
            }
            return Optional.of(parsed.withName(name));
        }
        catch (IOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof AurumException aurum ? aurum : e;
            throw new AurumException(ErrorCode.BAD_INPUT, "The dashboard file " + file + " is not valid: " + firstLine(cause.getMessage()), e);
        }
    }

    /** Writes the dashboard to {@code NAME.yaml}, replacing the file in one step. */
    public synchronized void save(Dashboard dashboard)
    {
        requireNonNull(dashboard.name(), "dashboard name is null");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", dashboard.title());
        if (!dashboard.description().isEmpty()) {
            document.put("description", dashboard.description());
        }
        document.put("tiles", dashboard.tiles());
        Path file = file(dashboard.name());
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "." + dashboard.name(), ".tmp");
            Files.writeString(temporary, yaml.writeValueAsString(document), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Cannot save the dashboard to " + file + ": " + e.getMessage() + "; check that the folder is writable.", e);
        }
    }

    /** @throws AurumException BAD_INPUT unless the name is 1-64 lower-case letters, digits, dashes or underscores */
    static String checkName(String name)
    {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "A dashboard name is 1-64 lower-case letters, digits, '-' or '_' (for example sales-overview), not '"
                    + (name == null ? "" : name.length() > 80 ? name.substring(0, 80) + "..." : name) + "'.");
        }
        return name;
    }

    private Path file(String name)
    {
        return folder.resolve(name + ".yaml");
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "unreadable YAML";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
