package dev.aurum.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.ProjectFiles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads a pipeline YAML (default {@code pipelines/ecommerce.yaml}) and the SQL files it names. Every problem is
 * reported as bad input naming the file and what is wrong.
 */
public final class PipelineSpecLoader
{
    public static final String DEFAULT_SPEC = "pipelines/ecommerce.yaml";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final ProjectFiles files;

    public PipelineSpecLoader(ProjectFiles files)
    {
        this.files = requireNonNull(files, "files is null");
    }

    public PipelineSpec load()
    {
        return load(DEFAULT_SPEC);
    }

    public PipelineSpec load(String specFile)
    {
        String text = files.read(specFile);
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        }
        catch (JsonProcessingException e) {
            throw bad(specFile, "is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad(specFile, "must be a YAML mapping with name, parameters, sources and gold");
        }
        String folder = specFile.contains("/") ? specFile.substring(0, specFile.lastIndexOf('/') + 1) : "";
        String name = text(root, "name", specFile, "the top level");

        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode parameterNode = root.path("parameters");
        if (!parameterNode.isMissingNode()) {
            if (!parameterNode.isObject()) {
                throw bad(specFile, "parameters must be a mapping of name: value");
            }
            parameterNode.fields().forEachRemaining(entry -> parameters.put(entry.getKey(), entry.getValue().asText()));
        }

        double maxRatio = root.path("quality").path("max_quarantine_ratio").asDouble(0.05);
        if (maxRatio < 0 || maxRatio > 1) {
            throw bad(specFile, "quality.max_quarantine_ratio must be between 0 and 1, got " + maxRatio);
        }

        List<SourceSpec> sources = new ArrayList<>();
        Map<String, String> silverSql = new LinkedHashMap<>();
        Set<String> entities = new HashSet<>();
        for (JsonNode source : list(root, "sources", specFile)) {
            String entity = identifier(source, "entity", specFile, "a source");
            String where = "source '" + entity + "'";
            if (!entities.add(entity)) {
                throw bad(specFile, where + " is declared twice");
            }
            List<String> columns = identifiers(source, "columns", specFile, where, true);
            boolean appendOnly = source.path("append_only").asBoolean(false);
            if (!source.path("append_only").isMissingNode() && !source.path("append_only").isBoolean()) {
                throw bad(specFile, where + ": append_only must be true or false");
            }
            List<String> key = identifiers(source, "key", specFile, where, !appendOnly);
            if (appendOnly && !key.isEmpty()) {
                throw bad(specFile, where + " is append_only, so it has no key; remove 'key' (or 'append_only' to keep one row per key)");
            }
            for (String column : key) {
                if (!columns.contains(column)) {
                    throw bad(specFile, where + ": key column '" + column + "' is not one of its columns " + columns);
                }
            }
            List<String> nullable = identifiers(source, "nullable", specFile, where, false);
            for (String column : nullable) {
                if (!columns.contains(column)) {
                    throw bad(specFile, where + ": nullable column '" + column + "' is not one of its columns " + columns);
                }
            }
            List<RuleSpec> rules = new ArrayList<>();
            for (JsonNode rule : optionalList(source, "rules", specFile, where)) {
                rules.add(new RuleSpec(identifier(rule, "name", specFile, where + " rule"), text(rule, "when", specFile, where + " rule")));
            }
            String sqlFile = text(source, "silver", specFile, where);
            silverSql.put(entity, readSql(folder + sqlFile, specFile, where));
            Map<String, String> headers = new LinkedHashMap<>();
            JsonNode headerNode = source.path("headers");
            if (!headerNode.isMissingNode()) {
                if (!headerNode.isObject()) {
                    throw bad(specFile, where + ": headers must map a header's spelling to its column, e.g. {InvoiceNo: invoice_no}");
                }
                headerNode.fields().forEachRemaining(entry -> {
                    String column = entry.getValue().asText();
                    if (!columns.contains(column)) {
                        throw bad(specFile, where + ": header '" + entry.getKey() + "' maps to '" + column + "', which is not one of its columns " + columns);
                    }
                    headers.put(entry.getKey().trim(), column);
                });
            }
            sources.add(new SourceSpec(entity, columns, key, folder + sqlFile, nullable, rules, headers, appendOnly));
        }

        List<GoldStep> gold = new ArrayList<>();
        Set<String> goldTables = new HashSet<>();
        for (JsonNode step : list(root, "gold", specFile)) {
            String table = identifier(step, "table", specFile, "a gold step");
            if (!goldTables.add(table)) {
                throw bad(specFile, "gold table '" + table + "' is declared twice");
            }
            String where = "gold table '" + table + "'";
            String sqlFile = text(step, "sql", specFile, where);
            gold.add(new GoldStep(table, folder + sqlFile, readSql(folder + sqlFile, specFile, where), refresh(step, folder, specFile, where)));
        }

        List<CheckSpec> checks = new ArrayList<>();
        for (JsonNode check : optionalList(root, "checks", specFile, "the top level")) {
            String checkName = identifier(check, "name", specFile, "a check");
            String entity = text(check, "entity", specFile, "check '" + checkName + "'");
            if (!entities.contains(entity)) {
                throw bad(specFile, "check '" + checkName + "' names entity '" + entity + "', which is not a source");
            }
            checks.add(new CheckSpec(checkName, entity, text(check, "sql", specFile, "check '" + checkName + "'")));
        }

        PipelineSpec spec = new PipelineSpec(name, parameters, maxRatio, sources, gold, checks, silverSql);
        // every placeholder must name a declared parameter: fail now, with the file, rather than mid-run
        for (SourceSpec source : sources) {
            PipelineSpec.substitute(silverSql.get(source.entity()), parameters, source.silverSql());
            for (RuleSpec rule : source.rules()) {
                PipelineSpec.substitute(rule.when(), parameters, specFile + " (rule " + rule.name() + " of " + source.entity() + ")");
            }
        }
        for (String reserved : List.of(GoldRefresh.IN_SCOPE, GoldRefresh.LAST_GOLD_BATCH)) {
            if (parameters.containsKey(reserved)) {
                throw bad(specFile, "parameter '" + reserved + "' is reserved: the pipeline sets it for Gold refreshes; rename yours");
            }
        }
        for (GoldStep step : gold) {
            Map<String, String> stepParameters = new LinkedHashMap<>(parameters);
            if (step.refresh().isEmpty() && step.sql().contains("${" + GoldRefresh.IN_SCOPE + "}")) {
                throw bad(specFile, "gold table '" + step.table() + "': its SQL uses ${" + GoldRefresh.IN_SCOPE + "}, which only a table with refresh: has");
            }
            if (step.refresh().isPresent()) {
                stepParameters.put(GoldRefresh.IN_SCOPE, "TRUE");
                PipelineSpec.substitute(step.refresh().get().changedSql(), Map.of(GoldRefresh.LAST_GOLD_BATCH, "0"), step.refresh().get().changedFile());
            }
            PipelineSpec.substitute(step.sql(), stepParameters, step.sqlFile());
        }
        return spec;
    }

    /** A Gold step's optional {@code refresh: {key: [...], scope: [...], changed: file.sql}}. */
    private Optional<GoldRefresh> refresh(JsonNode step, String folder, String specFile, String where)
    {
        JsonNode node = step.path("refresh");
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw bad(specFile, where + ": refresh must be a mapping {key: [columns], scope: [columns], changed: sql file}");
        }
        List<String> key = identifiers(node, "key", specFile, where + " refresh", true);
        List<String> scope = identifiers(node, "scope", specFile, where + " refresh", true);
        String changedFile = text(node, "changed", specFile, where + " refresh");
        return Optional.of(new GoldRefresh(key, scope, folder + changedFile, readSql(folder + changedFile, specFile, where + " refresh")));
    }

    private String readSql(String path, String specFile, String where)
    {
        try {
            return files.read(path);
        }
        catch (AurumException e) {
            throw bad(specFile, where + " names SQL file " + path + ", which cannot be read (" + e.getMessage() + ")");
        }
    }

    private static List<JsonNode> list(JsonNode node, String field, String file)
    {
        JsonNode value = node.path(field);
        if (!value.isArray() || value.isEmpty()) {
            throw bad(file, "needs a non-empty list '" + field + "'");
        }
        List<JsonNode> result = new ArrayList<>();
        value.forEach(result::add);
        return result;
    }

    private static List<JsonNode> optionalList(JsonNode node, String field, String file, String where)
    {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw bad(file, where + ": '" + field + "' must be a list");
        }
        List<JsonNode> result = new ArrayList<>();
        value.forEach(result::add);
        return result;
    }

    private static String text(JsonNode node, String field, String file, String where)
    {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw bad(file, where + " needs a value for '" + field + "'");
        }
        return value.asText();
    }

    private static String identifier(JsonNode node, String field, String file, String where)
    {
        String value = text(node, field, file, where);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw bad(file, where + ": '" + value + "' is not a valid name for '" + field + "' (lower case letters, digits and _)");
        }
        return value;
    }

    private static List<String> identifiers(JsonNode node, String field, String file, String where, boolean required)
    {
        JsonNode value = node.path(field);
        if (value.isMissingNode() && !required) {
            return List.of();
        }
        if (!value.isArray() || (required && value.isEmpty())) {
            throw bad(file, where + " needs a list '" + field + "'");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : value) {
            if (!IDENTIFIER.matcher(item.asText()).matches()) {
                throw bad(file, where + ": '" + item.asText() + "' in '" + field + "' is not a valid column name");
            }
            result.add(item.asText());
        }
        return result;
    }

    private static AurumException bad(String file, String message)
    {
        return new AurumException(ErrorCode.BAD_INPUT, "Pipeline spec " + file + ": " + message + ".");
    }
}
