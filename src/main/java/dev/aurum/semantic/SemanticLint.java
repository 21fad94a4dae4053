package dev.aurum.semantic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** Runs lint checks over the semantic model and collects their findings. */
public final class SemanticLint
{
    private final List<LintCheck> checks;

    public SemanticLint(List<LintCheck> checks)
    {
        this.checks = List.copyOf(requireNonNull(checks, "checks is null"));
    }

    /** The checks that need nothing but the model: synonyms, descriptions, fan-out. */
    public static List<LintCheck> modelChecks()
    {
        return List.of(new SynonymCheck(), new DescriptionCheck(), new FanOutCheck());
    }

    public List<LintFinding> run(SemanticModel model)
    {
        List<LintFinding> findings = new ArrayList<>();
        for (LintCheck check : checks) {
            try {
                findings.addAll(check.check(model));
            }
            catch (RuntimeException e) {
                findings.add(LintFinding.error(check.name(), "model", "the check could not run: " + e.getMessage()));
            }
        }
        return List.copyOf(findings);
    }

    public static boolean hasErrors(List<LintFinding> findings)
    {
        return findings.stream().anyMatch(finding -> finding.severity() == LintFinding.Severity.ERROR);
    }

    /**
     * A phrase (name or synonym) must mean one thing: inside a table, one dimension, time dimension, metric or filter;
     * across tables, metrics and filters of the same phrase must share one name (the planner picks the table).
     */
    static final class SynonymCheck
            implements LintCheck
    {
        @Override
        public String name()
        {
            return "synonyms";
        }

        @Override
        public List<LintFinding> check(SemanticModel model)
        {
            List<LintFinding> findings = new ArrayList<>();
            Map<String, String> metricPhrases = new LinkedHashMap<>();
            Map<String, String> filterPhrases = new LinkedHashMap<>();
            for (SemanticTable table : model.tables()) {
                Map<String, String> phrases = new LinkedHashMap<>();
                for (Dimension dimension : table.dimensions()) {
                    add(findings, table, phrases, "dimension " + dimension.name(), dimension.name(), dimension.synonyms());
                }
                for (TimeDimension time : table.timeDimensions()) {
                    add(findings, table, phrases, "time dimension " + time.name(), time.name(), time.synonyms());
                }
                for (Metric metric : table.metrics()) {
                    add(findings, table, phrases, "metric " + metric.name(), metric.name(), metric.synonyms());
                    across(findings, table, metricPhrases, "metric", metric.name(), metric.synonyms());
                }
                for (NamedFilter filter : table.filters()) {
                    add(findings, table, phrases, "filter " + filter.name(), filter.name(), filter.synonyms());
                    across(findings, table, filterPhrases, "filter", filter.name(), filter.synonyms());
                }
            }
            return findings;
        }

        private void add(List<LintFinding> findings, SemanticTable table, Map<String, String> phrases, String owner, String name, List<String> synonyms)
        {
            Set<String> own = new java.util.HashSet<>();
            for (String phrase : phrases(name, synonyms)) {
                if (!own.add(phrase)) {
                    findings.add(LintFinding.warning(name(), table.name() + "." + name, "the synonym '" + phrase + "' is listed twice; remove one"));
                    continue;
                }
                String previous = phrases.putIfAbsent(phrase, owner);
                if (previous != null && !previous.equals(owner)) {
                    findings.add(LintFinding.error(name(), table.name() + "." + name, "'" + phrase + "' names both " + previous + " and " + owner
                            + " of table " + table.name() + "; keep it on one of them"));
                }
            }
        }

        private void across(List<LintFinding> findings, SemanticTable table, Map<String, String> phrases, String kind, String name, List<String> synonyms)
        {
            for (String phrase : phrases(name, synonyms)) {
                String previous = phrases.putIfAbsent(phrase, name);
                if (previous != null && !previous.equals(name)) {
                    findings.add(LintFinding.error(name(), table.name() + "." + name, "'" + phrase + "' is a " + kind + " " + previous + " elsewhere and "
                            + name + " here; one phrase must mean one " + kind + " across the model"));
                }
            }
        }

        private static List<String> phrases(String name, List<String> synonyms)
        {
            List<String> phrases = new ArrayList<>();
            phrases.add(normalize(name));
            synonyms.forEach(synonym -> phrases.add(normalize(synonym)));
            return phrases;
        }

        static String normalize(String phrase)
        {
            return String.join(" ", InMemoryValueIndex.words(phrase.replace('_', ' '))).toLowerCase(Locale.ROOT);
        }
    }

    /** Metrics need a description (error); tables and dimensions should have one (warning). */
    static final class DescriptionCheck
            implements LintCheck
    {
        @Override
        public String name()
        {
            return "descriptions";
        }

        @Override
        public List<LintFinding> check(SemanticModel model)
        {
            List<LintFinding> findings = new ArrayList<>();
            for (SemanticTable table : model.tables()) {
                if (table.description().isBlank()) {
                    findings.add(LintFinding.warning(name(), table.name(), "the table has no description; say what one row is and when to use it"));
                }
                for (Metric metric : table.metrics()) {
                    if (metric.description().isBlank()) {
                        findings.add(LintFinding.error(name(), table.name() + "." + metric.name(), "the metric has no description; say exactly what it counts or sums"));
                    }
                }
                for (Dimension dimension : table.dimensions()) {
                    if (dimension.description().isBlank()) {
                        findings.add(LintFinding.warning(name(), table.name() + "." + dimension.name(), "the dimension has no description"));
                    }
                }
                for (TimeDimension time : table.timeDimensions()) {
                    if (time.description().isBlank()) {
                        findings.add(LintFinding.warning(name(), table.name() + "." + time.name(), "the time dimension has no description"));
                    }
                }
            }
            return findings;
        }
    }

    /** A one_to_many join from a table with metrics repeats its rows, so its sums and counts would be inflated. */
    static final class FanOutCheck
            implements LintCheck
    {
        @Override
        public String name()
        {
            return "fan_out";
        }

        @Override
        public List<LintFinding> check(SemanticModel model)
        {
            List<LintFinding> findings = new ArrayList<>();
            for (Relationship relationship : model.relationships()) {
                if (!relationship.cardinality().equals("one_to_many")) {
                    continue;
                }
                model.table(relationship.leftTable()).filter(table -> !table.metrics().isEmpty()).ifPresent(table -> findings.add(LintFinding.error(name(),
                        "relationship " + relationship.name(),
                        "joining " + table.name() + " to " + relationship.rightTable() + " (one_to_many) repeats each " + table.name()
                                + " row, so its metrics (" + String.join(", ", table.metrics().stream().map(Metric::name).toList())
                                + ") would be counted several times; declare the join from the many side (many_to_one) instead")));
            }
            return findings;
        }
    }
}
