package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.DateRange;
import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.TimeGrain;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Language;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.TimeDimension;
import dev.aurum.semantic.ValueIndex;
import dev.aurum.semantic.ValueMatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;

import static java.util.Objects.requireNonNull;

/**
 * Decides what a resolved reading ({@link ResolvingRules}) becomes (docs/architecture.md, "The planner's rules"): a
 * plan, a question back, or a refinement of the previous plan. The decision is a list of small, named steps over an
 * immutable {@link Draft}; each returns the next draft or the answer that ends the decision. Whether a plan can be
 * answered is asked of the {@link Binder}; only the last step writes SQL.
 */
final class Resolution
{
    /** "each"/"every" right before a word read as a grouping ("for each state"): part of that grouping. */
    private static final Set<String> EACH_WORDS = Language.english().cues().each();
    /** Words that change the shape of the answer: when a reading leaves one unused, the planner abstains. */
    private static final Set<String> SHAPE_WORDS = Language.english().cues().shape();
    private static final Language.PlannerWords PLANNER = Words.PLANNER;
    private static final Language LABELS = Language.english();

    private final SemanticModel model;
    private final ValueIndex values;
    private final Lexicon lexicon;
    private final Binder binder;
    private final SqlWriter writer;

    Resolution(SemanticModel model, ValueIndex values, Lexicon lexicon, Binder binder, SqlWriter writer)
    {
        this.model = requireNonNull(model, "model is null");
        this.values = requireNonNull(values, "values is null");
        this.lexicon = requireNonNull(lexicon, "lexicon is null");
        this.binder = requireNonNull(binder, "binder is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    /**
     * The decision so far: the reading (its explained words and what was understood), the measures chosen, and the
     * plan once its groupings are chosen (null before).
     */
    record Draft(Reading reading, List<PlanSpec.Measure> measures, PlanSpec spec)
    {
        Draft
        {
            requireNonNull(reading, "reading is null");
            measures = List.copyOf(measures);
        }

        Draft withReading(Reading next)
        {
            return new Draft(next, measures, spec);
        }

        Draft withMeasures(List<PlanSpec.Measure> chosen)
        {
            return new Draft(reading, chosen, spec);
        }

        Draft withSpec(PlanSpec planned)
        {
            return new Draft(reading, measures, requireNonNull(planned, "planned is null"));
        }

        List<Understood> understood()
        {
            return reading.understood();
        }
    }

    /** What one step leaves: the next draft, or the answer that ends the decision. */
    private sealed interface Step
            permits Next, Answer
    {
        static Step next(Draft draft)
        {
            return new Next(draft);
        }

        static Step answer(Proposal answer)
        {
            return new Answer(answer);
        }
    }

    private record Next(Draft draft)
            implements Step
    {
        Next
        {
            requireNonNull(draft, "draft is null");
        }
    }

    private record Answer(Proposal proposal)
            implements Step
    {
        Answer
        {
            requireNonNull(proposal, "proposal is null");
        }
    }

    /** One named step of the decision. */
    private record Decision(String name, Function<Draft, Step> step) {}

    /** The steps of a new question, in order: its measures, then its groupings. */
    private List<Decision> newQuestion()
    {
        return List.of(new Decision("ChooseAmongMetrics", this::chooseAmongMetrics), new Decision("SalesForHowMuch", this::salesForHowMuch),
                new Decision("AskForMeasure", this::askForMeasure), new Decision("AmountForHowMuch", this::amountForHowMuch),
                new Decision("CountPerCount", this::countPerCount), new Decision("AbsorbMeasureWords", this::absorbMeasureWords),
                new Decision("CheckExclusions", this::checkExclusions), new Decision("AskAverageOfWhat", this::askAverageOfWhat),
                new Decision("ChooseDimensions", this::chooseDimensions));
    }

    /** The steps every plan goes through once it is drafted, in order: the questions back it may still need. */
    private List<Decision> checks()
    {
        return List.of(new Decision("SettleValues", this::settleValues), new Decision("AskGrowthBase", this::askGrowthBase),
                // a share with nothing to divide the total by: across what?
                new Decision("AskShareBase", draft -> askShare(draft, filters -> filters == 0, measure -> "Share of " + measure + " across what?")),
                // "share of open orders paid by card": which filter is the whole and which the part is not sure
                new Decision("AskShareWhole", draft -> askShare(draft, filters -> filters > 1,
                        measure -> "Share of " + measure + " among which orders? I found several conditions and did not guess which one is the whole.")),
                new Decision("AskAveragePerAverage", this::askAveragePerAverage), new Decision("ExplainEach", this::explainEach),
                new Decision("AskUnknownValue", this::askUnknownValue));
    }

    /** Turns what was read into a plan, a question back, or (follow-up) a refinement of the previous plan. */
    Proposal resolve(Reading reading, PlanContext context)
    {
        Draft draft = new Draft(reading, measuresOf(reading), null);
        PlanSpec previous = context.previous().orElse(null);
        boolean followUp = reading.intents().followUp()
                || previous != null && draft.measures().isEmpty() && reading.phrases().metricChoices().isEmpty();
        List<Decision> steps = new ArrayList<>();
        if (followUp) {
            steps.add(new Decision("RefinePrevious", current -> refinePrevious(current, previous)));
        }
        else {
            steps.addAll(newQuestion());
        }
        steps.addAll(checks());
        for (Decision decision : steps) {
            Step step = decision.step().apply(draft);
            if (step instanceof Answer answer) {
                return answer.proposal();
            }
            draft = ((Next) step).draft();
        }
        return planned(draft);
    }

    /** The measures the reading names: its metrics (divided by what follows "per"), then its distinct counts. */
    private static List<PlanSpec.Measure> measuresOf(Reading reading)
    {
        Reading.Phrases phrases = reading.phrases();
        List<PlanSpec.Measure> measures = new ArrayList<>();
        for (String metric : phrases.metrics()) {
            measures.add(phrases.denominators().isEmpty() ? PlanSpec.Measure.of(metric) : new PlanSpec.Measure(metric, phrases.denominators().get(0), null));
        }
        phrases.distinctDimensions().forEach(dimension -> measures.add(new PlanSpec.Measure(null, null, dimension)));
        return measures;
    }

    /** "how much": an amount is asked. */
    private static boolean asksAmount(Reading reading)
    {
        return reading.words().stream().anyMatch(PLANNER.amountAsks()::contains);
    }

    private static boolean anyGrowth(Reading reading)
    {
        return reading.intents().growth() || reading.time().growth();
    }

    /** The plan of a new question with these measures, before its groupings are chosen. */
    private static PlanSpec base(Reading reading, List<PlanSpec.Measure> measures)
    {
        Reading.Phrases phrases = reading.phrases();
        Reading.Intents intents = reading.intents();
        return new PlanSpec(measures, List.of(), phrases.grain(), phrases.timeDimension(), reading.time().ranges(), reading.valueFilters(), phrases.filters(),
                intents.limit(), intents.ascending(), intents.share(), anyGrowth(reading) && !intents.compare(), reading.time().growthGrain().orElse(null),
                intents.compare(), intents.chart());
    }

    /** The plan of a new question with one measure and the groupings that are not in doubt: a probe, or a complete reading offered as a choice. */
    private static PlanSpec withMeasure(Reading reading, String metric)
    {
        List<String> dimensions = reading.phrases().dimensionChoices().stream().filter(choice -> choice.size() == 1).map(choice -> choice.get(0)).toList();
        return withDimensions(base(reading, List.of(PlanSpec.Measure.of(metric))), dimensions);
    }

    /** "revenue or sales?": of the metrics one phrase may mean, the one a table can answer with the rest of the question; else ask with complete readings. */
    private Step chooseAmongMetrics(Draft draft)
    {
        Reading reading = draft.reading();
        List<List<String>> metricChoices = reading.phrases().metricChoices();
        if (metricChoices.isEmpty() || !draft.measures().isEmpty()) {
            return Step.next(draft);
        }
        List<String> feasible = metricChoices.get(0).stream().filter(name -> feasible(withMeasure(reading, name))).toList();
        if (feasible.size() == 1) {
            return Step.next(draft.withMeasures(List.of(PlanSpec.Measure.of(feasible.get(0)))));
        }
        return Step.answer(completeReadings("\"" + reading.question().trim() + "\" could mean several measures. Which one?",
                feasible.isEmpty() ? metricChoices.get(0) : feasible, name -> withMeasure(reading, name), null, draft.understood()));
    }

    /** "how much did it sell" with nothing measured: the amount of sales. */
    private Step salesForHowMuch(Draft draft)
    {
        Optional<String> sales = salesMetric(draft.reading());
        if (!draft.measures().isEmpty() || !asksAmount(draft.reading()) || sales.isEmpty()) {
            return Step.next(draft);
        }
        return Step.next(draft.withMeasures(List.of(PlanSpec.Measure.of(sales.get())))
                .withReading(draft.reading().withUnderstood(new Understood(LABELS.label("how_much_sell"), LABELS.label("metric", "metric", sales.get())))));
    }

    /** Nothing measured: ask which measure, each choice keeping the question's dimensions, filters, period and ranking. */
    private Step askForMeasure(Draft draft)
    {
        if (!draft.measures().isEmpty()) {
            return Step.next(draft);
        }
        Reading reading = draft.reading();
        Proposal.Clarify which = noMetric(reading);
        if (reading.hits().isEmpty() && reading.valueHits().isEmpty() && reading.time().spans().isEmpty()) {
            return Step.answer(which);
        }
        // every choice keeps the question's dimensions, filters, period and ranking: choosing one answers the whole question
        return Step.answer(completeReadings(which.message(), which.choices(), name -> withMeasure(reading, name), which.partial(), draft.understood()));
    }

    /** "how much" asks for an amount: counts named beside a money metric are who or what it is about. */
    private Step amountForHowMuch(Draft draft)
    {
        Reading reading = draft.reading();
        if (!asksAmount(reading) || reading.words().contains(PLANNER.countWord()) || anyGrowth(reading) || reading.intents().compare()) {
            return Step.next(draft);
        }
        List<PlanSpec.Measure> money = draft.measures().stream().filter(this::isMoney).toList();
        if (!money.isEmpty()) {
            return Step.next(draft.withMeasures(draft.measures().stream().filter(money::contains).toList()));
        }
        if (!draft.measures().stream().allMatch(this::isCount)) {
            return Step.next(draft);
        }
        Optional<String> sales = salesMetric(reading);
        if (sales.isPresent()) {
            // "how much did they sell": the amount of sales, whatever was counted beside it
            return Step.next(draft.withMeasures(List.of(PlanSpec.Measure.of(sales.get())))
                    .withReading(reading.withUnderstood(new Understood(LABELS.label("how_much_sell"), LABELS.label("metric", "metric", sales.get())))));
        }
        return Step.answer(new Proposal.Clarify("\"How much\" asks for an amount, but I only found a count here. Which measure do you mean?",
                moneyMetricNames(), null, draft.understood()));
    }

    /**
     * "mean purchases of one buyer": the average of one count per the other, as the model names it when it defines
     * that ratio beside both parts, else the ratio of the two metrics.
     */
    private Step countPerCount(Draft draft)
    {
        List<PlanSpec.Measure> measures = draft.measures();
        if (!draft.reading().intents().average() || measures.size() != 2
                || !measures.stream().allMatch(measure -> measure.per() == null && measure.distinctDimension() == null && isCountMetric(measure.metric()))
                || !articleBefore(draft.reading(), measures.get(1).metric())) {
            return Step.next(draft);
        }
        PlanSpec.Measure ratio = namedRatio(draft.reading(), measures.get(0).metric(), measures.get(1).metric())
                .map(PlanSpec.Measure::of)
                .orElse(new PlanSpec.Measure(measures.get(0).metric(), measures.get(1).metric(), null));
        return Step.next(draft.withMeasures(List.of(ratio)));
    }

    /** The words of the measured metrics' names and synonyms are explained by them. */
    private Step absorbMeasureWords(Draft draft)
    {
        Reading reading = draft.reading();
        for (PlanSpec.Measure measure : draft.measures()) {
            if (measure.metric() != null) {
                reading = ResolvingRules.absorbWordsOf(reading, model, lexicon, measure.metric());
            }
        }
        return Step.next(draft.withReading(reading));
    }

    /**
     * "turnover without freight": a metric named after "without" must really be left out of what is measured, which
     * the measured metric declares ({@code excludes:}); otherwise ask.
     */
    private Step checkExclusions(Draft draft)
    {
        for (String left : draft.reading().phrases().excludedMetrics()) {
            boolean allSay = draft.measures().stream().allMatch(measure -> measure.metric() != null && saysWithout(measure.metric(), left));
            if (!allSay) {
                List<String> choices = new ArrayList<>();
                model.tables().forEach(table -> table.metrics().stream()
                        .filter(metric -> saysWithout(metric.name(), left) && !choices.contains(metric.name()))
                        .forEach(metric -> choices.add(metric.name())));
                return Step.answer(new Proposal.Clarify("The measure I found includes " + left.replace('_', ' ')
                        + ". Which measure without it do you mean?", choices.isEmpty() ? metricChoices(model) : choices, null, draft.understood()));
            }
        }
        return Step.next(draft);
    }

    /** "average revenue" of a metric that is not an average, with nothing to divide by: per what? */
    private Step askAverageOfWhat(Draft draft)
    {
        List<PlanSpec.Measure> measures = draft.measures();
        if (!draft.reading().intents().average() || !measures.stream().allMatch(measure -> measure.per() == null && measure.distinctDimension() == null)
                || isAlreadyAverage(measures.get(0).metric())) {
            return Step.next(draft);
        }
        String metric = measures.get(0).metric();
        List<String> choices = new ArrayList<>();
        // per each thing the first table holding the metric counts (its count metrics without a filter)
        model.tables().stream().filter(table -> table.metric(metric).isPresent()).findFirst().ifPresent(table -> table.metrics().stream()
                .filter(counted -> counted.isCount() && counted.filter() == null)
                .forEach(counted -> choices.add("average " + metric.replace('_', ' ') + " per " + Words.canonical(counted.name()))));
        choices.add(metric.replace('_', ' ') + " by month");
        return Step.answer(new Proposal.Clarify("Average " + metric.replace('_', ' ') + " per what?", choices, null, draft.understood()));
    }

    /** Each grouping phrase becomes the one dimension a table can answer with the measures; two possible: ask; none: say so. */
    private Step chooseDimensions(Draft draft)
    {
        PlanSpec undivided = base(draft.reading(), draft.measures());
        List<String> dimensions = new ArrayList<>();
        for (List<String> choice : draft.reading().phrases().dimensionChoices()) {
            List<String> options = choice.stream().filter(name -> feasible(withDimensions(undivided, append(dimensions, name)))).toList();
            if (options.size() > 1) {
                options = storedPer(options, undivided);
            }
            if (options.size() > 1) {
                return Step.answer(clarifyDimensions(options, draft.measures(), draft.understood()));
            }
            if (options.isEmpty()) {
                PlanSpec spec = withDimensions(undivided, append(dimensions, choice.get(0)));
                return Step.answer(new Proposal.Clarify("No table of the model holds " + measureWords(spec) + " by " + choice.get(0).replace('_', ' ')
                        + ". Try one of these instead.", alternatives(spec), provenancePlan(spec, null, List.of()), draft.understood()));
            }
            if (!dimensions.contains(options.get(0))) {
                dimensions.add(options.get(0));
            }
        }
        return Step.next(draft.withSpec(withDimensions(undivided, dimensions)));
    }

    /** A follow-up: what the new words name replaces or adds to the previous plan; a new grouping that may mean two dimensions is asked. */
    private Step refinePrevious(Draft draft, PlanSpec previous)
    {
        Reading reading = draft.reading();
        Reading.Phrases phrases = reading.phrases();
        Reading.Intents intents = reading.intents();
        List<PlanSpec.Measure> measures = draft.measures();
        List<PlanSpec.Measure> newMeasures = measures.isEmpty() ? previous.measures() : measures;
        TimeGrain grain = phrases.grain();
        String timeDimension = phrases.timeDimension();
        List<DateRange> ranges = reading.time().ranges();
        List<PlanSpec.ValueFilter> valueFilters = reading.valueFilters();
        List<PlanSpec.FilterUse> filters = phrases.filters();
        Integer limit = intents.limit();
        boolean compare = intents.compare();
        List<String> dimensions = new ArrayList<>();
        boolean regrouped = !phrases.dimensionChoices().isEmpty() || grain != null;
        if (!regrouped) {
            dimensions.addAll(previous.dimensions());
        }
        for (List<String> choice : phrases.dimensionChoices()) {
            PlanSpec probe = new PlanSpec(newMeasures, dimensions, grain, timeDimension, ranges, valueFilters, filters, limit, false, false, false, null, false, false);
            List<String> options = choice.stream().filter(name -> feasible(withDimensions(probe, append(dimensions, name)))).toList();
            if (options.size() > 1) {
                return Step.answer(clarifyDimensions(phrases.dimensionChoices().get(0), measures, draft.understood()));
            }
            dimensions.add(options.isEmpty() ? choice.get(0) : options.get(0));
        }
        TimeGrain newGrain = regrouped ? grain : previous.grain();
        List<DateRange> newRanges = ranges.isEmpty() ? previous.ranges() : ranges;
        List<PlanSpec.ValueFilter> newValues = new ArrayList<>();
        for (PlanSpec.ValueFilter old : previous.valueFilters()) {
            if (valueFilters.stream().noneMatch(filter -> filter.dimension().equals(old.dimension()))) {
                newValues.add(old);
            }
        }
        newValues.addAll(valueFilters);
        List<PlanSpec.FilterUse> newFilters = new ArrayList<>(previous.namedFilters());
        filters.stream().filter(filter -> !newFilters.contains(filter)).forEach(newFilters::add);
        Integer newLimit = limit != null ? limit : previous.limit();
        return Step.next(draft.withSpec(new PlanSpec(newMeasures, dimensions, newGrain, timeDimension != null ? timeDimension : previous.timeDimension(),
                newRanges, newValues, newFilters, newLimit, limit != null ? false : previous.ascending(), previous.share(),
                previous.growth() || anyGrowth(reading) && !compare, previous.growthGrain(), compare || previous.compare() && ranges.isEmpty(),
                intents.chart() || previous.chart())));
    }

    /** Value phrases that match stored values of several dimensions: keep the dimensions a table can answer with, else ask. */
    private Step settleValues(Draft draft)
    {
        PlanSpec current = draft.spec();
        Reading reading = draft.reading();
        for (Reading.ValueHit hit : draft.reading().ambiguousValues()) {
            PlanSpec probed = current;
            List<ValueMatch> workable = hit.matches().stream().filter(match -> feasible(withValue(probed, match, hit.negated()))).toList();
            Set<String> dimensions = new LinkedHashSet<>();
            workable.forEach(match -> dimensions.add(match.dimension()));
            if (dimensions.size() > 1 && workable.stream().map(match -> match.value().toLowerCase(Locale.ROOT)).distinct().count() == 1) {
                // the same stored value under two dimensions (a payment method: of each payment, or the largest of an order)
                List<String> kept = storedPer(List.copyOf(dimensions), current);
                if (kept.size() == 1) {
                    workable = workable.stream().filter(match -> match.dimension().equals(kept.get(0))).toList();
                    dimensions.retainAll(kept);
                }
            }
            if (dimensions.size() != 1) {
                List<ValueMatch> shown = workable.isEmpty() ? hit.matches() : workable;
                return Step.answer(new Proposal.Clarify("\"" + hit.phrase() + "\" is a value of several things. Which one do you mean?",
                        shown.stream().map(match -> match.dimension() + " = " + match.value()).distinct().toList(), provenancePlan(current, null, List.of()),
                        reading.understood()));
            }
            current = withValue(current, workable.get(0), hit.negated());
            reading = reading.withUnderstood(new Understood(hit.phrase(), LABELS.label(hit.negated() ? "not_value" : "value", "dimension", workable.get(0).dimension(), "value", workable.get(0).value())));
        }
        return Step.next(draft.withReading(reading).withSpec(current));
    }

    /** Growth with no period to compare with: which period? */
    private Step askGrowthBase(Draft draft)
    {
        PlanSpec spec = draft.spec();
        if (!spec.growth() || spec.grain() != null || spec.growthGrain() != null || !spec.ranges().isEmpty()) {
            return Step.next(draft);
        }
        return Step.answer(new Proposal.Clarify("Growth compared with which period?",
                List.of(measureWords(spec) + " month over month", measureWords(spec) + " quarter over quarter", measureWords(spec) + " year over year"),
                provenancePlan(spec, null, List.of()), draft.understood()));
    }

    /**
     * A share with no grouping and no time grain is asked about when {@code asks} accepts its number of value and named
     * filters (AskShareBase: none, AskShareWhole: several); {@code question} words the question for the measure, and the
     * suggestions group the share by a dimension.
     */
    private Step askShare(Draft draft, IntPredicate asks, Function<String, String> question)
    {
        PlanSpec spec = draft.spec();
        if (!spec.share() || !spec.dimensions().isEmpty() || spec.grain() != null || !asks.test(spec.valueFilters().size() + spec.namedFilters().size())) {
            return Step.next(draft);
        }
        String measure = measureWords(spec);
        return Step.answer(new Proposal.Clarify(question.apply(measure),
                dimensionSuggestions(spec).stream().map(dimension -> "share of " + measure + " by " + dimension.replace('_', ' ')).toList(),
                provenancePlan(spec, null, List.of()), draft.understood()));
    }

    /** An average or rate divided again "per customer" has no meaning: ask which of the two readings is meant. */
    private Step askAveragePerAverage(Draft draft)
    {
        PlanSpec spec = draft.spec();
        Optional<PlanSpec.Measure> averagePer = spec.measures().stream()
                .filter(measure -> measure.metric() != null && measure.per() != null && isAlreadyAverage(measure.metric())).findFirst();
        if (averagePer.isEmpty()) {
            return Step.next(draft);
        }
        String metric = averagePer.get().metric().replace('_', ' ');
        String per = Words.canonical(averagePer.get().per()).replace('_', ' ');
        return Step.answer(new Proposal.Clarify(metric + " is already an average or a rate, so \"per " + per + "\" cannot divide it again. Which do you mean?",
                ResolvingRules.concat(List.of(metric), dimensionSuggestions(spec).stream().limit(3).map(dimension -> metric + " by " + dimension.replace('_', ' ')).toList()),
                provenancePlan(spec, null, List.of()), draft.understood()));
    }

    /** "each"/"every" right before a word read as a grouping ("for each state"): part of that grouping. */
    private Step explainEach(Draft draft)
    {
        PlanSpec spec = draft.spec();
        if (spec.dimensions().isEmpty() && spec.grain() == null) {
            return Step.next(draft);
        }
        Reading reading = draft.reading();
        List<String> words = reading.words();
        Reading explained = reading;
        for (int i = 0; i + 1 < words.size(); i++) {
            int next = PLANNER.articles().contains(words.get(i + 1)) ? i + 2 : i + 1;
            if (!reading.explained(i) && EACH_WORDS.contains(words.get(i)) && next < words.size() && reading.explained(next)) {
                explained = explained.explain(i);
            }
        }
        return Step.next(draft.withReading(explained));
    }

    /** An unknown word right after "in", "for", "from", "at", "with" or "by" is probably a value this data does not hold: did you mean? */
    private Step askUnknownValue(Draft draft)
    {
        Optional<String> unknownFilter = uncovered(draft.reading()).stream().filter(word -> looksLikeFilter(draft.reading(), word)).findFirst();
        if (unknownFilter.isEmpty()) {
            return Step.next(draft);
        }
        return Step.answer(new Proposal.Clarify("I do not know \"" + unknownFilter.get() + "\" in this data. Did you mean one of these?",
                similarValues(unknownFilter.get()), provenancePlan(draft.spec(), null, List.of()), draft.understood()));
    }

    /** The plan bound to a table and written as SQL, or why no table can answer it. */
    private Proposal planned(Draft draft)
    {
        PlanSpec spec = draft.spec();
        Binder.Binding binding = binder.bind(spec);
        if (binding instanceof Binder.Unbound unbound) {
            return new Proposal.Clarify("I cannot answer that from one table: " + unbound.reason() + ". Try one of these instead.",
                    alternatives(spec), provenancePlan(spec, null, List.of()), draft.understood());
        }
        Binder.Bound bound = (Binder.Bound) binding;
        if (!bound.additive()) {
            return acrossNonAdditive(draft, bound);
        }
        SqlWriter.Written written = writer.write(bound);
        QueryPlan plan = provenancePlan(spec, written.table(), written.joins(), written.filterTexts());
        return new Proposal.Planned(plan, written.sql(), draft.understood(), uncovered(draft.reading()).isEmpty(), written.chart(), written.columnFormats(),
                written.exclusionCheck());
    }

    /**
     * A metric declared {@code non_additive} over a dimension the plan would add it up across (a stock level summed
     * over stock-takes): ask back, offering the plan by that dimension and the plan for one of its values, each a
     * complete reading.
     */
    private Proposal.Clarify acrossNonAdditive(Draft draft, Binder.Bound bound)
    {
        PlanSpec spec = draft.spec();
        Binder.SummedAcross across = bound.summedAcross().get(0);
        String dimension = across.dimension();
        String dimensionWords = dimension.replace('_', ' ');
        Optional<TimeDimension> time = bound.table().timeDimensions().stream().filter(candidate -> candidate.name().equals(dimension)).findFirst();
        List<PlanSpec> options = new ArrayList<>();
        if (time.isPresent()) {
            TimeGrain finest = time.get().grains().stream().map(TimeExpressions::grainOf).min(Enum::compareTo).orElse(TimeGrain.DAY);
            options.add(new PlanSpec(spec.measures(), spec.dimensions(), finest, dimension, spec.ranges(), spec.valueFilters(), spec.namedFilters(),
                    spec.limit(), spec.ascending(), spec.share(), spec.growth(), spec.growthGrain(), spec.compare(), spec.chart()));
        }
        else {
            options.add(withDimensions(spec, append(spec.dimensions(), dimension)));
            values.values(dimension).stream().limit(3).forEach(value -> options.add(withOneValue(spec, dimension, value)));
        }
        Map<String, Proposal.Planned> readings = new LinkedHashMap<>();
        for (PlanSpec option : options) {
            if (binder.bind(option) instanceof Binder.Bound answerable && answerable.additive()) {
                SqlWriter.Written written = writer.write(answerable);
                QueryPlan plan = provenancePlan(option, written.table(), written.joins(), written.filterTexts());
                readings.put(inWords(plan, option), new Proposal.Planned(plan, written.sql(), draft.understood(), true, written.chart(), written.columnFormats(),
                        written.exclusionCheck()));
            }
        }
        String metric = across.metric().replace('_', ' ');
        String message = metric + " cannot be added up across " + dimensionWords + ": the model declares it non-additive over " + dimensionWords
                + ". Do you want it by " + dimensionWords + ", or for one " + dimensionWords + "?";
        QueryPlan partial = provenancePlan(spec, null, List.of());
        if (readings.isEmpty()) {
            return new Proposal.Clarify(message, List.of(measureWords(spec) + " by " + dimensionWords), partial, draft.understood());
        }
        return new Proposal.Clarify(message, List.copyOf(readings.keySet()), partial, draft.understood(), readings);
    }

    /** The spec with the dimension fixed to one value (replacing any filter it had on that dimension). */
    private static PlanSpec withOneValue(PlanSpec spec, String dimension, String value)
    {
        List<PlanSpec.ValueFilter> filters = new ArrayList<>(spec.valueFilters().stream().filter(filter -> !filter.dimension().equals(dimension)).toList());
        filters.add(new PlanSpec.ValueFilter(dimension, List.of(value), false));
        return new PlanSpec(spec.measures(), spec.dimensions(), spec.grain(), spec.timeDimension(), spec.ranges(), filters, spec.namedFilters(),
                spec.limit(), spec.ascending(), spec.share(), spec.growth(), spec.growthGrain(), spec.compare(), spec.chart());
    }

    /** The words no rule explained that matter: content words, and words that change the question's shape. */
    private List<String> uncovered(Reading reading)
    {
        List<String> words = reading.words();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (reading.explained(i)) {
                continue;
            }
            String word = words.get(i);
            if (SHAPE_WORDS.contains(word)) {
                // a word that changes the question's shape, read but not used: answering without it would answer another question
                missing.add(reading.cased().get(i));
                continue;
            }
            if (lexicon.isStopWord(word) || Words.INTENT_WORDS.contains(word) || ReadingRules.NEGATIONS.contains(word) || word.equals(PLANNER.of())) {
                continue;
            }
            missing.add(reading.cased().get(i));
        }
        return missing;
    }

    /** An unknown word right after "in", "for", "from", "at", "with" or "by" is probably a value we do not know. */
    private boolean looksLikeFilter(Reading reading, String word)
    {
        List<String> words = reading.words();
        int index = reading.cased().indexOf(word);
        if (index <= 0 || Words.isNumber(words.get(index))) {
            return index > 0 && Words.isNumber(words.get(index)) && PLANNER.numberFilterLeads().contains(words.get(index - 1));
        }
        String before = words.get(index - 1);
        return PLANNER.filterLeads().contains(before)
                || model.vocabulary().agentVerbs().contains(before);
    }

    private List<String> similarValues(String word)
    {
        List<String> choices = new ArrayList<>();
        String normalized = word.toLowerCase(Locale.ROOT);
        for (SemanticTable table : model.tables()) {
            table.dimensions().stream().filter(dimension -> dimension.isEnum()).forEach(dimension -> {
                for (String value : values.values(dimension.name())) {
                    String lower = value.toLowerCase(Locale.ROOT);
                    if (choices.size() < 8 && !choices.contains(value)
                            && (lower.startsWith(normalized.substring(0, Math.min(2, normalized.length()))) || Words.distance(lower, normalized) <= 3)) {
                        choices.add(value);
                    }
                }
            });
        }
        if (choices.isEmpty()) {
            choices.add(firstMetric(model).replace('_', ' ') + " without \"" + word + "\"");
        }
        return choices;
    }

    /**
     * A question back whose choices are complete readings: for each measure, the whole question's plan with that
     * measure (dimensions, filters, period, ranking kept), named by what it computes. Choosing one runs that plan.
     * Measures whose plan cannot be written are left out; with none left, the bare measure names are offered.
     */
    private Proposal.Clarify completeReadings(String message, List<String> measureNames, Function<String, PlanSpec> specOf, QueryPlan partial,
            List<Understood> understood)
    {
        Map<String, Proposal.Planned> readings = new LinkedHashMap<>();
        for (String name : measureNames) {
            PlanSpec spec = specOf.apply(name);
            if (binder.bind(spec) instanceof Binder.Bound bound && bound.additive()) {
                SqlWriter.Written written = writer.write(bound);
                QueryPlan plan = provenancePlan(spec, written.table(), written.joins(), written.filterTexts());
                List<Understood> chosen = ResolvingRules.concat(understood, List.of(new Understood(name.replace('_', ' '), LABELS.label("metric_chosen", "metric", name))));
                readings.put(inWords(plan, spec), new Proposal.Planned(plan, written.sql(), chosen, true, written.chart(), written.columnFormats(),
                        written.exclusionCheck()));
            }
        }
        if (readings.isEmpty()) {
            return new Proposal.Clarify(message, measureNames, partial, understood);
        }
        return new Proposal.Clarify(message, List.copyOf(readings.keySet()), partial, understood, readings);
    }

    /** A plan in words: "revenue by product_category, top 10, where purchase date in 2018 Q1". */
    private static String inWords(QueryPlan plan, PlanSpec spec)
    {
        StringBuilder text = new StringBuilder(String.join(" and ", plan.metrics()));
        if (!plan.dimensions().isEmpty()) {
            text.append(" by ").append(String.join(" and ", plan.dimensions()));
        }
        if (spec.limit() != null) {
            text.append(", ").append(spec.ascending() ? "bottom " : "top ").append(spec.limit());
        }
        if (!plan.filters().isEmpty()) {
            text.append(", where ").append(String.join(" and ", plan.filters()));
        }
        return text.toString();
    }

    private Proposal.Clarify noMetric(Reading reading)
    {
        List<String> dimensions = reading.phrases().dimensionChoices().stream().map(choice -> choice.get(0)).toList();
        List<PlanSpec.ValueFilter> valueFilters = reading.valueFilters();
        List<PlanSpec.FilterUse> filters = reading.phrases().filters();
        List<String> choices = new ArrayList<>();
        for (String metric : metricChoices(model)) {
            PlanSpec probe = new PlanSpec(List.of(PlanSpec.Measure.of(metric)), dimensions, null, null, List.of(), valueFilters, filters, null, false, false, false, null, false, false);
            if (feasible(probe)) {
                choices.add(metric);
            }
        }
        if (choices.isEmpty()) {
            choices = metricChoices(model);
        }
        String message = reading.hits().isEmpty() && reading.valueHits().isEmpty() && reading.time().spans().isEmpty()
                ? "I could not find anything I know in that question. Which measure are you interested in?"
                : "Which measure do you want" + (dimensions.isEmpty() ? "" : " by " + String.join(" and ", dimensions)) + "?";
        QueryPlan partial = new QueryPlan(List.of(), dimensions, filters.stream().map(PlanSpec.FilterUse::name).toList(), List.of());
        return new Proposal.Clarify(message, choices, partial, reading.understood());
    }

    private static Proposal clarifyDimensions(List<String> options, List<PlanSpec.Measure> measures, List<Understood> understood)
    {
        String what = measures.isEmpty() ? "" : SqlWriter.columnName(measures.get(0)).replace('_', ' ') + " ";
        return new Proposal.Clarify("Two readings are possible. Which one do you mean?",
                options.stream().map(option -> what + "by " + option.replace('_', ' ')).toList(), null, understood);
    }

    private List<String> alternatives(PlanSpec spec)
    {
        List<String> choices = new ArrayList<>();
        PlanSpec withoutDimensions = withDimensions(spec, List.of());
        if (!spec.dimensions().isEmpty() && feasible(withoutDimensions)) {
            choices.add(measureWords(spec) + " in total");
        }
        for (String metric : metricChoices(model)) {
            PlanSpec probe = new PlanSpec(List.of(PlanSpec.Measure.of(metric)), spec.dimensions(), spec.grain(), spec.timeDimension(), spec.ranges(),
                    spec.valueFilters(), spec.namedFilters(), spec.limit(), spec.ascending(), false, false, null, false, false);
            if (feasible(probe) && choices.size() < 6) {
                choices.add(metric.replace('_', ' ') + (spec.dimensions().isEmpty() ? "" : " by " + String.join(" and ", spec.dimensions()).replace('_', ' ')));
            }
        }
        return choices;
    }

    private List<String> dimensionSuggestions(PlanSpec spec)
    {
        List<String> suggestions = new ArrayList<>();
        for (SemanticTable table : model.tables()) {
            for (var dimension : table.dimensions()) {
                if (dimension.isEnum() && !suggestions.contains(dimension.name()) && suggestions.size() < 4
                        && feasible(withDimensions(spec, List.of(dimension.name())))) {
                    suggestions.add(dimension.name());
                }
            }
        }
        return suggestions;
    }

    /** A ratio metric of the model named "A per B" on a table that also holds A and B. */
    private Optional<String> namedRatio(Reading reading, String numerator, String denominator)
    {
        Lexicon.Hit top = reading.hits().stream().filter(hit -> ReadingRules.names(hit, Lexicon.Kind.METRIC).contains(numerator)).findFirst().orElse(null);
        Lexicon.Hit bottom = reading.hits().stream().filter(hit -> ReadingRules.names(hit, Lexicon.Kind.METRIC).contains(denominator)).findFirst().orElse(null);
        if (top == null || bottom == null) {
            return Optional.empty();
        }
        List<String> phrase = List.of(reading.canonical().get(top.end() - 1), "per", reading.canonical().get(bottom.end() - 1));
        for (Lexicon.Term term : lexicon.lookup(phrase)) {
            if (term.kind() == Lexicon.Kind.METRIC && model.tables().stream().anyMatch(table -> Binder.metric(table, term.name()).isPresent()
                    && Binder.metric(table, numerator).isPresent() && Binder.metric(table, denominator).isPresent())) {
                return Optional.of(term.name());
            }
        }
        return Optional.empty();
    }

    /** "a customer", "each customer", "per customer": the metric's phrase follows an article of one. */
    private static boolean articleBefore(Reading reading, String metricName)
    {
        for (Lexicon.Hit hit : reading.hits()) {
            if (ReadingRules.names(hit, Lexicon.Kind.METRIC).contains(metricName) && hit.start() > 0
                    && PLANNER.oneOf().contains(reading.words().get(hit.start() - 1))) {
                return reading.canonical().get(hit.end() - 1).equals(reading.words().get(hit.end() - 1));
            }
        }
        return false;
    }

    private boolean isCountMetric(String name)
    {
        return ReadingRules.isCountMetric(model, name);
    }

    private boolean isAlreadyAverage(String metricName)
    {
        for (SemanticTable table : model.tables()) {
            for (Metric metric : table.metrics()) {
                if (metric.name().equals(metricName)) {
                    return metric.isAverageOrRate();
                }
            }
        }
        return false;
    }

    /** The metric declares that it leaves the other metric out ({@code excludes: [shipping_value]}). */
    private boolean saysWithout(String metricName, String left)
    {
        return model.tables().stream().anyMatch(table -> table.metric(metricName).filter(metric -> metric.excludes().contains(left)).isPresent());
    }

    /** The money metric a verb of the question names in the model's vocabulary ("sell" → revenue), for "how much did it sell". */
    private Optional<String> salesMetric(Reading reading)
    {
        List<String> names = reading.words().stream()
                .map(word -> model.vocabulary().verbs().get(word))
                .filter(name -> name != null && moneyMetricNames().contains(name))
                .distinct()
                .toList();
        return names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
    }

    /**
     * Of several dimensions that could be meant, the ones some table that holds every measure is stored per
     * (a column of its primary key): the amount paid per payment method is the payment mix's own method.
     */
    private List<String> storedPer(List<String> dimensions, PlanSpec spec)
    {
        List<String> kept = new ArrayList<>();
        for (String name : dimensions) {
            for (SemanticTable table : model.tables()) {
                Optional<Dimension> dimension = Binder.dimension(table, name);
                boolean holdsMeasures = spec.measures().stream().allMatch(measure -> measure.metric() != null
                        && Binder.metric(table, measure.metric()).isPresent() && (measure.per() == null || Binder.metric(table, measure.per()).isPresent()));
                if (dimension.isPresent() && holdsMeasures && table.primaryKey().stream()
                        .anyMatch(column -> column.equalsIgnoreCase(dimension.get().expression()) || column.equalsIgnoreCase(name))) {
                    if (!kept.contains(name)) {
                        kept.add(name);
                    }
                }
            }
        }
        return kept.size() == 1 ? kept : dimensions;
    }

    private static PlanSpec withValue(PlanSpec spec, ValueMatch match, boolean negated)
    {
        List<PlanSpec.ValueFilter> filters = new ArrayList<>();
        boolean merged = false;
        for (PlanSpec.ValueFilter filter : spec.valueFilters()) {
            if (filter.dimension().equals(match.dimension())) {
                List<String> list = new ArrayList<>(filter.values());
                if (!list.contains(match.value())) {
                    list.add(match.value());
                }
                filters.add(new PlanSpec.ValueFilter(filter.dimension(), list, filter.negated() || negated));
                merged = true;
            }
            else {
                filters.add(filter);
            }
        }
        if (!merged) {
            filters.add(new PlanSpec.ValueFilter(match.dimension(), List.of(match.value()), negated));
        }
        return new PlanSpec(spec.measures(), spec.dimensions(), spec.grain(), spec.timeDimension(), spec.ranges(), filters, spec.namedFilters(),
                spec.limit(), spec.ascending(), spec.share(), spec.growth(), spec.growthGrain(), spec.compare(), spec.chart());
    }

    private boolean isMoney(PlanSpec.Measure measure)
    {
        return measure.metric() != null && measure.per() == null && model.tables().stream()
                .flatMap(table -> table.metrics().stream())
                .anyMatch(metric -> metric.name().equals(measure.metric()) && metric.format().equals("money"));
    }

    private boolean isCount(PlanSpec.Measure measure)
    {
        return measure.distinctDimension() != null || measure.metric() != null && measure.per() == null && model.tables().stream()
                .flatMap(table -> table.metrics().stream())
                .anyMatch(metric -> metric.name().equals(measure.metric()) && metric.countsThings());
    }

    private List<String> moneyMetricNames()
    {
        Set<String> names = new LinkedHashSet<>();
        model.tables().forEach(table -> table.metrics().stream().filter(metric -> metric.format().equals("money")).forEach(metric -> names.add(metric.name())));
        return List.copyOf(names);
    }

    private boolean feasible(PlanSpec spec)
    {
        return binder.bind(spec) instanceof Binder.Bound;
    }

    /** The model's metric names, at most twelve: the choices when no measure was found. */
    static List<String> metricChoices(SemanticModel model)
    {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        model.tables().forEach(table -> table.metrics().forEach(metric -> names.add(metric.name())));
        return names.stream().limit(12).toList();
    }

    static String firstMetric(SemanticModel model)
    {
        return model.tables().stream().flatMap(table -> table.metrics().stream()).map(Metric::name).findFirst().orElse("rows");
    }

    private static List<String> append(List<String> list, String item)
    {
        List<String> copy = new ArrayList<>(list);
        if (!copy.contains(item)) {
            copy.add(item);
        }
        return copy;
    }

    private static String measureWords(PlanSpec spec)
    {
        return spec.measures().isEmpty() ? "it" : SqlWriter.columnName(spec.measures().get(0)).replace('_', ' ');
    }

    private static PlanSpec withDimensions(PlanSpec spec, List<String> dimensions)
    {
        return new PlanSpec(spec.measures(), dimensions, spec.grain(), spec.timeDimension(), spec.ranges(), spec.valueFilters(), spec.namedFilters(),
                spec.limit(), spec.ascending(), spec.share(), spec.growth(), spec.growthGrain(), spec.compare(), spec.chart());
    }

    private static QueryPlan provenancePlan(PlanSpec spec, String table, List<String> joins)
    {
        return provenancePlan(spec, table, joins, List.of());
    }

    private static QueryPlan provenancePlan(PlanSpec spec, String table, List<String> joins, List<String> filterTexts)
    {
        List<String> metrics = new ArrayList<>();
        for (PlanSpec.Measure measure : spec.measures()) {
            if (measure.metric() != null) {
                metrics.add(measure.metric());
            }
            if (measure.per() != null) {
                metrics.add(measure.per());
            }
            if (measure.distinctDimension() != null) {
                metrics.add("count distinct " + measure.distinctDimension());
            }
        }
        List<String> dimensions = new ArrayList<>(spec.dimensions());
        if (spec.grain() != null) {
            dimensions.add(0, spec.grain().modelName());
        }
        List<String> filters = new ArrayList<>(filterTexts);
        if (filters.isEmpty()) {
            spec.namedFilters().forEach(filter -> filters.add((filter.negated() ? "not " : "") + filter.name()));
            spec.valueFilters().forEach(filter -> filters.add(filter.dimension() + (filter.negated() ? " not in " : " in ") + filter.values()));
            spec.ranges().forEach(range -> filters.add("time in " + range.label()));
        }
        return new QueryPlan(metrics, dimensions, filters, joins, table, spec);
    }
}
