package dev.aurum.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One landing entity: the columns its header must have, its key, the Silver SQL file that types a Bronze batch,
 * the optional columns whose unparseable values become NULL, and the quarantine rules in order.
 *
 * @param headers header spellings of the files ({@code InvoiceNo}, {@code Customer ID}) mapped to their column
 *         ({@code invoice_no}, {@code customer_id}); a header not named here is its own name in lower case
 * @param appendOnly a source without a unique key (an invoice may list one product twice): every row is kept in
 *         Silver, none replaces another; exact duplicate lines are still dropped and counted ({@code key} is empty)
 */
public record SourceSpec(String entity, List<String> columns, List<String> key, String silverSql, List<String> nullable, List<RuleSpec> rules,
        Map<String, String> headers, boolean appendOnly)
{
    public SourceSpec
    {
        requireNonNull(entity, "entity is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        key = List.copyOf(requireNonNull(key, "key is null"));
        requireNonNull(silverSql, "silverSql is null");
        nullable = List.copyOf(requireNonNull(nullable, "nullable is null"));
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        headers = Map.copyOf(requireNonNull(headers, "headers is null"));
        if (appendOnly != key.isEmpty()) {
            throw new IllegalArgumentException(entity + ": a source has a key or is append-only, not both nor neither");
        }
    }

    /** A keyed source whose headers are its column names. */
    public SourceSpec(String entity, List<String> columns, List<String> key, String silverSql, List<String> nullable, List<RuleSpec> rules)
    {
        this(entity, columns, key, silverSql, nullable, rules, Map.of(), false);
    }

    /** The column a file's header names: its declared spelling's column, else the header trimmed and in lower case. */
    public String columnOf(String header)
    {
        String trimmed = header.trim();
        String mapped = headers.get(trimmed);
        if (mapped != null) {
            return mapped;
        }
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(trimmed)) {
                return entry.getValue();
            }
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    public String quarantineTable()
    {
        return entity + "_quarantine";
    }
}
