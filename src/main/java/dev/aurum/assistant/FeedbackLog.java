package dev.aurum.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** Ratings of answers ({@code /feedback good|bad [comment]}), one JSON line each in {@code _aurum/feedback.jsonl}. */
public final class FeedbackLog
{
    public static final String FILE_NAME = "feedback.jsonl";

    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = LogJson.mapper();

    /** @param stateFolder the lakehouse's {@code _aurum} folder */
    public FeedbackLog(Path stateFolder, Clock clock)
    {
        this.file = requireNonNull(stateFolder, "stateFolder is null").resolve(FILE_NAME);
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Path file()
    {
        return file;
    }

    /**
     * Stores a rating with the answer it rates.
     *
     * @param rating {@code good} or {@code bad}
     * @throws AurumException BAD_INPUT for any other rating
     */
    public FeedbackEntry record(Answer answer, String rating, String comment)
    {
        requireNonNull(answer, "answer is null");
        String normalized = requireNonNull(rating, "rating is null").trim().toLowerCase(Locale.ROOT);
        if (!normalized.equals(FeedbackEntry.GOOD) && !normalized.equals(FeedbackEntry.BAD)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Rate an answer as good or bad, for example: /feedback good the numbers match the dashboard");
        }
        Answer.Provenance provenance = answer.provenance();
        FeedbackEntry entry = new FeedbackEntry(
                clock.instant().toString(),
                normalized,
                comment == null || comment.isBlank() ? null : comment.trim(),
                answer.id(),
                answer.question(),
                answer.status().jsonName(),
                answer.route() == null ? null : answer.route().jsonName(),
                answer.sql(),
                provenance == null ? null : provenance.verifiedQuery(),
                provenance == null ? null : provenance.metrics(),
                provenance == null ? null : provenance.dimensions(),
                provenance == null ? null : provenance.filters());
        try {
            synchronized (this) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, mapper.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Cannot store the feedback in " + file + ": " + e.getMessage() + "; check that the lakehouse folder is writable.", e);
        }
        return entry;
    }

    /** Every rating stored so far, oldest first; an unreadable line is skipped. Empty when there is no file. */
    public List<FeedbackEntry> read()
    {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<FeedbackEntry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(mapper.readValue(line, FeedbackEntry.class));
                }
                catch (IOException | RuntimeException e) {
                    // a half-written line (the process was killed mid-write) must not hide the others
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return entries;
    }
}
