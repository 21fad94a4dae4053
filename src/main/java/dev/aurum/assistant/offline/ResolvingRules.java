package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.DateRange;
import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.assistant.proposal.TimeGrain;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.Language;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.MetricSql;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules that settle what the reading means before the plan is decided (docs/architecture.md, "The planner's
 * rules"), run after {@link ReadingRules} in the order of {@link #IN_ORDER}: which metric a duration or a share of a
 * filter is, which values are understood, what a count of a filter counts, whether the question refines the previous
 * answer, what a comparison word sets against each other, and how many rows a superlative keeps. Each takes an
 * immutable {@link Reading} and returns a new one, with the words it explains marked and what it understood added.
 */
final class ResolvingRules
{
    /** Words that set parts of a question against each other; a reading must use them or abstain (en.yaml, cues). */
    private static final Set<String> COMPARISON_WORDS = Language.english().cues().comparison();
    private static final Language.PlannerWords PLANNER = Words.PLANNER;
    private static final Language LABELS = Language.english();
    /** Words that open a follow-up whatever follows ("now by state", "what about orders instead"; en.yaml, planner.follow_up). */
    private static final Pattern FOLLOW_UP = Pattern.compile("^" + Words.anyOf(PLANNER.followUp()) + "\\b");
    /**
     * Words that open a follow-up only when no measure is named ("top 5", "in 2018", "by state"); with a measure
     * ("top 10 cities by revenue") they open a new question, which must not inherit the previous one's filters.
     */
    private static final Pattern FOLLOW_UP_WITHOUT_MEASURE = Pattern.compile("^" + Words.anyOf(PLANNER.followUpWithoutMeasure()) + "\\b");

    /** The resolving rules, in the order they run. */
    static final List<PlannerRule> IN_ORDER = List.of(new DropReplacedMetrics(), new TrendByMonth(), new ChooseDurationMetric(), new ShareOfChangeIsChange(),
            new ShareOfFilterAsRate(), new ExplainValues(), new CountFilteredRows(), new ReadFollowUp(), new MetricInsideFilterPhrase(), new ComparePeriods(),
            new CompareValues(), new SuperlativeLimit());

    private ResolvingRules() {}

    /** Runs every rule in order over what the reading rules read. */
    static Reading resolve(Reading read, PlanContext context)
    {
        Reading reading = read;
        for (PlannerRule rule : IN_ORDER) {
            reading = rule.apply(reading, context);
        }
        return reading;
    }

    /** "revenue instead of orders": the metrics named after "instead of" are not measured. */
    static final class DropReplacedMetrics
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "DropReplacedMetrics";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Reading.Phrases phrases = reading.phrases();
            if (phrases.removedMetrics().isEmpty()) {
                return reading;
            }
            return reading.withPhrases(phrases.withMetrics(phrases.metrics().stream().filter(name -> !phrases.removedMetrics().contains(name)).toList()));
        }
    }

    /** "over time", "trend" without a grain: month by month. */
    static final class TrendByMonth
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "TrendByMonth";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            if (!reading.time().trend() || reading.phrases().grain() != null) {
                return reading;
            }
            return reading.withPhrases(reading.phrases().withGrain(TimeGrain.MONTH));
        }
    }

    /** A "how long ... take" question asks for a duration: the model's one metric measured in days, whatever else was named. */
    static final class ChooseDurationMetric
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "ChooseDurationMetric";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            if (!reading.roles().duration()) {
                return reading;
            }
            List<String> durations = ReadingRules.durationMetrics(context.model());
            if (durations.size() != 1) {
                return reading;
            }
            String duration = durations.get(0);
            Reading chosen = reading.withPhrases(reading.phrases().withMetrics(List.of(duration)).withMetricChoices(List.of()));
            return absorbWordsOf(chosen, context.model(), context.lexicon(), duration).withUnderstood(new Understood(LABELS.label("how_long"), LABELS.label("metric", "metric", duration)));
        }
    }

    /** "percentage change", "growth in percent": a percentage of a change is the change in percent, not a share. */
    static final class ShareOfChangeIsChange
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "ShareOfChangeIsChange";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Reading.Intents intents = reading.intents();
            if (intents.share() && (intents.growth() || reading.time().growth() || reading.time().versus())) {
                return reading.withIntents(intents.withShare(false));
            }
            return reading;
        }
    }

    /**
     * "the share of late orders": the share of a named filter that the model also defines as a percent metric is that
     * metric; the filter (and any filter the metric already implies) is dropped, and the answer is no longer a share.
     */
    static final class ShareOfFilterAsRate
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "ShareOfFilterAsRate";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Reading.Phrases phrases = reading.phrases();
            if (!reading.intents().share() || !phrases.metricChoices().isEmpty() || !phrases.dimensionChoices().isEmpty() || phrases.grain() != null
                    || !phrases.metrics().stream().allMatch(name -> ReadingRules.isCountMetric(context.model(), name))) {
                return reading;
            }
            Optional<RateOfFilter> found = rateMetricOf(phrases.filters(), context);
            if (found.isEmpty()) {
                return reading;
            }
            String filterName = found.get().filter();
            String rate = found.get().metric();
            List<PlanSpec.FilterUse> kept = phrases.filters().stream()
                    .filter(filter -> !(filter.name().equals(filterName) || !filter.negated() && impliedBy(context.model(), rate, filter.name())))
                    .toList();
            Reading chosen = reading.withPhrases(phrases.withFilters(kept).withMetrics(List.of(rate))).withIntents(reading.intents().withShare(false));
            return absorbWordsOf(chosen, context.model(), context.lexicon(), rate).withUnderstood(new Understood(filterName.replace('_', ' '), LABELS.label("metric", "metric", rate)));
        }

        /** A percent metric the model declares as the share of one of the question's named filters, and that filter. */
        private record RateOfFilter(String metric, String filter) {}

        /**
         * The percent metric the model declares as the share of one of the question's named filters: a metric whose
         * name or synonym is "share of F", "percent F", "percentage of F", "F rate" or "F percentage" for a name or
         * synonym F of the filter.
         */
        private static Optional<RateOfFilter> rateMetricOf(List<PlanSpec.FilterUse> filters, PlanContext context)
        {
            for (PlanSpec.FilterUse use : filters) {
                if (use.negated()) {
                    continue;
                }
                List<List<String>> filterPhrases = new ArrayList<>();
                for (SemanticTable table : context.model().tables()) {
                    for (NamedFilter filter : table.filters()) {
                        if (filter.name().equals(use.name())) {
                            filterPhrases.add(Lexicon.canonicalWords(filter.name()));
                            filter.synonyms().forEach(synonym -> filterPhrases.add(Lexicon.canonicalWords(synonym)));
                        }
                    }
                }
                Set<String> found = new LinkedHashSet<>();
                for (List<String> phrase : filterPhrases) {
                    for (String template : PLANNER.rateOfFilter()) {
                        List<String> candidate = new ArrayList<>();
                        for (String word : template.split(" ")) {
                            if (word.equals("{filter}")) {
                                candidate.addAll(phrase);
                            }
                            else {
                                candidate.add(word);
                            }
                        }
                        context.lexicon().lookup(candidate).stream()
                                .filter(term -> term.kind() == Lexicon.Kind.METRIC && isPercentMetric(context.model(), term.name()))
                                .forEach(term -> found.add(term.name()));
                    }
                }
                if (found.size() == 1) {
                    return Optional.of(new RateOfFilter(found.iterator().next(), use.name()));
                }
            }
            return Optional.empty();
        }

        private static boolean isPercentMetric(SemanticModel model, String name)
        {
            return model.tables().stream().flatMap(table -> table.metrics().stream())
                    .anyMatch(metric -> metric.name().equals(name) && metric.format().equals("percent"));
        }

        /** True when the filter's condition is already part of the metric ("delivered" inside the late-delivery rate). */
        private static boolean impliedBy(SemanticModel model, String metricName, String filterName)
        {
            for (SemanticTable table : model.tables()) {
                Optional<Metric> metric = Binder.metric(table, metricName);
                Optional<NamedFilter> filter = Binder.namedFilter(table, filterName);
                if (metric.isPresent() && filter.isPresent()) {
                    Set<String> condition = MetricSql.conjuncts(filter.get().expression());
                    return new MetricSql(table).rowConditions(metric.get()).stream().anyMatch(part -> part.containsAll(condition));
                }
            }
            return false;
        }
    }

    /** The stored values of one dimension each are understood as filters ("SP" → state = SP); ambiguous ones wait for the plan's table. */
    static final class ExplainValues
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "ExplainValues";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            List<Understood> understood = reading.valueHits().stream()
                    .filter(hit -> !hit.ambiguous())
                    .map(hit -> new Understood(hit.phrase(), LABELS.label(hit.negated() ? "not_value" : "value", "dimension", hit.matches().get(0).dimension(), "value", hit.matches().get(0).value())))
                    .toList();
            return understood.isEmpty() ? reading : reading.withUnderstood(understood);
        }
    }

    /** "how many late deliveries": a count cue before a named filter and nothing measured counts the rows of the filter's table. */
    static final class CountFilteredRows
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "CountFilteredRows";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Reading.Phrases phrases = reading.phrases();
            if (!phrases.namesNoMeasure() || !reading.intents().countCue() || phrases.filters().isEmpty()) {
                return reading;
            }
            return countMetricOf(context.model(), phrases.filters().get(0).name())
                    .map(metric -> reading.withPhrases(phrases.withMetrics(List.of(metric))))
                    .orElse(reading);
        }

        /** The row-count metric ({@code agg: count}, no expr, no filter) of the table that holds a named filter. */
        private static Optional<String> countMetricOf(SemanticModel model, String filterName)
        {
            for (SemanticTable table : model.tables()) {
                if (table.filters().stream().anyMatch(filter -> filter.name().equals(filterName))) {
                    return table.metrics().stream()
                            .filter(metric -> metric.isSimple() && "count".equals(metric.agg()) && metric.expr() == null && metric.filter() == null)
                            .map(Metric::name)
                            .findFirst();
                }
            }
            return Optional.empty();
        }
    }

    /**
     * "now by state", "what about 2017": after a previous answer, words that open a follow-up (or, when no measure is
     * named, words that open a refinement such as "top 5" or "by state") make the question refine that answer.
     */
    static final class ReadFollowUp
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "ReadFollowUp";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            if (context.previous().isEmpty()) {
                return reading;
            }
            boolean namesMeasure = !reading.phrases().namesNoMeasure();
            boolean refines = FOLLOW_UP.matcher(reading.text()).find() || !namesMeasure && FOLLOW_UP_WITHOUT_MEASURE.matcher(reading.text()).find();
            return refines ? reading.withIntents(reading.intents().withFollowUp(true)) : reading;
        }
    }

    /** "canceled orders" is a filter; its word "orders" is also the metric people count. Not in a follow-up, which only adds the filter. */
    static final class MetricInsideFilterPhrase
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "MetricInsideFilterPhrase";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            if (!reading.phrases().namesNoMeasure() || reading.intents().followUp()) {
                return reading;
            }
            for (Lexicon.Hit hit : reading.hits()) {
                if (hit.terms().stream().anyMatch(term -> term.kind() == Lexicon.Kind.FILTER)) {
                    for (int i = hit.start(); i < hit.end(); i++) {
                        for (Lexicon.Term term : context.lexicon().lookup(List.of(reading.canonical().get(i)))) {
                            if (term.kind() == Lexicon.Kind.METRIC) {
                                return reading.withPhrases(reading.phrases().withMetrics(List.of(term.name())));
                            }
                        }
                    }
                }
            }
            return reading;
        }
    }

    /**
     * Two periods compared: "2018 vs 2017", growth between two named periods, or two named periods set against each
     * other with a comparison word the time reading did not take ("how did sales this year compare with last year"):
     * the two periods side by side, not one range over both.
     */
    static final class ComparePeriods
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "ComparePeriods";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            List<DateRange> ranges = reading.time().ranges();
            if (reading.time().versus() || ranges.size() == 2 && (reading.intents().growth() || reading.time().growth())) {
                return reading.withIntents(reading.intents().withCompare(true));
            }
            int at = unexplainedComparison(reading);
            if (at < 0 || ranges.size() != 2) {
                return reading;
            }
            return reading.explain(at)
                    .withUnderstood(new Understood(reading.cased().get(at), LABELS.label("compare", "first", ranges.get(0).label(), "second", ranges.get(1).label())))
                    .withIntents(reading.intents().withCompare(true));
        }
    }

    /**
     * Two or more values of one dimension set against each other ("SP vs RJ", "boleto compared to credit card"): the
     * answer shows each value on its own row, so the dimension is grouped by as well as filtered.
     */
    static final class CompareValues
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "CompareValues";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            int at = unexplainedComparison(reading);
            if (at < 0) {
                return reading;
            }
            List<PlanSpec.ValueFilter> compared = reading.valueFilters().stream().filter(filter -> !filter.negated() && filter.values().size() >= 2).toList();
            if (compared.size() != 1) {
                return reading;
            }
            String dimension = compared.get(0).dimension();
            Reading explained = reading.explain(at).withUnderstood(new Understood(reading.cased().get(at), LABELS.label("each_on_its_row", "dimension", dimension)));
            List<List<String>> choices = reading.phrases().dimensionChoices();
            if (choices.stream().anyMatch(choice -> choice.contains(dimension))) {
                return explained;
            }
            List<List<String>> grouped = new ArrayList<>(choices);
            grouped.add(List.of(dimension));
            return explained.withPhrases(reading.phrases().withDimensionChoices(grouped));
        }
    }

    /**
     * "highest", "best" without a number: a number before the grouped thing ("which three states") is the row count;
     * else one row when a single winner is asked for ("which state", "the best month"), else the default top list.
     */
    static final class SuperlativeLimit
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "SuperlativeLimit";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Reading.Intents intents = reading.intents();
            if (intents.limit() != null || !intents.superlative()) {
                return reading;
            }
            if (intents.countBeforeDimension() != null) {
                return reading.explain(intents.countBeforeDimensionIndex()).withIntents(intents.withLimit(intents.countBeforeDimension()));
            }
            return reading.withIntents(intents.withLimit(singularGrouping(reading) ? 1 : ReadingRules.DEFAULT_TOP));
        }

        /** "which state ..." / "the best month": a single winner is wanted. */
        private static boolean singularGrouping(Reading reading)
        {
            for (Lexicon.Hit hit : reading.hits()) {
                if (hit.terms().stream().anyMatch(term -> term.kind() == Lexicon.Kind.DIMENSION || term.kind() == Lexicon.Kind.TIME_DIMENSION)) {
                    String last = reading.words().get(hit.end() - 1);
                    return last.equals(reading.canonical().get(hit.end() - 1));
                }
            }
            return reading.words().stream().anyMatch(PLANNER.singleWinner()::contains);
        }
    }

    /** The position of a comparison word ("vs", "compared") nothing has explained yet, or -1. */
    static int unexplainedComparison(Reading reading)
    {
        for (int i = 0; i < reading.words().size(); i++) {
            if (!reading.explained(i) && COMPARISON_WORDS.contains(reading.words().get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Words not yet explained that are words of the chosen metric's name or synonyms ("delivery" for avg_delivery_days): explained as part of it. */
    static Reading absorbWordsOf(Reading reading, SemanticModel model, Lexicon lexicon, String metricName)
    {
        Set<String> metricWords = ReadingRules.metricWords(model, metricName);
        Reading absorbed = reading;
        for (int i = 0; i < reading.words().size(); i++) {
            if (!reading.explained(i) && !lexicon.isStopWord(reading.words().get(i)) && metricWords.contains(reading.canonical().get(i))) {
                absorbed = absorbed.explain(i).withUnderstood(new Understood(reading.cased().get(i), LABELS.label("part_of_metric", "metric", metricName)));
            }
        }
        return absorbed;
    }

    static <T> List<T> concat(List<T> left, List<T> right)
    {
        List<T> all = new ArrayList<>(left);
        all.addAll(right);
        return all;
    }
}
