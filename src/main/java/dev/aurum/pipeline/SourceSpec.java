package dev.aurum.pipeline;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One landing entity: the columns its header must have, its key, the Silver SQL file that types a Bronze batch,
 * the optional columns whose unparseable values become NULL, and the quarantine rules in order.
 */
public record SourceSpec(String entity, List<String> columns, List<String> key, String silverSql, List<String> nullable, List<RuleSpec> rules)
{
    public SourceSpec
    {
        requireNonNull(entity, "entity is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        key = List.copyOf(requireNonNull(key, "key is null"));
        requireNonNull(silverSql, "silverSql is null");
        nullable = List.copyOf(requireNonNull(nullable, "nullable is null"));
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
    }

    public String quarantineTable()
    {
        return entity + "_quarantine";
    }
}
