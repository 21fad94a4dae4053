package dev.aurum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The questions of a batch file: {@code .txt} (one per line; blank lines and {@code #} comments skipped; the id is
 * the line number), {@code .yaml}/{@code .yml} (a list of items with {@code id} and {@code question}, or a map with
 * such a list under {@code questions}) or {@code .jsonl} (one such item per line).
 */
final class BatchFile
{
    record Item(String id, String question)
    {
        Item
        {
            requireNonNull(id, "id is null");
            requireNonNull(question, "question is null");
        }
    }

    private BatchFile() {}

    /** @throws AurumException BAD_INPUT when the file cannot be read or an item is malformed (says where) */
    static List<Item> read(Path file)
    {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot read the batch file " + file + ": " + describe(e) + ".", e);
        }
        List<Item> items;
        if (name.endsWith(".txt")) {
            items = text(text);
        }
        else if (name.endsWith(".jsonl")) {
            items = jsonl(file, text);
        }
        else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            items = yaml(file, text);
        }
        else {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot tell the kind of batch file " + file + ": use .txt (one question per line), "
                    + ".yaml or .jsonl (items with id and question).");
        }
        Set<String> ids = new HashSet<>();
        for (Item item : items) {
            if (!ids.add(item.id())) {
                throw new AurumException(ErrorCode.BAD_INPUT, file + ": the id '" + item.id() + "' is used twice; give every question its own id.");
            }
        }
        return items;
    }

    private static String describe(IOException e)
    {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static List<Item> text(String text)
    {
        List<Item> items = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                items.add(new Item(String.valueOf(index + 1), line));
            }
        }
        return items;
    }

    private static List<Item> jsonl(Path file, String text)
    {
        ObjectMapper mapper = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int index = 0; index < lines.length; index++) {
            if (lines[index].isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(lines[index]);
            }
            catch (IOException e) {
                throw new AurumException(ErrorCode.BAD_INPUT, file + " line " + (index + 1) + " is not JSON; write one object per line: "
                        + "{\"id\": \"q1\", \"question\": \"revenue in 2018\"}.");
            }
            items.add(item(node, file + " line " + (index + 1), String.valueOf(index + 1)));
        }
        return items;
    }

    private static List<Item> yaml(Path file, String text)
    {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, file + " is not valid YAML: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()) + ".");
        }
        JsonNode list = root != null && root.isObject() ? root.get("questions") : root;
        if (list == null || !list.isArray()) {
            throw new AurumException(ErrorCode.BAD_INPUT, file + " must hold a list of items with id and question (or that list under 'questions:').");
        }
        List<Item> items = new ArrayList<>();
        for (int index = 0; index < list.size(); index++) {
            items.add(item(list.get(index), file + " item " + (index + 1), String.valueOf(index + 1)));
        }
        return items;
    }

    private static Item item(JsonNode node, String where, String defaultId)
    {
        if (node == null || !node.isObject() || !node.hasNonNull("question") || node.get("question").asText().isBlank()) {
            throw new AurumException(ErrorCode.BAD_INPUT, where + " has no question; every item needs one, e.g. {id: q1, question: revenue in 2018}.");
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : defaultId;
        return new Item(id, node.get("question").asText().strip());
    }
}
