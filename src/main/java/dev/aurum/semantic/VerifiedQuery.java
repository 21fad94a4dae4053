package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A question with SQL a person checked. {@code {name}} placeholders in question and SQL are parameters, each bound
 * to a dimension (or {@code year}, {@code quarter}, {@code month} time parts) in {@code parameters}.
 */
public record VerifiedQuery(
        String name,
        String question,
        String sql,
        Map<String, String> parameters,
        @JsonProperty("verified_by") String verifiedBy,
        @JsonProperty("verified_at") String verifiedAt)
{
    public VerifiedQuery
    {
        requireNonNull(name, "name is null");
        requireNonNull(question, "question is null");
        requireNonNull(sql, "sql is null");
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * The SQL with every {@code {name}} placeholder replaced by its value. Values of parameters bound to year, quarter
     * or month must be whole numbers; other values are escaped for a single-quoted Spark SQL string literal (the
     * template puts the quotes around the placeholder).
     *
     * @throws IllegalArgumentException when a parameter has no value or a time part is not a number
     */
    public String bind(Map<String, String> values)
    {
        return fill(sql, values, true);
    }

    /** The question with every {@code {name}} placeholder replaced by its value, as a person would read it. */
    public String bindQuestion(Map<String, String> values)
    {
        return fill(question, values, false);
    }

    private String fill(String template, Map<String, String> values, boolean escape)
    {
        String result = template;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = values.get(parameter.getKey());
            if (value == null) {
                throw new IllegalArgumentException("verified query '" + name + "' needs a value for {" + parameter.getKey() + "}");
            }
            boolean timePart = switch (parameter.getValue()) {
                case "year", "quarter", "month" -> true;
                default -> false;
            };
            if (timePart && !value.strip().matches("\\d{1,4}")) {
                throw new IllegalArgumentException("{" + parameter.getKey() + "} of verified query '" + name + "' must be a whole number, not '" + value + "'");
            }
            String text = timePart ? value.strip() : value;
            if (escape && !timePart) {
                text = text.replace("\\", "\\\\").replace("'", "\\'");
            }
            result = result.replace("{" + parameter.getKey() + "}", text);
        }
        return result;
    }
}
