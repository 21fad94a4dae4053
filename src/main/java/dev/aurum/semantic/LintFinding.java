package dev.aurum.semantic;

import static java.util.Objects.requireNonNull;

/**
 * One problem lint found in the semantic model.
 *
 * @param check the check that found it (schema, synonyms, descriptions, fan_out, verified_queries, ...)
 * @param location where in the model: {@code order_facts.revenue}, {@code relationship order_items_to_order_facts}
 */
public record LintFinding(Severity severity, String check, String location, String message)
{
    public enum Severity
    {
        ERROR,
        WARNING
    }

    public LintFinding
    {
        requireNonNull(severity, "severity is null");
        requireNonNull(check, "check is null");
        requireNonNull(location, "location is null");
        requireNonNull(message, "message is null");
    }

    public static LintFinding error(String check, String location, String message)
    {
        return new LintFinding(Severity.ERROR, check, location, message);
    }

    public static LintFinding warning(String check, String location, String message)
    {
        return new LintFinding(Severity.WARNING, check, location, message);
    }

    /** One line: {@code ERROR   [schema] order_facts.revenue: ...}. */
    public String line()
    {
        return String.format("%-7s [%s] %s: %s", severity, check, location, message);
    }
}
