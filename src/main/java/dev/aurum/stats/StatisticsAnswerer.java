package dev.aurum.stats;

import dev.aurum.AurumException;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.sql.QueryResult;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The statistics route of the assistant: maps a hypothesis-test question to a value and a grouping of the semantic
 * model (or two groupings: chi-square) and runs the test. "is spending different across seasons?" → one-way ANOVA
 * of the value the model calls spending by season, over the model's default rows for money; "is payment type related
 * to state?" → chi-square. A question it cannot map gets a {@link StatsOutcome.Clarify} with complete questions built
 * from the model; with a {@link StatsChooser} (the LLM) it first asks the chooser for names, checks them against the
 * model and runs that test, saying in the answer that the reading was the model's.
 */
public final class StatisticsAnswerer
{
    private static final Pattern DIFFERENCE = Pattern.compile(
            "^(?:is|are|was|were|does|do|did)\\s+(?:there\\s+(?:a\\s+)?(?:significant\\s+)?difference\\s+in\\s+)?(.+?)\\s+(?:significantly\\s+|statistically\\s+|really\\s+)?"
                    + "(?:different|differ|differs|vary|varies|change|changes|varying)\\s+(?:across|by|between|among|amongst|per|for each|over|with|from one .+ to another in)\\s+(?:the\\s+|each\\s+|different\\s+)?(.+)$");
    private static final Pattern RELATION = Pattern.compile(
            "^(?:is|are|was|were|does|do)\\s+(.+?)\\s+(?:related to|associated with|independent of|dependent on|linked to|correlated with|depend on|depends on)\\s+(?:the\\s+)?(.+)$");

    private final SemanticNames names;
    private final StatisticsService service;
    private final double alpha;
    private final Optional<StatsChooser> chooser;

    public StatisticsAnswerer(SemanticModel model, Function<String, QueryResult> runner)
    {
        this(model, runner, OneWayAnova.DEFAULT_ALPHA, Optional.empty());
    }

    public StatisticsAnswerer(SemanticModel model, Function<String, QueryResult> runner, Optional<StatsChooser> chooser)
    {
        this(model, runner, OneWayAnova.DEFAULT_ALPHA, chooser);
    }

    public StatisticsAnswerer(SemanticModel model, Function<String, QueryResult> runner, double alpha, Optional<StatsChooser> chooser)
    {
        this.service = new StatisticsService(requireNonNull(model, "model is null"), runner);
        this.names = service.names();
        this.alpha = alpha;
        this.chooser = requireNonNull(chooser, "chooser is null");
    }

    public StatsOutcome answer(String question)
    {
        requireNonNull(question, "question is null");
        StatsOutcome outcome = read(question);
        if (outcome instanceof StatsOutcome.Clarify clarify && chooser.isPresent()) {
            return chosen(question, clarify);
        }
        return outcome;
    }

    private StatsOutcome read(String question)
    {
        String text = question.toLowerCase(Locale.ROOT).replaceAll("[?!.]+", " ").replaceAll("\\s+", " ").strip();
        try {
            Matcher relation = RELATION.matcher(text);
            if (relation.matches()) {
                return relate(relation.group(1), relation.group(2));
            }
            Matcher difference = DIFFERENCE.matcher(text);
            if (difference.matches()) {
                return compare(difference.group(1), difference.group(2));
            }
            return clarify("I could not tell which value to compare across which groups.", Optional.empty(), Optional.empty());
        }
        catch (AurumException e) {
            return new StatsOutcome.Failed(e.getMessage());
        }
    }

    private StatsOutcome compare(String valuePhrase, String groupPhrase)
    {
        Optional<SemanticNames.Match> value = names.find(valuePhrase, true, null);
        Optional<SemanticNames.Match> group = value.isPresent() ? names.find(groupPhrase, false, value.get().table()).or(() -> names.find(groupPhrase, true,
                value.get().table()).filter(match -> !SemanticNames.isMeasurement(match.dimension()))) : names.find(groupPhrase, false, null);
        if (value.isEmpty() || group.isEmpty() || group.get().dimension().equals(value.get().dimension())) {
            return clarify("I could not map \"" + (value.isEmpty() ? valuePhrase : groupPhrase) + "\" to " + (value.isEmpty() ? "a value" : "a grouping")
                    + " of the semantic model.", value, group);
        }
        StatsSubject subject = names.subject(value.get().table(), value.get().dimension(), group.get().dimension(), null);
        return service.anova(subject, alpha).answered();
    }

    private StatsOutcome relate(String firstPhrase, String secondPhrase)
    {
        Optional<SemanticNames.Match> first = names.find(firstPhrase, false, null);
        Optional<SemanticNames.Match> second = first.isPresent() ? names.find(secondPhrase, false, first.get().table()) : Optional.empty();
        if (first.isPresent() && second.isPresent() && !first.get().dimension().equals(second.get().dimension())) {
            SemanticTable table = first.get().table();
            Dimension a = first.get().dimension();
            Dimension b = second.get().dimension();
            // chi-square needs no value; the subject carries the first dimension as its grouping and no filter
            StatsSubject subject = new StatsSubject(table, a.name(), a.expression(), a.name(), a.expression(), null, null, false);
            return service.chisq(subject, b.name(), b.expression(), alpha);
        }
        // "is spending related to season?": a number against a grouping is a comparison of means
        Optional<SemanticNames.Match> value = names.find(firstPhrase, true, null);
        if (value.isPresent() && value.get().score() >= 10) {
            return compare(firstPhrase, secondPhrase);
        }
        return clarify("I could not map \"" + (first.isEmpty() ? firstPhrase : secondPhrase) + "\" to a dimension of the semantic model.", Optional.empty(),
                first);
    }

    /** The chooser's names, checked against the model, then the test run by the service; else the question back. */
    private StatsOutcome chosen(String question, StatsOutcome.Clarify fallback)
    {
        Optional<StatsChoice> proposed;
        try {
            proposed = chooser.get().choose(question);
        }
        catch (RuntimeException e) {
            proposed = Optional.empty();
        }
        if (proposed.isEmpty()) {
            return fallback;
        }
        StatsChoice choice = proposed.get();
        Optional<String> problem = problem(choice);
        if (problem.isPresent()) {
            return new StatsOutcome.Clarify("The language model proposed " + choice.describe() + ", but " + problem.get() + ". "
                    + fallback.message(), fallback.choices());
        }
        SemanticTable table = names.model().table(choice.table()).orElseThrow();
        Dimension by = names.exact(table, choice.by()).orElseThrow();
        StatsOutcome outcome;
        try {
            if (choice.test() == StatsChoice.Test.CHISQ) {
                Dimension second = names.exact(table, choice.second()).orElseThrow();
                StatsSubject subject = new StatsSubject(table, by.name(), by.expression(), by.name(), by.expression(), null, null, false);
                outcome = service.chisq(subject, second.name(), second.expression(), alpha);
            }
            else {
                Dimension value = names.exact(table, choice.value()).orElseThrow();
                outcome = service.anova(names.subject(table, value, by, choice.filter()), alpha).answered();
            }
        }
        catch (AurumException e) {
            return new StatsOutcome.Failed(e.getMessage());
        }
        if (outcome instanceof StatsOutcome.Answered answered) {
            Map<String, Object> analysis = new LinkedHashMap<>(answered.analysis());
            analysis.put("chosen_by", "llm");
            analysis.put("reading", choice.describe());
            return new StatsOutcome.Answered(answered.sql(), answered.columns(), answered.rows(),
                    "Read as " + choice.describe() + " (the language model chose the value and grouping; the statistics are computed here). "
                            + answered.summary(),
                    analysis, answered.chartX(), answered.chartY(), answered.tableVersions(), answered.dataDate());
        }
        return outcome;
    }

    /** Why a proposed choice does not fit the model, or empty when every name is the model's. */
    private Optional<String> problem(StatsChoice choice)
    {
        Optional<SemanticTable> table = names.model().table(choice.table());
        if (table.isEmpty()) {
            return Optional.of("there is no table " + choice.table());
        }
        Optional<Dimension> by = names.exact(table.get(), choice.by());
        if (by.isEmpty()) {
            return Optional.of(table.get().name() + " has no dimension " + choice.by());
        }
        if (choice.test() == StatsChoice.Test.CHISQ) {
            Optional<Dimension> second = names.exact(table.get(), choice.second());
            if (second.isEmpty()) {
                return Optional.of(table.get().name() + " has no dimension " + choice.second());
            }
            return second.get().equals(by.get()) ? Optional.of("the two groupings are the same") : Optional.empty();
        }
        Optional<Dimension> value = names.exact(table.get(), choice.value());
        if (value.isEmpty() || !SemanticNames.isNumeric(value.get())) {
            return Optional.of(table.get().name() + " has no numeric column " + choice.value());
        }
        if (value.get().equals(by.get())) {
            return Optional.of("the value and the grouping are the same");
        }
        String filter = choice.filter();
        if (filter != null && !filter.equalsIgnoreCase("none") && table.get().filters().stream().noneMatch(named -> named.name().equalsIgnoreCase(filter))) {
            // only the model's named filters: an expression from the model is not taken
            return Optional.of(table.get().name() + " has no named filter " + filter);
        }
        return Optional.empty();
    }

    /** Up to five complete questions: the matched part kept, the other filled from the model. */
    private StatsOutcome clarify(String reason, Optional<SemanticNames.Match> value, Optional<SemanticNames.Match> group)
    {
        SemanticTable table = value.map(SemanticNames.Match::table).or(() -> group.map(SemanticNames.Match::table))
                .orElse(names.model().tables().isEmpty() ? null : names.model().tables().get(0));
        Set<String> choices = new LinkedHashSet<>();
        if (table != null) {
            List<Dimension> values = value.map(match -> List.of(match.dimension())).orElse(SemanticNames.values(table));
            List<Dimension> groups = group.map(match -> List.of(match.dimension())).orElse(SemanticNames.groupings(table));
            // walk the pairs diagonally so the choices spread over values and groupings
            for (int i = 0; choices.size() < 5 && i < values.size() * groups.size(); i++) {
                Dimension v = values.get(i % values.size());
                Dimension g = groups.get((i + i / values.size()) % groups.size());
                if (!v.equals(g)) {
                    choices.add("is " + Wording.words(v.name()) + " different across " + Wording.words(g.name()) + "?");
                }
            }
        }
        return new StatsOutcome.Clarify(reason + " Which test do you mean?", List.copyOf(choices));
    }
}
