package dev.aurum.assistant.llm;

import dev.aurum.semantic.Relationship;
import dev.aurum.semantic.SemanticTable;

import java.util.List;

/**
 * The part of the semantic model a prompt describes: whole tables (or tables cut to their relevant columns) and the
 * relationships between them.
 *
 * @param complete true when this is the whole model (it fit the token budget)
 */
public record SchemaSlice(List<SemanticTable> tables, List<Relationship> relationships, boolean complete)
{
    public SchemaSlice
    {
        tables = List.copyOf(tables);
        relationships = List.copyOf(relationships);
    }

    public List<String> tableNames()
    {
        return tables.stream().map(SemanticTable::name).toList();
    }
}
