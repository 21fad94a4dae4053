package dev.aurum.stats;

import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which test a hypothesis question asks for, in names of the semantic model only: the table, the value (a numeric
 * dimension; none for chi-square), the grouping, the second grouping (chi-square) and a named filter. An LLM may
 * propose one (docs/reference.md, "Statistics"); it is checked against the model before anything runs, and the statistics
 * themselves are always computed by {@link StatisticsService}, never by the model.
 *
 * @param filter a named filter of the table, {@code none}, or null for the value's default rows
 */
public record StatsChoice(Test test, String table, String value, String by, String second, String filter)
{
    public enum Test
    {
        ANOVA, CHISQ;

        public static Optional<Test> parse(String text)
        {
            if (text == null) {
                return Optional.empty();
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "anova", "compare", "comparison", "means" -> Optional.of(ANOVA);
                case "chisq", "chi-square", "chi_square", "independence" -> Optional.of(CHISQ);
                default -> Optional.empty();
            };
        }
    }

    public StatsChoice
    {
        requireNonNull(test, "test is null");
        requireNonNull(table, "table is null");
        requireNonNull(by, "by is null");
        if (test == Test.ANOVA) {
            requireNonNull(value, "an ANOVA needs a value");
        }
        else {
            requireNonNull(second, "a chi-square test needs a second grouping");
        }
    }

    /** How the choice reads, for the answer's provenance: "order_value by season (filter revenue_orders)". */
    public String describe()
    {
        String subject = test == Test.ANOVA ? value + " by " + by : by + " against " + second;
        return subject + " in " + table + (filter == null ? "" : " (filter " + filter + ")");
    }
}
