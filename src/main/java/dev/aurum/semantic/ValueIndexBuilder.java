package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.LakehouseLayout;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * Builds the value index: the distinct values of the model's {@code is_enum} dimensions, read from Gold and stored as
 * JSON at {@code <lakehouse>/_aurum/value-index.json}. Rebuilt after every pipeline run; loaded by the assistant.
 */
public final class ValueIndexBuilder
{
    public static final String FILE_NAME = "value-index.json";

    /** More distinct values than this and a dimension is not enum-like: the index keeps the first ones, sorted. */
    public static final int MAX_VALUES_PER_DIMENSION = 5_000;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Path file(LakehouseLayout layout)
    {
        return layout.state().resolve(FILE_NAME);
    }

    /** Reads the distinct values of every enum dimension from Gold, stores them, and returns the index. */
    public ValueIndex rebuild(SparkSession spark, SemanticModel model, LakehouseLayout layout)
    {
        requireNonNull(spark, "spark is null");
        List<ValueIndexEntry> entries = new ArrayList<>();
        Map<String, Map<String, List<String>>> synonyms = valueSynonymsByDimension(model);
        for (SemanticTable table : model.tables()) {
            for (Dimension dimension : table.dimensions()) {
                if (!dimension.isEnum()) {
                    continue;
                }
                String sql = "SELECT DISTINCT CAST(" + dimension.expression() + " AS STRING) AS value FROM " + table.baseTable()
                        + " WHERE " + dimension.expression() + " IS NOT NULL ORDER BY value LIMIT " + MAX_VALUES_PER_DIMENSION;
                List<String> values;
                try {
                    values = spark.sql(sql).collectAsList().stream().map(row -> row.getString(0)).filter(Objects::nonNull).toList();
                }
                catch (RuntimeException e) {
                    throw new AurumException(ErrorCode.NO_LAKEHOUSE, "Cannot read the values of " + table.name() + "." + dimension.name() + " from "
                            + table.baseTable() + " (" + firstLine(e.getMessage()) + "); build the lakehouse with 'aurum pipeline run' first.", e);
                }
                entries.add(new ValueIndexEntry(table.name(), dimension.name(), values, synonyms.getOrDefault(dimension.name(), Map.of())));
            }
        }
        save(layout, entries);
        return new InMemoryValueIndex(entries);
    }

    /** The stored index. @throws AurumException NO_LAKEHOUSE when it has not been built yet */
    public ValueIndex load(LakehouseLayout layout)
    {
        Path file = file(layout);
        if (!Files.isRegularFile(file)) {
            throw new AurumException(ErrorCode.NO_LAKEHOUSE, "The value index " + file + " does not exist yet; run 'aurum pipeline run' to build the lakehouse and its index.");
        }
        try {
            StoredIndex stored = mapper.readValue(file.toFile(), StoredIndex.class);
            return new InMemoryValueIndex(stored.dimensions());
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot read the value index " + file + " (" + firstLine(e.getMessage()) + "); rebuild it with 'aurum pipeline run'.", e);
        }
    }

    /** An index of the model's sample values only, for when Gold is not built (and for tests). */
    public static ValueIndex fromSampleValues(SemanticModel model)
    {
        Map<String, Map<String, List<String>>> synonyms = valueSynonymsByDimension(model);
        List<ValueIndexEntry> entries = new ArrayList<>();
        for (SemanticTable table : model.tables()) {
            for (Dimension dimension : table.dimensions()) {
                if (dimension.isEnum()) {
                    entries.add(new ValueIndexEntry(table.name(), dimension.name(), dimension.sampleValues(), synonyms.getOrDefault(dimension.name(), Map.of())));
                }
            }
        }
        return new InMemoryValueIndex(entries);
    }

    /** Value synonyms written once in the model apply to every dimension of the same name (customer_state, ...). */
    private static Map<String, Map<String, List<String>>> valueSynonymsByDimension(SemanticModel model)
    {
        Map<String, Map<String, List<String>>> byDimension = new LinkedHashMap<>();
        for (SemanticTable table : model.tables()) {
            for (Dimension dimension : table.dimensions()) {
                if (!dimension.valueSynonyms().isEmpty()) {
                    Map<String, List<String>> merged = byDimension.computeIfAbsent(dimension.name(), name -> new LinkedHashMap<>());
                    dimension.valueSynonyms().forEach((value, words) -> {
                        List<String> all = new ArrayList<>(merged.getOrDefault(value, List.of()));
                        words.stream().filter(word -> !all.contains(word)).forEach(all::add);
                        merged.put(value, List.copyOf(all));
                    });
                }
            }
        }
        return byDimension;
    }

    private void save(LakehouseLayout layout, List<ValueIndexEntry> entries)
    {
        Path file = file(layout);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            mapper.writeValue(temporary.toFile(), new StoredIndex(Instant.now().toString(), entries));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "Cannot write the value index " + file + " (" + firstLine(e.getMessage()) + "); check that the lakehouse folder is writable.", e);
        }
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "unknown error";
        }
        return message.strip().lines().findFirst().orElse("unknown error");
    }

    /** The JSON file's shape. */
    record StoredIndex(@JsonProperty("built_at") String builtAt, List<ValueIndexEntry> dimensions)
    {
        StoredIndex
        {
            dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        }
    }
}
