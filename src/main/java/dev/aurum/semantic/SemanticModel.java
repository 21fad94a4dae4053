package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The semantic layer: what the Gold tables mean, in words people use. Loaded from {@code semantic-model/*.yaml}
 * (see {@code SemanticModelLoader}); the offline planner and the LLM prompt are built only from this.
 */
public record SemanticModel(
        String name,
        String description,
        List<SemanticTable> tables,
        List<Relationship> relationships,
        @JsonProperty("verified_queries") List<VerifiedQuery> verifiedQueries,
        List<String> instructions,
        Vocabulary vocabulary)
{
    @JsonCreator
    public SemanticModel
    {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        tables = tables == null ? List.of() : List.copyOf(tables);
        relationships = relationships == null ? List.of() : List.copyOf(relationships);
        verifiedQueries = verifiedQueries == null ? List.of() : List.copyOf(verifiedQueries);
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
        vocabulary = vocabulary == null ? Vocabulary.EMPTY : vocabulary;
    }

    public SemanticModel(String name, String description, List<SemanticTable> tables, List<Relationship> relationships, List<VerifiedQuery> verifiedQueries,
            List<String> instructions)
    {
        this(name, description, tables, relationships, verifiedQueries, instructions, null);
    }

    public Optional<SemanticTable> table(String tableName)
    {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(tableName) || t.baseTable().equalsIgnoreCase(tableName)).findFirst();
    }

    /** The qualified base tables ({@code gold.order_facts}, ...): the SQL guard's allow list. */
    public List<String> baseTables()
    {
        return tables.stream().map(SemanticTable::baseTable).toList();
    }
}
