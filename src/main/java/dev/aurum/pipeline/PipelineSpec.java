package dev.aurum.pipeline;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The pipeline definition read from {@code pipelines/ecommerce.yaml}: declared parameters with their defaults,
 * sources (Bronze and Silver), Gold steps, checks and the quality threshold. SQL texts are kept with their
 * {@code ${name}} placeholders; {@link #substitute} fills them in.
 */
public record PipelineSpec(
        String name,
        Map<String, String> parameters,
        double maxQuarantineRatio,
        List<SourceSpec> sources,
        List<GoldStep> gold,
        List<CheckSpec> checks,
        Map<String, String> silverSql)
{
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    public PipelineSpec
    {
        requireNonNull(name, "name is null");
        parameters = Map.copyOf(requireNonNull(parameters, "parameters is null"));
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        gold = List.copyOf(requireNonNull(gold, "gold is null"));
        checks = List.copyOf(requireNonNull(checks, "checks is null"));
        silverSql = Map.copyOf(requireNonNull(silverSql, "silverSql is null"));
    }

    public Optional<SourceSpec> source(String entity)
    {
        return sources.stream().filter(source -> source.entity().equals(entity)).findFirst();
    }

    /** The declared parameters with {@code overrides} applied; an override of an undeclared parameter is bad input. */
    public Map<String, String> resolveParameters(Map<String, String> overrides)
    {
        Map<String, String> resolved = new LinkedHashMap<>(parameters);
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            if (!parameters.containsKey(entry.getKey())) {
                throw new AurumException(ErrorCode.BAD_INPUT, "Unknown pipeline parameter '" + entry.getKey() + "'; the pipeline declares "
                        + parameters.keySet().stream().sorted().toList() + " (see pipelines/" + name + ".yaml).");
            }
            resolved.put(entry.getKey(), entry.getValue());
        }
        return resolved;
    }

    /** Replaces every {@code ${name}} in {@code sql}; a placeholder that names no parameter is bad input. */
    public static String substitute(String sql, Map<String, String> parameters, String where)
    {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = parameters.get(matcher.group(1));
            if (value == null) {
                throw new AurumException(ErrorCode.BAD_INPUT, where + " uses ${" + matcher.group(1) + "} but the pipeline declares no such parameter; add it under parameters: in the pipeline YAML.");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
