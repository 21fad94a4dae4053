package dev.aurum.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Turns cell values (the plain Java values of {@code QueryResult}) into text: {@link #display} for people (tables,
 * Markdown, terminal charts) and {@link #raw} for machines (CSV).
 */
public final class CellText
{
    /** How a missing value looks in tables. */
    public static final String NULL = "NULL";

    private static final DateTimeFormatter DISPLAY_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final double SMALLEST_PLAIN = 1e-4;
    private static final double LARGEST_PLAIN = 1e15;

    private final String currencySymbol;

    /** @param currencySymbol shown before money, e.g. {@code £} for GBP */
    public CellText(String currencySymbol)
    {
        this.currencySymbol = requireNonNull(currencySymbol, "currencySymbol is null");
    }

    /**
     * Resolves an {@link ColumnFormat#ADAPTIVE adaptive} scale from the values it will show: the most places any
     * value needs, at most four.
     */
    public static ColumnFormat resolve(ColumnFormat format, List<Object> values)
    {
        if (format.scale() != ColumnFormat.ADAPTIVE) {
            return format;
        }
        int scale = 0;
        for (Object value : values) {
            BigDecimal decimal = decimalOf(value);
            if (decimal != null) {
                scale = Math.max(scale, Math.max(0, decimal.stripTrailingZeros().scale()));
            }
        }
        return new ColumnFormat(format.kind(), Math.min(scale, ColumnFormat.MAX_ADAPTIVE_SCALE));
    }

    /** The value as a person reads it in a table; never contains line breaks or tabs. */
    public String display(Object value, ColumnFormat format)
    {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
            return number.toString();
        }
        if (value instanceof Float number && (number.isNaN() || number.isInfinite())) {
            return number.toString();
        }
        return switch (format.kind()) {
            case INTEGER -> number(value, 0, true).orElseGet(() -> text(value));
            case PLAIN_NUMBER -> number(value, 0, false).orElseGet(() -> text(value));
            case DECIMAL -> decimalDisplay(value, format.scale());
            case MONEY -> money(value);
            case PERCENT -> number(value, format.scale() == ColumnFormat.ADAPTIVE ? 2 : format.scale(), true).map(text -> text + "%").orElseGet(() -> text(value));
            case DATE, TIMESTAMP, BOOLEAN, TEXT -> text(value);
        };
    }

    /**
     * The value for machines: numbers in plain notation without separators, dates ISO, timestamps ISO-8601 UTC,
     * null as null (the caller decides how to write it).
     */
    public static String raw(Object value)
    {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return Double.toString(number);
            }
            double magnitude = Math.abs(number);
            if (number == 0 || (magnitude >= 1e-6 && magnitude < LARGEST_PLAIN)) {
                return plain(new BigDecimal(value.toString()));
            }
            return value.toString();
        }
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return DateTimeFormatter.ISO_INSTANT.format(timestamp.toInstant());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof OffsetDateTime time) {
            return DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
        }
        if (value instanceof ZonedDateTime time) {
            return DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
        }
        if (value instanceof LocalDateTime time) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    /** A number as a {@link BigDecimal}, or null when the value is not a (finite) number. */
    public static BigDecimal decimalOf(Object value)
    {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return null;
            }
            // the shortest decimal that round-trips, so 0.1 stays 0.1
            return new BigDecimal(value.toString());
        }
        return null;
    }

    /** Groups the integer digits of a plain decimal string in threes: {@code -1234567.5} → {@code -1,234,567.5}. */
    public static String group(String plain)
    {
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder grouped = new StringBuilder(plain.length() + plain.length() / 3);
        grouped.append(plain, 0, start);
        for (int index = start; index < end; index++) {
            grouped.append(plain.charAt(index));
            int remaining = end - index - 1;
            if (remaining > 0 && remaining % 3 == 0) {
                grouped.append(',');
            }
        }
        grouped.append(plain, end, plain.length());
        return grouped.toString();
    }

    private String decimalDisplay(Object value, int scale)
    {
        BigDecimal decimal = decimalOf(value);
        if (decimal == null) {
            return text(value);
        }
        if ((value instanceof Double || value instanceof Float) && scale == ColumnFormat.ADAPTIVE) {
            double magnitude = Math.abs(decimal.doubleValue());
            if (magnitude != 0 && (magnitude < SMALLEST_PLAIN || magnitude >= LARGEST_PLAIN)) {
                return value.toString();
            }
        }
        int places = scale == ColumnFormat.ADAPTIVE ? Math.min(Math.max(0, decimal.stripTrailingZeros().scale()), ColumnFormat.MAX_ADAPTIVE_SCALE) : scale;
        return group(plain(decimal.setScale(places, RoundingMode.HALF_UP)));
    }

    private String money(Object value)
    {
        BigDecimal decimal = decimalOf(value);
        if (decimal == null) {
            return text(value);
        }
        String amount = group(plain(decimal.setScale(2, RoundingMode.HALF_UP).abs()));
        String sign = decimal.signum() < 0 && decimal.setScale(2, RoundingMode.HALF_UP).signum() != 0 ? "-" : "";
        return sign + currencySymbol + (currencySymbol.isEmpty() ? "" : " ") + amount;
    }

    private static java.util.Optional<String> number(Object value, int places, boolean grouped)
    {
        BigDecimal decimal = decimalOf(value);
        if (decimal == null) {
            return java.util.Optional.empty();
        }
        String plain = plain(decimal.setScale(places, RoundingMode.HALF_UP));
        return java.util.Optional.of(grouped ? group(plain) : plain);
    }

    private static String plain(BigDecimal decimal)
    {
        String text = decimal.toPlainString();
        // -0.00 reads as a negative nothing
        return decimal.signum() == 0 && text.startsWith("-") ? text.substring(1) : text;
    }

    private static String text(Object value)
    {
        String text;
        if (value instanceof Instant || value instanceof java.sql.Timestamp || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            Instant instant = value instanceof Instant at ? at
                    : value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                    : value instanceof OffsetDateTime time ? time.toInstant()
                    : ((ZonedDateTime) value).toInstant();
            text = timestamp(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
        }
        else if (value instanceof LocalDateTime time) {
            text = timestamp(time);
        }
        else if (value instanceof LocalDate || value instanceof java.sql.Date) {
            text = raw(value);
        }
        else {
            text = raw(value);
        }
        return visible(text);
    }

    private static String timestamp(LocalDateTime time)
    {
        String text = DISPLAY_TIMESTAMP.format(time);
        return time.getNano() == 0 ? text : text + "." + String.format("%09d", time.getNano()).replaceAll("0+$", "");
    }

    /** Control characters would break a table's lines: show them as escapes. */
    static String visible(String text)
    {
        StringBuilder result = null;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            String replacement = switch (character) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> character < 0x20 || character == 0x7F ? String.format("\\u%04x", (int) character) : null;
            };
            if (replacement != null && result == null) {
                result = new StringBuilder(text.length() + 8).append(text, 0, index);
            }
            if (result != null) {
                if (replacement != null) {
                    result.append(replacement);
                }
                else {
                    result.append(character);
                }
            }
        }
        return result == null ? text : result.toString();
    }
}
