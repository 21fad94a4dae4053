package dev.aurum.render;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.sql.ResultColumn;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * How the values of one column are shown to people.
 *
 * @param scale decimal places for {@link Kind#DECIMAL}, {@link Kind#MONEY} and {@link Kind#PERCENT};
 *        {@link #ADAPTIVE} means "as many as the column's values need, at most four"
 */
public record ColumnFormat(Kind kind, int scale)
{
    public static final int ADAPTIVE = -1;
    static final int MAX_ADAPTIVE_SCALE = 4;

    private static final Pattern DECIMAL_TYPE = Pattern.compile("decimal\\s*\\(\\s*\\d+\\s*,\\s*(\\d+)\\s*\\)");

    public enum Kind
    {
        /** Left-aligned text, shown as it is. */
        TEXT,
        /** A whole number with thousands separators: {@code 12,345}. */
        INTEGER,
        /** A number shown without separators, such as a year or a zip code: {@code 2017}. */
        PLAIN_NUMBER,
        /** A number with a fixed (or adaptive) number of decimal places and thousands separators. */
        DECIMAL,
        /** An amount of money: currency symbol, separators, two decimals ({@code £ 1,234.50}). */
        MONEY,
        /** A percentage on the 0–100 scale: two decimals and {@code %}. */
        PERCENT,
        /** An ISO date: {@code 2017-03-01}. */
        DATE,
        /** A UTC timestamp: {@code 2017-03-01 14:05:00}. */
        TIMESTAMP,
        /** {@code true} / {@code false}. */
        BOOLEAN;

        /** Numbers line up on the right. */
        public boolean rightAligned()
        {
            return switch (this) {
                case INTEGER, PLAIN_NUMBER, DECIMAL, MONEY, PERCENT -> true;
                case TEXT, DATE, TIMESTAMP, BOOLEAN -> false;
            };
        }
    }

    public ColumnFormat
    {
        requireNonNull(kind, "kind is null");
        if (scale < ADAPTIVE) {
            throw new IllegalArgumentException("scale must be ADAPTIVE or at least 0");
        }
    }

    public static ColumnFormat of(Kind kind)
    {
        return switch (kind) {
            case MONEY, PERCENT -> new ColumnFormat(kind, 2);
            case DECIMAL -> new ColumnFormat(kind, ADAPTIVE);
            case TEXT, INTEGER, PLAIN_NUMBER, DATE, TIMESTAMP, BOOLEAN -> new ColumnFormat(kind, 0);
        };
    }

    public boolean rightAligned()
    {
        return kind.rightAligned();
    }

    /**
     * A format named by a caller (the semantic model's metric formats): {@code money}, {@code integer},
     * {@code decimal}, {@code percent}, and also {@code text}, {@code plain}, {@code date}, {@code timestamp}.
     * A decimal column of type {@code decimal(p,s)} keeps its {@code s} places; a double gets two.
     */
    public static ColumnFormat named(String name, ResultColumn column)
    {
        String wanted = requireNonNull(name, "name is null").strip().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "money", "currency" -> of(Kind.MONEY);
            case "percent", "percentage" -> of(Kind.PERCENT);
            case "integer", "count" -> of(Kind.INTEGER);
            case "decimal", "number", "ratio" -> new ColumnFormat(Kind.DECIMAL, declaredScale(column.type(), 2));
            case "text", "string" -> of(Kind.TEXT);
            case "plain" -> of(Kind.PLAIN_NUMBER);
            case "date" -> of(Kind.DATE);
            case "timestamp" -> of(Kind.TIMESTAMP);
            default -> throw new AurumException(ErrorCode.BAD_INPUT, "Unknown column format '" + name + "' for column " + column.name()
                    + "; use money, integer, decimal, percent, text, plain, date or timestamp.");
        };
    }

    /**
     * The format a column gets when nobody says otherwise, from its Spark type: integer types are integers (a year,
     * or a column named {@code *_id}/{@code *_year}/{@code *zip*}, is a plain number without separators),
     * {@code decimal(p,s)} keeps {@code s} places, doubles show as many places as they need (at most four), dates
     * and timestamps are ISO, everything else is text.
     */
    public static ColumnFormat infer(ResultColumn column)
    {
        String type = column.type().strip().toLowerCase(Locale.ROOT);
        String name = column.name().toLowerCase(Locale.ROOT);
        if (type.equals("tinyint") || type.equals("smallint") || type.equals("int") || type.equals("integer") || type.equals("bigint")
                || type.equals("byte") || type.equals("short") || type.equals("long")) {
            return identifierLike(name) ? of(Kind.PLAIN_NUMBER) : of(Kind.INTEGER);
        }
        if (type.startsWith("decimal")) {
            return new ColumnFormat(Kind.DECIMAL, declaredScale(type, ADAPTIVE));
        }
        if (type.equals("double") || type.equals("float") || type.equals("real")) {
            return new ColumnFormat(Kind.DECIMAL, ADAPTIVE);
        }
        if (type.equals("date")) {
            return of(Kind.DATE);
        }
        if (type.startsWith("timestamp")) {
            return of(Kind.TIMESTAMP);
        }
        if (type.equals("boolean")) {
            return of(Kind.BOOLEAN);
        }
        return of(Kind.TEXT);
    }

    private static boolean identifierLike(String name)
    {
        return name.equals("year") || name.endsWith("_year") || name.equals("id") || name.endsWith("_id") || name.contains("zip");
    }

    private static int declaredScale(String type, int otherwise)
    {
        Matcher matcher = DECIMAL_TYPE.matcher(type.toLowerCase(Locale.ROOT));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : otherwise;
    }
}
