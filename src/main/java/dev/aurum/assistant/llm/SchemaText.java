package dev.aurum.assistant.llm;

import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.Relationship;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;

import java.util.List;
import java.util.stream.Collectors;

/** Writes a schema slice as the prompt's compact text: tables, columns with types, metrics, filters, relationships. */
final class SchemaText
{
    private SchemaText() {}

    /** A rough token count (about four characters a token for English and SQL), enough to keep a prompt in budget. */
    static int estimateTokens(String text)
    {
        return (text.length() + 3) / 4;
    }

    static String render(SchemaSlice slice)
    {
        StringBuilder text = new StringBuilder("Tables:\n");
        for (SemanticTable table : slice.tables()) {
            table(text, table);
        }
        text.append("Relationships (join only on these keys):\n");
        if (slice.relationships().isEmpty()) {
            text.append("- none between these tables\n");
        }
        for (Relationship relationship : slice.relationships()) {
            text.append(relationship(relationship)).append('\n');
        }
        return text.toString().strip();
    }

    static String relationship(Relationship relationship)
    {
        String keys = relationship.columns().stream()
                .map(pair -> relationship.leftTable() + "." + pair.leftColumn() + " = " + relationship.rightTable() + "." + pair.rightColumn())
                .collect(Collectors.joining(" AND "));
        return "- " + relationship.leftTable() + " -> " + relationship.rightTable() + " (" + relationship.cardinality().replace('_', '-') + "): " + keys;
    }

    static void table(StringBuilder text, SemanticTable table)
    {
        text.append("\n## ").append(table.baseTable());
        if (!table.grain().isEmpty()) {
            text.append(" (").append(table.grain()).append(')');
        }
        text.append('\n');
        if (!table.description().isEmpty()) {
            text.append(table.description().strip()).append('\n');
        }
        if (!table.synonyms().isEmpty()) {
            text.append("Also called: ").append(String.join(", ", table.synonyms())).append('\n');
        }
        text.append("Columns:\n");
        for (Dimension dimension : table.dimensions()) {
            text.append("- ").append(column(dimension.name(), dimension.expression())).append(' ').append(dimension.dataType());
            describe(text, dimension.description(), dimension.synonyms());
            if (!dimension.sampleValues().isEmpty()) {
                text.append(" e.g. ").append(String.join(", ", dimension.sampleValues().subList(0, Math.min(5, dimension.sampleValues().size()))));
            }
            text.append('\n');
        }
        for (TimeDimension time : table.timeDimensions()) {
            text.append("- ").append(column(time.name(), time.expression())).append(' ').append(time.dataType());
            describe(text, time.description(), time.synonyms());
            text.append('\n');
        }
        if (!table.metrics().isEmpty()) {
            text.append("Metrics:\n");
            for (Metric metric : table.metrics()) {
                text.append("- ").append(metric.name()).append(" = ").append(table.metricSql(metric));
                describe(text, metric.description(), metric.synonyms());
                text.append('\n');
            }
        }
        if (!table.filters().isEmpty()) {
            text.append("Named filters:\n");
            for (NamedFilter filter : table.filters()) {
                text.append("- ").append(filter.name()).append(": ").append(filter.expression().strip());
                describe(text, filter.description(), filter.synonyms());
                text.append('\n');
            }
        }
    }

    private static String column(String name, String expression)
    {
        return expression.equals(name) ? name : name + " = " + expression.strip();
    }

    private static void describe(StringBuilder text, String description, List<String> synonyms)
    {
        if (!description.isEmpty()) {
            text.append(" -- ").append(description.strip().replaceAll("\\s+", " "));
        }
        if (!synonyms.isEmpty()) {
            text.append(" [").append(String.join(", ", synonyms)).append(']');
        }
    }
}
