package dev.aurum.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One result cell brought to a comparable form: numbers of every Java type become one {@link BigDecimal}, dates and
 * timestamps one {@link Instant} (a date is its UTC midnight). {@link #loose} also reads text that spells a number,
 * a date or a boolean, and booleans as 1/0, so that a value of the wrong type can be recognised.
 */
record CellValue(Kind kind, Object value)
{
    enum Kind
    {
        NULL, BOOLEAN, NUMBER, TIME, TEXT
    }

    static final CellValue NULL = new CellValue(Kind.NULL, null);

    static CellValue strict(Object cell)
    {
        if (cell == null) {
            return NULL;
        }
        if (cell instanceof Boolean bool) {
            return new CellValue(Kind.BOOLEAN, bool);
        }
        if (cell instanceof BigDecimal decimal) {
            return new CellValue(Kind.NUMBER, decimal);
        }
        if (cell instanceof Double || cell instanceof Float) {
            double number = ((Number) cell).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return new CellValue(Kind.TEXT, Double.toString(number));
            }
            return new CellValue(Kind.NUMBER, new BigDecimal(Double.toString(number)));
        }
        if (cell instanceof BigInteger integer) {
            return new CellValue(Kind.NUMBER, new BigDecimal(integer));
        }
        if (cell instanceof Number number) {
            return new CellValue(Kind.NUMBER, BigDecimal.valueOf(number.longValue()));
        }
        Instant instant = toInstant(cell);
        if (instant != null) {
            return new CellValue(Kind.TIME, instant);
        }
        return new CellValue(Kind.TEXT, cell.toString());
    }

    /** Like {@link #strict}, but text that reads as a number, date or boolean takes that type, and booleans are 1/0. */
    static CellValue loose(Object cell)
    {
        CellValue value = strict(cell);
        if (value.kind == Kind.BOOLEAN) {
            return new CellValue(Kind.NUMBER, ((Boolean) value.value) ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        if (value.kind != Kind.TEXT) {
            return value;
        }
        String text = ((String) value.value).trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return new CellValue(Kind.NUMBER, lower.equals("true") ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        try {
            return new CellValue(Kind.NUMBER, new BigDecimal(text));
        }
        catch (NumberFormatException notANumber) {
            // not a number; maybe a date
        }
        Instant instant = parseTime(text);
        if (instant != null) {
            return new CellValue(Kind.TIME, instant);
        }
        return new CellValue(Kind.TEXT, text);
    }

    private static Instant toInstant(Object cell)
    {
        if (cell instanceof Instant instant) {
            return instant;
        }
        if (cell instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (cell instanceof LocalDateTime dateTime) {
            return dateTime.toInstant(ZoneOffset.UTC);
        }
        if (cell instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant();
        }
        if (cell instanceof ZonedDateTime dateTime) {
            return dateTime.toInstant();
        }
        if (cell instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (cell instanceof java.sql.Date date) {
            return date.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return null;
    }

    private static Instant parseTime(String text)
    {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.length() >= 19) {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
        }
        catch (DateTimeParseException notATime) {
            // plain text
        }
        return null;
    }

    @Override
    public String toString()
    {
        return switch (kind) {
            case NULL -> "NULL";
            case NUMBER -> ((BigDecimal) value).stripTrailingZeros().toPlainString();
            case BOOLEAN, TIME -> value.toString();
            case TEXT -> "'" + value + "'";
        };
    }
}
