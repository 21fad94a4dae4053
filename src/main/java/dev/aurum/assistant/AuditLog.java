package dev.aurum.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Appends one JSON line per question to {@code _aurum/audit.jsonl} in the lakehouse: when, which engine and
 * route, the question, the SQL, the status, the row count, the message and the timings. A failure to write is
 * remembered ({@link #lastFailure()}) and never fails the answer.
 */
public final class AuditLog
        implements AnswerLog
{
    public static final String FILE_NAME = "audit.jsonl";

    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = LogJson.mapper();
    private volatile String lastFailure;

    /** @param stateFolder the lakehouse's {@code _aurum} folder */
    public AuditLog(Path stateFolder, Clock clock)
    {
        this.file = requireNonNull(stateFolder, "stateFolder is null").resolve(FILE_NAME);
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Path file()
    {
        return file;
    }

    @Override
    public void record(Engine engine, Answer answer)
    {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", clock.instant().toString());
        line.put("id", answer.id());
        line.put("question", answer.question());
        line.put("engine", engine.name().toLowerCase(java.util.Locale.ROOT));
        line.put("route", answer.route());
        line.put("status", answer.status());
        line.put("sql", answer.sql());
        line.put("row_count", answer.rowCount());
        line.put("message", answer.message());
        line.put("verified_query", answer.provenance() == null ? null : answer.provenance().verifiedQuery());
        line.put("timings", answer.timings());
        try {
            String json = mapper.writeValueAsString(line) + "\n";
            synchronized (this) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        catch (IOException | RuntimeException e) {
            lastFailure = "cannot append to " + file + ": " + e.getMessage();
        }
    }

    /** Why the last line could not be written, if it could not. */
    public Optional<String> lastFailure()
    {
        return Optional.ofNullable(lastFailure);
    }
}
