package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The semantic layer: what the Gold tables mean, in words people use. Loaded from {@code semantic-model/*.yaml}
 * (see {@code SemanticModelLoader}); the offline planner and the LLM prompt are built only from this.
 *
 * @param currency the ISO 4217 code of every money amount of the model ({@code EUR}, {@code GBP}), or null when no
 *         metric is money
 * @param dataDate {@code table.time_dimension} whose latest value is the data date, the anchor of relative time
 *         (docs/architecture.md, "Answer conventions"), or null when the model has no time dimension
 */
public record SemanticModel(
        String name,
        String description,
        String currency,
        @JsonProperty("data_date") String dataDate,
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

    /** A model without domain words of its own. */
    public SemanticModel(String name, String description, String currency, String dataDate, List<SemanticTable> tables, List<Relationship> relationships,
            List<VerifiedQuery> verifiedQueries, List<String> instructions)
    {
        this(name, description, currency, dataDate, tables, relationships, verifiedQueries, instructions, null);
    }

    /** A model without a currency, a data date or domain words (tests and tools that need none). */
    public SemanticModel(String name, String description, List<SemanticTable> tables, List<Relationship> relationships,
            List<VerifiedQuery> verifiedQueries, List<String> instructions)
    {
        this(name, description, null, null, tables, relationships, verifiedQueries, instructions, null);
    }

    public Optional<String> currencyCode()
    {
        return Optional.ofNullable(currency);
    }

    /**
     * What goes before a money amount: the currency's symbol where Java knows one in English ({@code £} for GBP),
     * else its code ({@code CHF}); empty when the model declares no currency.
     */
    public String currencySymbol()
    {
        return currency == null ? "" : currencySymbol(currency);
    }

    /** The symbol of an ISO 4217 code in English ({@code £}, {@code €}, {@code $}), else the code itself. */
    public static String currencySymbol(String code)
    {
        try {
            return Currency.getInstance(code).getSymbol(Locale.US);
        }
        catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** The base table and column of the data date, when the model declares one that names a time dimension. */
    public Optional<DataDateColumn> dataDateColumn()
    {
        if (dataDate == null) {
            return Optional.empty();
        }
        int dot = dataDate.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String tableName = dataDate.substring(0, dot);
        String column = dataDate.substring(dot + 1);
        return tables.stream()
                .filter(table -> table.name().equals(tableName))
                .flatMap(table -> table.timeDimensions().stream()
                        .filter(time -> time.name().equals(column))
                        .map(time -> new DataDateColumn(table.baseTable(), time.name(), time.expression())))
                .findFirst();
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
