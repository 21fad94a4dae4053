package dev.aurum.pipeline.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The settings sample data in a lakehouse was generated with, kept in {@code _aurum/generator.json} so later days
 * continue the same simulation: scale, original start date, seed, defect rate, the generator's version and the last
 * day written.
 */
record GeneratorRecord(int version, double scale, LocalDate start, long seed, double defectRate, Optional<LocalDate> lastDay)
{
    /** Bumped whenever the same settings would give different bytes, so old lakehouses are not silently extended. */
    static final int CURRENT_VERSION = 1;
    static final String FILE_NAME = "generator.json";

    GeneratorRecord
    {
        requireNonNull(start, "start is null");
        requireNonNull(lastDay, "lastDay is null");
    }

    GeneratorRecord withLastDay(LocalDate lastDay)
    {
        return new GeneratorRecord(version, scale, start, seed, defectRate, Optional.of(lastDay));
    }

    /** The settings as command-line flags, for messages. */
    String describe()
    {
        return "--scale " + GeneratorRecord.number(scale) + " --seed " + seed + " --defect-rate " + GeneratorRecord.number(defectRate) + " --start " + start;
    }

    static String number(double value)
    {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static Optional<GeneratorRecord> read(Path file)
    {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode lastDay = json.path("last_day");
            return Optional.of(new GeneratorRecord(
                    json.path("generator_version").asInt(0),
                    required(json, "scale", file).asDouble(),
                    LocalDate.parse(required(json, "start", file).asText()),
                    required(json, "seed", file).asLong(),
                    required(json, "defect_rate", file).asDouble(),
                    lastDay.isTextual() ? Optional.of(LocalDate.parse(lastDay.asText())) : Optional.empty()));
        }
        catch (IOException | DateTimeParseException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot read the generator settings in " + file + ": " + e.getMessage() + ". Fix or delete that file (deleting it means later days can no longer continue the same sample data).", e);
        }
    }

    private static JsonNode required(JsonNode json, String field, Path file)
    {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "The generator settings in " + file + " lack \"" + field + "\". Fix or delete that file.");
        }
        return value;
    }

    void write(Path file)
    {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("generator_version", version);
        json.put("scale", scale);
        json.put("start", start.toString());
        json.put("seed", seed);
        json.put("defect_rate", defectRate);
        if (lastDay.isPresent()) {
            json.put("last_day", lastDay.get().toString());
        }
        else {
            json.putNull("last_day");
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(temporary, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Cannot write the generator settings to " + file + ": " + e.getMessage() + ". Check that the lakehouse folder is writable.", e);
        }
    }
}
