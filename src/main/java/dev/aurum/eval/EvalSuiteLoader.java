package dev.aurum.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an eval suite from YAML ({@code name}, {@code description}, {@code items}). Every error names the file, the
 * line of the item and what to fix.
 */
public final class EvalSuiteLoader
{
    public static final String DEFAULT_SUITE = "evals/ecommerce.yaml";

    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public EvalSuite load(Path file)
    {
        String text;
        try {
            text = Files.readString(file);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "cannot read the eval suite " + file + ": " + e.getMessage() + "; check the path given to --suite");
        }
        return parse(text, file.toString());
    }

    public EvalSuite parse(String yaml, String source)
    {
        String name = null;
        String description = "";
        List<EvalItem> items = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw bad(source, 1, "the suite must be a mapping with name, description and items");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "name" -> name = parser.getValueAsString();
                    case "description" -> description = parser.getValueAsString();
                    case "items" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw bad(source, parser.currentLocation().getLineNr(), "items must be a list");
                        }
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            int line = parser.currentTokenLocation().getLineNr();
                            RawItem raw = mapper.readValue(parser, RawItem.class);
                            items.add(toItem(raw, source, line));
                        }
                    }
                    default -> throw bad(source, parser.currentLocation().getLineNr(), "unknown key '" + field + "'; the suite has name, description and items");
                }
            }
        }
        catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw bad(source, line, e.getOriginalMessage());
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "cannot read the eval suite " + source + ": " + e.getMessage());
        }
        if (name == null || name.isBlank()) {
            throw bad(source, 1, "the suite needs a name");
        }
        if (items.isEmpty()) {
            throw bad(source, 1, "the suite has no items");
        }
        checkSuite(items, source);
        return new EvalSuite(name, description == null ? "" : description, source, items);
    }

    private static EvalItem toItem(RawItem raw, String source, int line)
    {
        if (raw.id == null || raw.id.isBlank()) {
            throw bad(source, line, "an item has no id; give every item a unique id such as q042");
        }
        String where = "item " + raw.id + ": ";
        if (raw.question == null || raw.question.isBlank()) {
            throw bad(source, line, where + "the question is missing");
        }
        if (raw.expect == null) {
            throw bad(source, line, where + "expect is missing; use answer, clarify or refuse");
        }
        Expectation expect;
        try {
            expect = Expectation.valueOf(raw.expect.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw bad(source, line, where + "expect '" + raw.expect + "' is unknown; use answer, clarify or refuse");
        }
        boolean hasSql = raw.sql != null && !raw.sql.isBlank();
        if (expect == Expectation.ANSWER && !hasSql) {
            throw bad(source, line, where + "an item that expects an answer needs its gold sql");
        }
        if (expect != Expectation.ANSWER && hasSql) {
            throw bad(source, line, where + "only items that expect an answer have gold sql; remove it or set expect: answer");
        }
        List<String> tags = raw.tags == null ? List.of() : raw.tags;
        if (tags.isEmpty()) {
            throw bad(source, line, where + "no tags; tag what the question exercises, from " + EvalTags.ALL);
        }
        for (String tag : tags) {
            if (!EvalTags.ALL.contains(tag)) {
                throw bad(source, line, where + "unknown tag '" + tag + "'; the tags are " + EvalTags.ALL);
            }
        }
        if (expect == Expectation.REFUSE && !tags.contains(EvalTags.OUT_OF_SCOPE)) {
            throw bad(source, line, where + "an item that expects a refusal is tagged out-of-scope");
        }
        if (expect == Expectation.CLARIFY && !tags.contains(EvalTags.AMBIGUOUS)) {
            throw bad(source, line, where + "an item that expects a clarification is tagged ambiguous");
        }
        Optional<String> conversation = Optional.ofNullable(raw.conversation).filter(key -> !key.isBlank());
        if (conversation.isPresent() != tags.contains(EvalTags.FOLLOW_UP)) {
            throw bad(source, line, where + "items of a conversation are tagged follow-up, and follow-up items have a conversation key");
        }
        return new EvalItem(raw.id.trim(), raw.question.trim(), expect, hasSql ? Optional.of(raw.sql.trim()) : Optional.empty(),
                tags, conversation, line);
    }

    private static void checkSuite(List<EvalItem> items, String source)
    {
        Set<String> ids = new HashSet<>();
        Map<String, Integer> conversationSizes = new HashMap<>();
        for (EvalItem item : items) {
            if (!ids.add(item.id())) {
                throw bad(source, item.line(), "the id " + item.id() + " is used twice; ids must be unique");
            }
            item.conversation().ifPresent(key -> conversationSizes.merge(key, 1, Integer::sum));
        }
        for (EvalItem item : items) {
            if (item.conversation().isPresent() && conversationSizes.get(item.conversation().get()) < 2) {
                throw bad(source, item.line(), "item " + item.id() + ": conversation '" + item.conversation().get()
                        + "' has one item; a follow-up conversation has at least two");
            }
        }
    }

    private static AurumException bad(String source, int line, String message)
    {
        return new AurumException(ErrorCode.BAD_INPUT, source + (line > 0 ? ":" + line : "") + ": " + message);
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    static final class RawItem
    {
        public String id;
        public String question;
        public String expect;
        public String sql;
        public List<String> tags;
        public String conversation;
        public String note;
    }
}
