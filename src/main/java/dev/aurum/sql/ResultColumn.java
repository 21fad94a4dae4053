package dev.aurum.sql;

import static java.util.Objects.requireNonNull;

/** One column of a result: its name and its Spark SQL type name ({@code bigint}, {@code decimal(12,2)}, ...). */
public record ResultColumn(String name, String type)
{
    public ResultColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    public boolean isNumeric()
    {
        String t = type.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("decimal") || t.equals("bigint") || t.equals("int") || t.equals("integer") || t.equals("smallint")
                || t.equals("tinyint") || t.equals("double") || t.equals("float");
    }
}
