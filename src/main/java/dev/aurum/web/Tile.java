package dev.aurum.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.util.Locale;
import java.util.Set;

/**
 * One tile of a dashboard: the question it answers, the SQL that answers it (run through the SQL guard), and how to
 * show it. {@code chart} is line, bar, pie or table; {@code size} is small, medium or large; x and y name result
 * columns (null: the first column and the first numeric column).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tile(String id, String title, String question, String sql, String chart, String x, String y, String size)
{
    public static final Set<String> CHARTS = Set.of("line", "bar", "pie", "table");
    public static final Set<String> SIZES = Set.of("small", "medium", "large");

    @JsonCreator
    public Tile(@JsonProperty("id") String id, @JsonProperty("title") String title, @JsonProperty("question") String question,
            @JsonProperty("sql") String sql, @JsonProperty("chart") String chart, @JsonProperty("x") String x, @JsonProperty("y") String y,
            @JsonProperty("size") String size)
    {
        this.sql = requireText(sql, "sql").strip();
        this.question = question == null || question.isBlank() ? null : question.strip();
        this.title = title == null || title.isBlank() ? (this.question == null ? "Untitled tile" : this.question) : title.strip();
        this.id = id == null || id.isBlank() ? slug(this.title) : slug(id);
        this.chart = oneOf(chart == null ? "bar" : chart, CHARTS, "chart");
        this.size = oneOf(size == null ? "medium" : size, SIZES, "size");
        this.x = x == null || x.isBlank() ? null : x.strip();
        this.y = y == null || y.isBlank() ? null : y.strip();
    }

    public Tile withId(String newId)
    {
        return new Tile(newId, title, question, sql, chart, x, y, size);
    }

    private static String requireText(String value, String field)
    {
        if (value == null || value.isBlank()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "A tile needs a non-empty '" + field + "'.");
        }
        return value;
    }

    private static String oneOf(String value, Set<String> allowed, String field)
    {
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalized)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "A tile's " + field + " must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", not '" + value + "'.");
        }
        return normalized;
    }

    /** Lower-case letters, digits and dashes: safe in a URL, a file name and an HTML id. */
    static String slug(String text)
    {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "tile" : slug;
    }
}
