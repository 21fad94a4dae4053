package dev.aurum.semantic;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the semantic model from YAML. Errors name the file, the line and what to fix. Keys are snake_case as in the
 * records' {@code @JsonProperty}; an unknown key is an error naming the key and the keys allowed there.
 *
 * <p>Besides the YAML structure it checks what can be checked without Spark: unique names, known formats,
 * cardinalities and join types, relationships naming tables of the model, and verified-query parameters that match
 * the {@code {name}} placeholders of their question and SQL. Checks against live Gold are in {@code SemanticLint}.
 */
public final class SemanticModelLoader
{
    /** The default model file, relative to the checkout (read through {@code ProjectFiles}). */
    public static final String DEFAULT_MODEL = "semantic-model/ecommerce.yaml";

    public static final Set<String> FORMATS = Set.of("money", "integer", "decimal", "percent");
    public static final Set<String> CARDINALITIES = Set.of("many_to_one", "one_to_one", "one_to_many");
    public static final Set<String> JOIN_TYPES = Set.of("inner", "left");
    public static final Set<String> GRAINS = Set.of("hour", "day", "week", "month", "quarter", "year");
    public static final Set<String> TIME_PARTS = Set.of("year", "quarter", "month");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final ObjectMapper mapper;

    public SemanticModelLoader()
    {
        YAMLFactory factory = YAMLFactory.builder().build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** Loads one model file. @throws AurumException BAD_INPUT with file, line and the fix */
    public SemanticModel load(Path file)
    {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "Cannot read the semantic model " + file + ": " + e.getMessage() + "; check the path and its permissions.", e);
        }
        return parse(text, file.toString());
    }

    /** Loads a model from YAML text; {@code source} names it in error messages. */
    public SemanticModel parse(String yaml, String source)
    {
        SemanticModel model;
        try {
            model = mapper.readValue(yaml, SemanticModel.class);
        }
        catch (JsonProcessingException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, describe(e, source, yaml), e);
        }
        if (model == null) {
            throw new AurumException(ErrorCode.BAD_INPUT, source + ": the semantic model is empty; it needs at least 'name' and 'tables'.");
        }
        List<String> problems = validate(model, yaml, source);
        if (!problems.isEmpty()) {
            throw new AurumException(ErrorCode.BAD_INPUT, String.join(System.lineSeparator(), problems));
        }
        return model;
    }

    private static String describe(JsonProcessingException e, String source, String yaml)
    {
        String where = where(source, e.getLocation(), e instanceof JsonMappingException mapping ? lastKey(mapping) : null, yaml);
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String at = path.isEmpty() ? "" : " (at " + path + ")";
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString)
                    .collect(Collectors.toCollection(TreeSet::new))
                    .stream()
                    .collect(Collectors.joining(", "));
            return where + ": unknown key '" + unknown.getPropertyName() + "'" + at + "; fix its spelling or remove it (allowed here: " + known + ").";
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause() == null ? instantiation : instantiation.getCause();
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            if (message.endsWith(" is null")) {
                return where + ": missing required key '" + message.substring(0, message.length() - " is null".length()) + "'" + at + "; add it.";
            }
            return where + ": invalid entry" + at + ": " + message + ".";
        }
        if (e instanceof InvalidFormatException invalid) {
            return where + ": the value '" + invalid.getValue() + "'" + at + " is not a valid " + simpleType(invalid.getTargetType()) + "; change it.";
        }
        if (e instanceof MismatchedInputException mismatched) {
            return where + ": wrong kind of value" + at + ": expected " + expected(mismatched.getTargetType()) + "; " + firstLine(e.getOriginalMessage()) + ".";
        }
        return where + ": not valid YAML: " + firstLine(e.getOriginalMessage()) + "; fix the indentation, quoting or punctuation there.";
    }

    private static String expected(Class<?> type)
    {
        if (type == null) {
            return "another value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list ([a, b] or '- item' lines)";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values";
        }
        return "a " + simpleType(type);
    }

    private static String simpleType(Class<?> type)
    {
        if (type == null) {
            return "value";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean (true or false)";
        }
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "unknown problem";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    /**
     * Jackson reports record errors where the record ends; when the error is about one key, the line of that key
     * (the last line at or before the reported one that starts with it) is what a person needs.
     */
    private static String where(String source, JsonLocation location, String key, String yaml)
    {
        if (location == null || location.getLineNr() < 1) {
            return source;
        }
        if (key != null) {
            String[] lines = yaml.split("\\R", -1);
            for (int i = Math.min(location.getLineNr(), lines.length) - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (line.startsWith("- ")) {
                    line = line.substring(2).strip();
                }
                if (line.startsWith(key + ":")) {
                    return source + ":" + (i + 1) + ":" + (lines[i].indexOf(key) + 1);
                }
            }
        }
        return source + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String lastKey(JsonMappingException e)
    {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.isEmpty()) {
            return null;
        }
        return path.get(path.size() - 1).getFieldName();
    }

    private static String path(JsonMappingException e)
    {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    // ---- checks after parsing ----------------------------------------------------------------------------------

    private static List<String> validate(SemanticModel model, String yaml, String source)
    {
        LineFinder lines = new LineFinder(yaml, source);
        List<String> problems = new ArrayList<>();
        if (model.tables().isEmpty()) {
            problems.add(source + ": the model has no tables; add a 'tables' list with at least one table.");
        }
        Set<String> tableNames = new HashSet<>();
        Set<String> baseTables = new HashSet<>();
        for (SemanticTable table : model.tables()) {
            String tableWhere = lines.of(table.name());
            if (!NAME.matcher(table.name()).matches()) {
                problems.add(tableWhere + ": table name '" + table.name() + "' must be lower-case snake_case.");
            }
            if (!tableNames.add(table.name())) {
                problems.add(tableWhere + ": table '" + table.name() + "' is defined twice; keep one.");
            }
            if (!table.baseTable().matches("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*")) {
                problems.add(lines.of(table.baseTable()) + ": base_table '" + table.baseTable() + "' of table '" + table.name()
                        + "' must be a lower-case qualified name such as gold.sales.");
            }
            if (!baseTables.add(table.baseTable())) {
                problems.add(lines.of(table.baseTable()) + ": base_table '" + table.baseTable() + "' is used by two tables; each Gold table is described once.");
            }
            Set<String> names = new HashSet<>();
            for (Dimension dimension : table.dimensions()) {
                checkName(problems, lines, table, "dimension", dimension.name(), names);
            }
            for (TimeDimension time : table.timeDimensions()) {
                checkName(problems, lines, table, "time dimension", time.name(), names);
                for (String grain : time.grains()) {
                    if (!GRAINS.contains(grain)) {
                        problems.add(lines.of(time.name()) + ": time dimension '" + table.name() + "." + time.name() + "' has unknown grain '" + grain
                                + "'; use one of " + sorted(GRAINS) + ".");
                    }
                }
            }
            Set<String> metricNames = new HashSet<>();
            for (Metric metric : table.metrics()) {
                checkName(problems, lines, table, "metric", metric.name(), metricNames);
                if (!FORMATS.contains(metric.format())) {
                    problems.add(lines.of(metric.name()) + ": metric '" + table.name() + "." + metric.name() + "' has format '" + metric.format()
                            + "'; use one of " + sorted(FORMATS) + ".");
                }
                new MetricSql(table).problems(metric).forEach(problem -> problems.add(lines.of(metric.name()) + ": " + problem));
            }
            Set<String> filterNames = new HashSet<>();
            for (NamedFilter filter : table.filters()) {
                checkName(problems, lines, table, "filter", filter.name(), filterNames);
            }
        }
        validateModelDeclarations(model, lines, source, problems);
        Set<String> relationshipNames = new HashSet<>();
        for (Relationship relationship : model.relationships()) {
            String where = lines.of(relationship.name());
            if (!relationshipNames.add(relationship.name())) {
                problems.add(where + ": relationship '" + relationship.name() + "' is defined twice; keep one.");
            }
            for (String side : List.of(relationship.leftTable(), relationship.rightTable())) {
                if (model.tables().stream().noneMatch(t -> t.name().equals(side))) {
                    problems.add(where + ": relationship '" + relationship.name() + "' names table '" + side + "', which is not a table of the model; use one of "
                            + model.tables().stream().map(SemanticTable::name).toList() + ".");
                }
            }
            if (relationship.columns().isEmpty()) {
                problems.add(where + ": relationship '" + relationship.name() + "' has no columns; add left_column/right_column pairs.");
            }
            if (!CARDINALITIES.contains(relationship.cardinality())) {
                problems.add(where + ": relationship '" + relationship.name() + "' has cardinality '" + relationship.cardinality() + "'; use one of " + sorted(CARDINALITIES) + ".");
            }
            if (!JOIN_TYPES.contains(relationship.joinType())) {
                problems.add(where + ": relationship '" + relationship.name() + "' has join_type '" + relationship.joinType() + "'; use one of " + sorted(JOIN_TYPES) + ".");
            }
        }
        Set<String> queryNames = new HashSet<>();
        for (VerifiedQuery query : model.verifiedQueries()) {
            String where = lines.of(query.name());
            if (!queryNames.add(query.name())) {
                problems.add(where + ": verified query '" + query.name() + "' is defined twice; keep one.");
            }
            Set<String> inQuestion = placeholders(query.question());
            Set<String> inSql = placeholders(query.sql());
            for (String parameter : query.parameters().keySet()) {
                if (!inQuestion.contains(parameter) || !inSql.contains(parameter)) {
                    problems.add(where + ": verified query '" + query.name() + "' declares parameter '" + parameter
                            + "' but its question and SQL must both contain {" + parameter + "}.");
                }
            }
            Set<String> used = new LinkedHashSet<>(inQuestion);
            used.addAll(inSql);
            for (String placeholder : used) {
                if (!query.parameters().containsKey(placeholder)) {
                    problems.add(where + ": verified query '" + query.name() + "' uses {" + placeholder + "} without declaring it under parameters; add '"
                            + placeholder + ": table.dimension' (or year, quarter, month).");
                }
            }
            query.parameters().forEach((parameter, binding) -> {
                if (binding == null || !(TIME_PARTS.contains(binding) || bindsToDimension(model, binding))) {
                    problems.add(where + ": parameter '" + parameter + "' of verified query '" + query.name() + "' is bound to '" + binding
                            + "'; bind it to a dimension as table.dimension (e.g. sales.region) or to year, quarter or month.");
                }
            });
        }
        return problems;
    }

    /**
     * {@code currency}: an ISO 4217 code, required when a metric is money; {@code data_date}: {@code table.time_dimension}
     * of the model, required when the model has a time dimension (relative time is anchored at it).
     */
    private static void validateModelDeclarations(SemanticModel model, LineFinder lines, String source, List<String> problems)
    {
        boolean money = model.tables().stream().flatMap(table -> table.metrics().stream()).anyMatch(metric -> "money".equals(metric.format()));
        if (model.currency() == null) {
            if (money) {
                problems.add(source + ": the model has money metrics but no 'currency'; add the ISO 4217 code of its amounts, e.g. 'currency: EUR'.");
            }
        }
        else if (!isCurrencyCode(model.currency())) {
            problems.add(lines.of(model.currency()) + ": currency '" + model.currency()
                    + "' is not an ISO 4217 currency code; use three capital letters such as USD, EUR, GBP.");
        }
        boolean timed = model.tables().stream().anyMatch(table -> !table.timeDimensions().isEmpty());
        if (model.dataDate() == null) {
            if (timed) {
                problems.add(source + ": the model has time dimensions but no 'data_date'; add 'data_date: table.time_dimension', the column whose"
                        + " latest value anchors relative time (e.g. " + firstTimeDimension(model) + ").");
            }
        }
        else if (model.dataDateColumn().isEmpty()) {
            problems.add(lines.of(model.dataDate()) + ": data_date '" + model.dataDate() + "' is not a time dimension of the model; use table.time_dimension, one of "
                    + model.tables().stream().flatMap(table -> table.timeDimensions().stream().map(time -> table.name() + "." + time.name())).toList() + ".");
        }
    }

    private static String firstTimeDimension(SemanticModel model)
    {
        return model.tables().stream()
                .flatMap(table -> table.timeDimensions().stream().map(time -> table.name() + "." + time.name()))
                .findFirst()
                .orElse("orders.order_date");
    }

    private static boolean isCurrencyCode(String code)
    {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            java.util.Currency.getInstance(code);
            return true;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkName(List<String> problems, LineFinder lines, SemanticTable table, String kind, String name, Set<String> seen)
    {
        if (!NAME.matcher(name).matches()) {
            problems.add(lines.of(name) + ": " + kind + " name '" + name + "' of table '" + table.name() + "' must be lower-case snake_case.");
        }
        if (!seen.add(name)) {
            problems.add(lines.of(name) + ": " + kind + " '" + name + "' is defined twice in table '" + table.name() + "'; rename or remove one.");
        }
    }

    static boolean bindsToDimension(SemanticModel model, String binding)
    {
        int dot = binding.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String tableName = binding.substring(0, dot);
        String dimension = binding.substring(dot + 1);
        return model.tables().stream()
                .filter(t -> t.name().equals(tableName))
                .flatMap(t -> t.dimensions().stream())
                .anyMatch(d -> d.name().equals(dimension));
    }

    static Set<String> placeholders(String text)
    {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String sorted(Set<String> values)
    {
        return String.join(", ", new TreeSet<>(values));
    }

    /** Finds the line of an entry ({@code name: X}) in the YAML text, for messages about whole entries. */
    private static final class LineFinder
    {
        private final String[] lines;
        private final String source;

        LineFinder(String yaml, String source)
        {
            this.lines = yaml.split("\\R", -1);
            this.source = source;
        }

        String of(String value)
        {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.startsWith("- ")) {
                    line = line.substring(2).trim();
                }
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(colon + 1).trim().replaceAll("^['\"]|['\"]$", "").equals(value)) {
                    return source + ":" + (i + 1);
                }
            }
            return source;
        }
    }
}
