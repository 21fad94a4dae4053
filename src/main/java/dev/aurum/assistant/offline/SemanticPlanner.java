package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.DateRange;
import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Proposer;
import dev.aurum.assistant.proposal.QueryPlan;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.assistant.proposal.TimeGrain;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Language;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.MetricSql;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.ValueIndex;
import dev.aurum.semantic.ValueMatch;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Turns a question into SQL using only the semantic model and the value index: no question-specific code.
 * <p>
 * The words of the question are read in this order: time ({@link TimeExpressions}), phrases the model names
 * (metrics, dimensions, time dimensions, named filters and their synonyms, plurals), words that shape the answer
 * (top N, share, growth, average per, distinct counts, negation, charts), model phrases with small typos, and last
 * stored values through the {@link ValueIndex}. The result is a {@link PlanSpec}; {@link SqlWriter} picks the table
 * and writes the SQL. When a word matches two things equally, when no metric is found, or when no table can answer,
 * the planner asks back with concrete choices instead of guessing.
 */
public final class SemanticPlanner
        implements Proposer
{
    private static final Pattern FORECAST = Pattern.compile(
            "\\b(forecasts?|forecasting|predict|predicts|predicted|prediction|predictions|projections?|projected|will\\s+(?:be|sell|make|grow|reach|we|it|there|our)"
                    + "|next\\s+(?:week|month|quarter|year|season|\\d+\\s+(?:days|weeks|months|years))|tomorrow|in\\s+the\\s+future|going\\s+to\\s+(?:be|sell|make|grow))\\b");
    private static final Pattern ACTION = Pattern.compile(
            "(?:^(?:please\\s+)?(?:delete|remove|drop|update|insert|truncate|alter|create|send|email|e-mail|notify|cancel|refund|modify|change|set|merge|grant|write|save|upload)\\b)"
                    + "|\\b(?:delete|truncate|drop\\s+table|insert\\s+into|email|e-mail|send\\s+(?:an?\\s+)?(?:email|message|report|mail))\\b");
    /** Words that open a follow-up whatever follows ("now by state", "what about orders instead"). */
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "^(?:now|and|what\\s+about|how\\s+about|only|just|same|instead|also|but|then|ok|okay|make\\s+it|show\\s+it|as\\s+a|show\\s+(?:that|this|it)|break\\s+(?:it|that)|split\\s+(?:it|that))\\b");
    /**
     * Words that open a follow-up only when no measure is named ("top 5", "in 2018", "by state"); with a measure
     * ("top 10 cities by revenue") they open a new question, which must not inherit the previous one's filters.
     */
    private static final Pattern FOLLOW_UP_WITHOUT_MEASURE = Pattern.compile(
            "^(?:top|bottom|for|in|excluding|without|except|by|per|limit)\\b");
    private static final Set<String> NEGATIONS = ReadingRules.NEGATIONS;
    /** Words that set parts of a question against each other; a reading must use them or abstain (en.yaml, cues). */
    private static final Set<String> COMPARISON_WORDS = Language.english().cues().comparison();
    /** "each state", "every month": part of a grouping, or unexplained. */
    private static final Set<String> EACH_WORDS = Language.english().cues().each();
    /** Words that change the shape of the answer: when a reading leaves one unused, the planner abstains. */
    private static final Set<String> SHAPE_WORDS = Language.english().cues().shape();
    private static final Set<String> COUNT_CUES = ReadingRules.COUNT_CUES;
    private static final int DEFAULT_TOP = ReadingRules.DEFAULT_TOP;

    private final SemanticModel model;
    private final ValueIndex values;
    private final Supplier<LocalDate> dataDate;
    private final Lexicon lexicon;
    private final Binder binder;
    private final SqlWriter writer;
    private final TimeExpressions time = new TimeExpressions();
    /** The units the model declares for its metrics, in singular form ("day", "brl", "percent"). */
    private final Set<String> metricUnits;

    /** @param dataDate the latest purchase date in Gold, the anchor of relative time */
    public SemanticPlanner(SemanticModel model, ValueIndex values, Supplier<LocalDate> dataDate)
    {
        this.model = requireNonNull(model, "model is null");
        this.values = requireNonNull(values, "values is null");
        this.dataDate = requireNonNull(dataDate, "dataDate is null");
        this.lexicon = new Lexicon(model);
        this.binder = new Binder(model);
        this.writer = new SqlWriter(model);
        this.metricUnits = model.tables().stream().flatMap(table -> table.metrics().stream())
                .map(metric -> Words.canonical(metric.unit().toLowerCase(Locale.ROOT))).filter(unit -> !unit.isBlank()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The planner's proposal: its plan only when the reading accounts for every content word; otherwise it abstains
     * with the partial reading, which the router may offer as a clarification choice.
     */
    @Override
    public Proposal propose(Question question)
    {
        Proposal proposal = plan(question.text(), question.previousPlan());
        if (proposal instanceof Proposal.Planned planned && !planned.coversAllWords()) {
            return new Proposal.Abstain("not every word of the question was understood", Optional.of(planned), List.of(), dev.aurum.assistant.proposal.Usage.NONE);
        }
        return proposal;
    }

    /** @param previous the plan of the previous answer in the conversation, for follow-ups ("now by state") */
    public Proposal plan(String question, Optional<QueryPlan> previous)
    {
        requireNonNull(question, "question is null");
        requireNonNull(previous, "previous is null");
        String text = TimeExpressions.normalize(question);
        if (text.isBlank()) {
            return new Proposal.Clarify("Ask a question about the data, for example: " + exampleQuestion(), metricChoices(), null, List.of());
        }
        Optional<String> refusal = refusal(text, model);
        if (refusal.isPresent()) {
            return new Proposal.Refuse(refusal.get());
        }
        PlanContext context = new PlanContext(model, lexicon, values, time, anchor(), metricUnits);
        Reading reading = ReadingRules.read(Reading.of(question, text), context);
        return new Resolution(reading).resolve(previous.map(QueryPlan::spec).orElse(null));
    }

    private static Optional<String> refusal(String text, SemanticModel model)
    {
        if (FORECAST.matcher(text).find()) {
            return Optional.of("Aurum answers from the orders recorded so far; it does not forecast or predict the future. "
                    + "Ask about a past period instead, for example revenue by month this year.");
        }
        if (ACTION.matcher(text).find()) {
            return Optional.of("Aurum only reads the data to answer questions; it cannot delete, change or send anything.");
        }
        // what this data never holds, as the model's vocabulary says ("weather")
        for (String subject : model.vocabulary().outOfScope()) {
            if (Pattern.compile("\\b" + Pattern.quote(subject).replace(" ", "\\E\\s+\\Q") + "\\b").matcher(text).find()) {
                String holds = model.description().isBlank()
                        ? String.join(", ", model.tables().stream().map(table -> table.name().replace('_', ' ')).toList()) + "."
                        : model.description().strip();
                return Optional.of("That is outside the data Aurum holds: " + holds);
            }
        }
        return Optional.empty();
    }

    private String exampleQuestion()
    {
        return "what was " + firstMetric().replace('_', ' ') + " by quarter this year?";
    }

    private String firstMetric()
    {
        return model.tables().stream().flatMap(table -> table.metrics().stream()).map(Metric::name).findFirst().orElse("rows");
    }

    private List<String> metricChoices()
    {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        model.tables().forEach(table -> table.metrics().forEach(metric -> names.add(metric.name())));
        return names.stream().limit(12).toList();
    }

    private LocalDate anchor()
    {
        LocalDate date;
        try {
            date = dataDate.get();
        }
        catch (RuntimeException e) {
            date = null;
        }
        return date != null ? date : LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * Turns what the reading rules read ({@link ReadingRules}) into a plan, a question back, or a refinement of the
     * previous plan. It works on its own copies of the reading's explained words and understood phrases, which it
     * extends while it decides.
     */
    private final class Resolution
    {
        private final String question;
        private final String text;
        private final List<String> words;
        private final List<String> cased;
        private final List<String> canonical;
        private final boolean[] taken;
        private final List<Understood> understood;
        private final List<Lexicon.Hit> hits;
        private final List<Reading.ValueHit> valueHits;
        private final Reading.Roles roles;
        private final Reading.Phrases phrases;
        private final TimeExpressions.TimeReading timeReading;
        private final Integer limit;
        private final boolean ascending;
        private final boolean superlative;
        private final boolean share;
        private final boolean growth;
        private final boolean chart;
        private final boolean average;
        private final boolean countCue;
        private final Integer countBeforeDimension;
        private final int countBeforeDimensionIndex;

        Resolution(Reading reading)
        {
            this.question = reading.question();
            this.text = reading.text();
            this.words = reading.words();
            this.cased = reading.cased();
            this.canonical = reading.canonical();
            this.taken = reading.takenArray();
            this.understood = new ArrayList<>(reading.understood());
            this.hits = reading.hits();
            this.valueHits = reading.valueHits();
            this.roles = reading.roles();
            this.phrases = reading.phrases();
            this.timeReading = reading.time();
            Reading.Intents intents = reading.intents();
            this.limit = intents.limit();
            this.ascending = intents.ascending();
            this.superlative = intents.superlative();
            this.share = intents.share();
            this.growth = intents.growth();
            this.chart = intents.chart();
            this.average = intents.average();
            this.countCue = intents.countCue();
            this.countBeforeDimension = intents.countBeforeDimension();
            this.countBeforeDimensionIndex = intents.countBeforeDimensionIndex();
        }

        /** The position of a comparison word ("vs", "compared") nothing has explained yet, or -1. */
        private int unexplainedComparison()
        {
            for (int i = 0; i < words.size(); i++) {
                if (!taken[i] && COMPARISON_WORDS.contains(words.get(i))) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Two named periods set against each other with a comparison word the time reading did not take ("how did sales
         * this year compare with last year"): the two periods side by side, not one range over both.
         */
        private boolean comparesTwoPeriods(List<DateRange> ranges)
        {
            int at = unexplainedComparison();
            if (at < 0 || ranges.size() != 2) {
                return false;
            }
            taken[at] = true;
            understood.add(new Understood(cased.get(at), "compare " + ranges.get(0).label() + " with " + ranges.get(1).label()));
            return true;
        }

        /**
         * Two or more values of one dimension set against each other ("SP vs RJ", "boleto compared to credit card"):
         * the answer shows each value on its own row, so the dimension is grouped by as well as filtered. Returns that
         * dimension, or null.
         */
        private String comparedDimension(List<PlanSpec.ValueFilter> valueFilters)
        {
            int at = unexplainedComparison();
            if (at < 0) {
                return null;
            }
            List<PlanSpec.ValueFilter> compared = valueFilters.stream().filter(filter -> !filter.negated() && filter.values().size() >= 2).toList();
            if (compared.size() != 1) {
                return null;
            }
            taken[at] = true;
            understood.add(new Understood(cased.get(at), "each " + compared.get(0).dimension() + " on its own row"));
            return compared.get(0).dimension();
        }

        /** "each"/"every" right before a word read as a grouping ("for each state"): part of that grouping. */
        private void explainEach(boolean grouped)
        {
            for (int i = 0; i + 1 < words.size(); i++) {
                int next = i + 1 < words.size() && words.get(i + 1).equals("the") ? i + 2 : i + 1;
                if (!taken[i] && EACH_WORDS.contains(words.get(i)) && grouped && next < words.size() && taken[next]) {
                    taken[i] = true;
                }
            }
        }

        /** Turns what was read into a plan, a question back, or (follow-up) a refinement of the previous plan. */
        Proposal resolve(PlanSpec previous)
        {
            List<String> metrics = new ArrayList<>(phrases.metrics());
            List<String> removedMetrics = phrases.removedMetrics();
            List<List<String>> metricChoices = new ArrayList<>(phrases.metricChoices());
            List<List<String>> dimensionChoices = new ArrayList<>(phrases.dimensionChoices());
            List<String> distinctDimensions = phrases.distinctDimensions();
            List<PlanSpec.FilterUse> filters = new ArrayList<>(phrases.filters());
            List<String> denominators = phrases.denominators();
            List<String> excludedMetrics = phrases.excludedMetrics();
            TimeGrain grain = phrases.grain();
            String timeDimension = phrases.timeDimension();
            boolean duration = roles.duration();
            if (timeReading.trend() && grain == null) {
                grain = TimeGrain.MONTH;
            }
            metrics.removeAll(removedMetrics);
            if (duration) {
                // a "how long ... take" question asks for a duration: the model's one metric measured in days
                List<String> durations = durationMetrics();
                if (durations.size() == 1) {
                    metrics.clear();
                    metricChoices.clear();
                    metrics.add(durations.get(0));
                    absorbWordsOf(durations.get(0));
                    understood.add(new Understood("how long", "metric " + durations.get(0)));
                }
            }
            boolean shareAsked = share;
            if (shareAsked && (growth || timeReading.growth() || timeReading.versus())) {
                // a percentage of a change is the change in percent, not a share
                shareAsked = false;
            }
            if (shareAsked && metricChoices.isEmpty() && dimensionChoices.isEmpty() && grain == null && metrics.stream().allMatch(this::isCountMetric)) {
                // the share of a named filter that the model also defines as a rate metric is that rate
                Optional<RateOfFilter> found = rateMetricOf(filters);
                if (found.isPresent()) {
                    String filterName = found.get().filter();
                    Optional<String> rate = Optional.of(found.get().metric());
                    filters.removeIf(filter -> filter.name().equals(filterName) || !filter.negated() && impliedBy(rate.get(), filter.name()));
                    metrics.clear();
                    metrics.add(rate.get());
                    shareAsked = false;
                    absorbWordsOf(rate.get());
                    understood.add(new Understood(filterName.replace('_', ' '), "metric " + rate.get()));
                }
            }

            boolean asShare = shareAsked;

            // values: one dimension each, ambiguity resolved below by what a table can answer
            List<Reading.ValueHit> ambiguousValues = new ArrayList<>();
            Map<String, List<String>> valuesByDimension = new LinkedHashMap<>();
            Map<String, Boolean> negatedDimension = new LinkedHashMap<>();
            for (Reading.ValueHit hit : valueHits) {
                Set<String> dimensions = new LinkedHashSet<>();
                hit.matches().forEach(match -> dimensions.add(match.dimension()));
                if (dimensions.size() > 1) {
                    ambiguousValues.add(hit);
                    continue;
                }
                ValueMatch match = hit.matches().get(0);
                valuesByDimension.computeIfAbsent(match.dimension(), key -> new ArrayList<>());
                hit.matches().forEach(each -> {
                    if (!valuesByDimension.get(match.dimension()).contains(each.value())) {
                        valuesByDimension.get(match.dimension()).add(each.value());
                    }
                });
                negatedDimension.merge(match.dimension(), hit.negated(), Boolean::logicalOr);
                understood.add(new Understood(hit.phrase(), (hit.negated() ? "not " : "") + match.dimension() + " = " + match.value()));
            }
            List<PlanSpec.ValueFilter> valueFilters = new ArrayList<>();
            valuesByDimension.forEach((dimension, list) -> valueFilters.add(new PlanSpec.ValueFilter(dimension, list, negatedDimension.get(dimension))));

            // measures
            if (metrics.isEmpty() && metricChoices.isEmpty() && distinctDimensions.isEmpty() && countCue && !filters.isEmpty()) {
                countMetricOf(filters.get(0).name()).ifPresent(metrics::add);
            }
            boolean namesMeasure = !metrics.isEmpty() || !metricChoices.isEmpty() || !distinctDimensions.isEmpty();
            boolean refining = previous != null && (FOLLOW_UP.matcher(text).find() || !namesMeasure && FOLLOW_UP_WITHOUT_MEASURE.matcher(text).find());
            if (metrics.isEmpty() && metricChoices.isEmpty() && distinctDimensions.isEmpty() && !refining) {
                // a filter phrase that also names a metric counts that metric on its own; as a follow-up it only adds the filter
                metricInsideFilterPhrase().ifPresent(metrics::add);
            }
            List<PlanSpec.Measure> measures = new ArrayList<>();
            for (String metric : metrics) {
                measures.add(denominators.isEmpty() ? PlanSpec.Measure.of(metric) : new PlanSpec.Measure(metric, denominators.get(0), null));
            }
            distinctDimensions.forEach(dimension -> measures.add(new PlanSpec.Measure(null, null, dimension)));

            List<DateRange> ranges = timeReading.ranges();
            boolean compare = timeReading.versus() || ranges.size() == 2 && (growth || timeReading.growth()) || comparesTwoPeriods(ranges);
            String comparedDimension = comparedDimension(valueFilters);
            if (comparedDimension != null && dimensionChoices.stream().noneMatch(choice -> choice.contains(comparedDimension))) {
                dimensionChoices.add(List.of(comparedDimension));
            }
            boolean anyGrowth = growth || timeReading.growth();
            Integer finalLimit = limit;
            if (finalLimit == null && superlative && countBeforeDimension != null) {
                finalLimit = countBeforeDimension;
                taken[countBeforeDimensionIndex] = true;
            }
            if (finalLimit == null && superlative) {
                finalLimit = singularGrouping() ? 1 : DEFAULT_TOP;
            }

            boolean followUp = refining || previous != null && measures.isEmpty() && metricChoices.isEmpty();
            PlanSpec spec;
            if (followUp) {
                spec = refine(previous, measures, dimensionChoices, grain, timeDimension, ranges, valueFilters, filters, finalLimit, anyGrowth, compare, chart);
                if (spec == null) {
                    return clarifyDimensions(dimensionChoices.get(0), measures);
                }
            }
            else {
                if (!metricChoices.isEmpty() && measures.isEmpty()) {
                    List<String> feasible = new ArrayList<>();
                    for (String name : metricChoices.get(0)) {
                        if (feasible(withMeasures(base(List.of(PlanSpec.Measure.of(name)), grain, timeDimension, ranges, valueFilters, filters, finalLimit, anyGrowth, compare, asShare), dimensionChoices))) {
                            feasible.add(name);
                        }
                    }
                    if (feasible.size() == 1) {
                        measures.add(PlanSpec.Measure.of(feasible.get(0)));
                    }
                    else {
                        TimeGrain grainRead = grain;
                        String timeDimensionRead = timeDimension;
                        Integer limitRead = finalLimit;
                        return completeReadings("\"" + question.trim() + "\" could mean several measures. Which one?",
                                feasible.isEmpty() ? metricChoices.get(0) : feasible,
                                name -> withMeasures(base(List.of(PlanSpec.Measure.of(name)), grainRead, timeDimensionRead, ranges, valueFilters, filters, limitRead, anyGrowth, compare, asShare), dimensionChoices),
                                null);
                    }
                }
                if (measures.isEmpty() && words.contains("much") && salesMetric().isPresent()) {
                    // "how much" with a selling verb and nothing measured: the amount of sales
                    measures.add(PlanSpec.Measure.of(salesMetric().get()));
                    understood.add(new Understood("how much ... sell", "metric " + salesMetric().get()));
                }
                if (measures.isEmpty()) {
                    Proposal.Clarify which = noMetric(dimensionChoices, valueFilters, filters);
                    if (hits.isEmpty() && valueHits.isEmpty() && timeReading.spans().isEmpty()) {
                        return which;
                    }
                    // every choice keeps the question's dimensions, filters, period and ranking: choosing one answers the whole question
                    TimeGrain grainRead = grain;
                    String timeDimensionRead = timeDimension;
                    Integer limitRead = finalLimit;
                    return completeReadings(which.message(), which.choices(),
                            name -> withMeasures(base(List.of(PlanSpec.Measure.of(name)), grainRead, timeDimensionRead, ranges, valueFilters, filters, limitRead, anyGrowth, compare, asShare), dimensionChoices),
                            which.partial());
                }
                if (words.contains("much") && !words.contains("many") && !anyGrowth && !compare) {
                    // "how much" asks for an amount: counts named beside a money metric are who or what it is about
                    List<PlanSpec.Measure> money = measures.stream().filter(this::isMoney).toList();
                    if (!money.isEmpty()) {
                        measures.retainAll(money);
                    }
                    else if (measures.stream().allMatch(this::isCount) && salesMetric().isPresent()) {
                        // "how much did they sell": the amount of sales, whatever was counted beside it
                        measures.clear();
                        measures.add(PlanSpec.Measure.of(salesMetric().get()));
                        understood.add(new Understood("how much ... sell", "metric " + salesMetric().get()));
                    }
                    else if (measures.stream().allMatch(this::isCount)) {
                        return new Proposal.Clarify("\"How much\" asks for an amount, but I only found a count here. Which measure do you mean?",
                                moneyMetricNames(), null, understood);
                    }
                }
                if (average && measures.size() == 2 && measures.stream().allMatch(measure -> measure.per() == null && measure.distinctDimension() == null
                        && isCountMetric(measure.metric())) && articleBefore(measures.get(1).metric())) {
                    // "mean purchases of one buyer": one count per the other, as the model names it
                    // when it defines that ratio beside both parts, else the ratio of the two metrics
                    PlanSpec.Measure ratio = namedRatio(measures.get(0).metric(), measures.get(1).metric())
                            .map(PlanSpec.Measure::of)
                            .orElse(new PlanSpec.Measure(measures.get(0).metric(), measures.get(1).metric(), null));
                    measures.clear();
                    measures.add(ratio);
                }
                measures.stream().map(PlanSpec.Measure::metric).filter(name -> name != null).toList().forEach(this::absorbWordsOf);
                if (!excludedMetrics.isEmpty()) {
                    Optional<Proposal> without = checkExclusions(measures, excludedMetrics);
                    if (without.isPresent()) {
                        return without.get();
                    }
                }
                if (average && measures.stream().allMatch(measure -> measure.per() == null && measure.distinctDimension() == null) && !isAlreadyAverage(measures.get(0).metric())) {
                    return averageOfWhat(measures.get(0).metric());
                }
                spec = base(measures, grain, timeDimension, ranges, valueFilters, filters, finalLimit, anyGrowth, compare, asShare);
                List<String> dimensions = new ArrayList<>();
                PlanSpec undivided = spec;
                for (List<String> choice : dimensionChoices) {
                    List<String> options = choice.stream().filter(name -> feasible(withDimensions(undivided, append(dimensions, name)))).toList();
                    if (options.size() > 1) {
                        options = storedPer(options, undivided);
                    }
                    if (options.size() > 1) {
                        return clarifyDimensions(options, measures);
                    }
                    if (options.isEmpty()) {
                        return impossible(withDimensions(spec, append(dimensions, choice.get(0))), choice.get(0));
                    }
                    if (!dimensions.contains(options.get(0))) {
                        dimensions.add(options.get(0));
                    }
                }
                spec = withDimensions(spec, dimensions);
            }
            if (!ambiguousValues.isEmpty()) {
                Settlement settled = settleValues(ambiguousValues, spec);
                if (settled.question().isPresent()) {
                    return settled.question().get();
                }
                spec = settled.spec();
            }
            if (spec.growth() && spec.grain() == null && spec.growthGrain() == null && spec.ranges().isEmpty()) {
                return new Proposal.Clarify("Growth compared with which period?",
                        List.of(measureWords(spec) + " month over month", measureWords(spec) + " quarter over quarter", measureWords(spec) + " year over year"),
                        provenancePlan(spec, null, List.of()), understood);
            }
            if (spec.share() && spec.dimensions().isEmpty() && spec.grain() == null && spec.valueFilters().isEmpty() && spec.namedFilters().isEmpty()) {
                String measure = measureWords(spec);
                return new Proposal.Clarify("Share of " + measure + " across what?",
                        dimensionSuggestions(spec).stream().map(dimension -> "share of " + measure + " by " + dimension.replace('_', ' ')).toList(),
                        provenancePlan(spec, null, List.of()), understood);
            }
            if (spec.share() && spec.dimensions().isEmpty() && spec.grain() == null && spec.valueFilters().size() + spec.namedFilters().size() > 1) {
                // "share of open orders paid by card": which filter is the whole and which the part is not sure
                String measure = measureWords(spec);
                return new Proposal.Clarify("Share of " + measure + " among which orders? I found several conditions and did not guess which one is the whole.",
                        dimensionSuggestions(spec).stream().map(dimension -> "share of " + measure + " by " + dimension.replace('_', ' ')).toList(),
                        provenancePlan(spec, null, List.of()), understood);
            }
            Optional<PlanSpec.Measure> averagePer = spec.measures().stream()
                    .filter(measure -> measure.metric() != null && measure.per() != null && isAlreadyAverage(measure.metric())).findFirst();
            if (averagePer.isPresent()) {
                // an average or rate divided again "per customer" has no meaning: ask which of the two readings is meant
                String metric = averagePer.get().metric().replace('_', ' ');
                String per = Words.canonical(averagePer.get().per()).replace('_', ' ');
                return new Proposal.Clarify(metric + " is already an average or a rate, so \"per " + per + "\" cannot divide it again. Which do you mean?",
                        concat(List.of(metric), dimensionSuggestions(spec).stream().limit(3).map(dimension -> metric + " by " + dimension.replace('_', ' ')).toList()),
                        provenancePlan(spec, null, List.of()), understood);
            }
            List<String> uncovered = uncovered(spec);
            Optional<String> unknownFilter = uncovered.stream().filter(this::looksLikeFilter).findFirst();
            if (unknownFilter.isPresent()) {
                return new Proposal.Clarify("I do not know \"" + unknownFilter.get() + "\" in this data. Did you mean one of these?",
                        similarValues(unknownFilter.get()), provenancePlan(spec, null, List.of()), understood);
            }
            Binder.Binding binding = binder.bind(spec);
            if (binding instanceof Binder.Unbound unbound) {
                return new Proposal.Clarify("I cannot answer that from one table: " + unbound.reason() + ". Try one of these instead.",
                        alternatives(spec), provenancePlan(spec, null, List.of()), understood);
            }
            SqlWriter.Written written = writer.write((Binder.Bound) binding);
            QueryPlan plan = provenancePlan(spec, written.table(), written.joins(), written.filterTexts());
            return new Proposal.Planned(plan, written.sql(), understood, uncovered.isEmpty(), written.chart(), written.columnFormats(), written.exclusionCheck());
        }

        /** The spec with the ambiguous values settled, or the question back when they cannot be. */
        private record Settlement(PlanSpec spec, Optional<Proposal.Clarify> question) {}

        /** A percent metric the model declares as the share of one of the question's named filters, and that filter. */
        private record RateOfFilter(String metric, String filter) {}

        /** A ratio metric of the model named "A per B" on a table that also holds A and B. */
        private Optional<String> namedRatio(String numerator, String denominator)
        {
            Lexicon.Hit top = hits.stream().filter(hit -> names(hit, Lexicon.Kind.METRIC).contains(numerator)).findFirst().orElse(null);
            Lexicon.Hit bottom = hits.stream().filter(hit -> names(hit, Lexicon.Kind.METRIC).contains(denominator)).findFirst().orElse(null);
            if (top == null || bottom == null) {
                return Optional.empty();
            }
            List<String> phrase = List.of(canonical.get(top.end() - 1), "per", canonical.get(bottom.end() - 1));
            for (Lexicon.Term term : lexicon.lookup(phrase)) {
                if (term.kind() == Lexicon.Kind.METRIC && model.tables().stream().anyMatch(table -> Binder.metric(table, term.name()).isPresent()
                        && Binder.metric(table, numerator).isPresent() && Binder.metric(table, denominator).isPresent())) {
                    return Optional.of(term.name());
                }
            }
            return Optional.empty();
        }

        private boolean isCountMetric(String name)
        {
            return ReadingRules.isCountMetric(model, name);
        }

        /** Metrics measured in time units (days, hours). */
        private List<String> durationMetrics()
        {
            return ReadingRules.durationMetrics(model);
        }

        private Set<String> metricWords(String metricName)
        {
            return ReadingRules.metricWords(model, metricName);
        }

        /** Words not yet understood that are words of the chosen metric's name or synonyms ("delivery" for avg_delivery_days). */
        private void absorbWordsOf(String metricName)
        {
            Set<String> metricWords = metricWords(metricName);
            for (int i = 0; i < words.size(); i++) {
                if (!taken[i] && !lexicon.isStopWord(words.get(i)) && metricWords.contains(canonical.get(i))) {
                    taken[i] = true;
                    understood.add(new Understood(cased.get(i), "part of metric " + metricName));
                }
            }
        }

        /**
         * The percent metric the model declares as the share of one of the question's named filters: a metric whose
         * name or synonym is "share of F", "percent F", "percentage of F", "F rate" or "F percentage" for a name or
         * synonym F of the filter.
         */
        private Optional<RateOfFilter> rateMetricOf(List<PlanSpec.FilterUse> filters)
        {
            for (PlanSpec.FilterUse use : filters) {
                if (use.negated()) {
                    continue;
                }
                List<List<String>> filterPhrases = new ArrayList<>();
                for (SemanticTable table : model.tables()) {
                    for (NamedFilter filter : table.filters()) {
                        if (filter.name().equals(use.name())) {
                            filterPhrases.add(Lexicon.canonicalWords(filter.name()));
                            filter.synonyms().forEach(synonym -> filterPhrases.add(Lexicon.canonicalWords(synonym)));
                        }
                    }
                }
                Set<String> found = new LinkedHashSet<>();
                for (List<String> phrase : filterPhrases) {
                    for (List<String> candidate : List.of(concat(List.of("share", "of"), phrase), concat(List.of("percent"), phrase),
                            concat(List.of("percentage", "of"), phrase), concat(phrase, List.of("rate")), concat(phrase, List.of("percentage")))) {
                        lexicon.lookup(candidate).stream()
                                .filter(term -> term.kind() == Lexicon.Kind.METRIC && isPercentMetric(term.name()))
                                .forEach(term -> found.add(term.name()));
                    }
                }
                if (found.size() == 1) {
                    return Optional.of(new RateOfFilter(found.iterator().next(), use.name()));
                }
            }
            return Optional.empty();
        }

        private List<String> concat(List<String> left, List<String> right)
        {
            List<String> all = new ArrayList<>(left);
            all.addAll(right);
            return all;
        }

        private boolean isPercentMetric(String name)
        {
            return model.tables().stream().flatMap(table -> table.metrics().stream())
                    .anyMatch(metric -> metric.name().equals(name) && metric.format().equals("percent"));
        }

        /** True when the filter's condition is already part of the metric ("delivered" inside the late-delivery rate). */
        private boolean impliedBy(String metricName, String filterName)
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

        /** "a customer", "each customer", "per customer": the metric's phrase follows an article of one. */
        private boolean articleBefore(String metricName)
        {
            for (Lexicon.Hit hit : hits) {
                if (names(hit, Lexicon.Kind.METRIC).contains(metricName) && hit.start() > 0
                        && Set.of("a", "an", "each", "every", "one", "per").contains(words.get(hit.start() - 1))) {
                    return canonical.get(hit.end() - 1).equals(words.get(hit.end() - 1));
                }
            }
            return false;
        }

        /**
         * "turnover without freight": a metric named after "without" must really be left out of what is
         * measured, which the measured metric's description says ("without shipping"); otherwise ask.
         */
        private Optional<Proposal> checkExclusions(List<PlanSpec.Measure> measures, List<String> excluded)
        {
            for (String left : excluded) {
                boolean allSay = measures.stream().allMatch(measure -> measure.metric() != null && saysWithout(measure.metric(), left));
                if (!allSay) {
                    List<String> choices = new ArrayList<>();
                    model.tables().forEach(table -> table.metrics().stream()
                            .filter(metric -> saysWithout(metric.name(), left) && !choices.contains(metric.name()))
                            .forEach(metric -> choices.add(metric.name())));
                    return Optional.of(new Proposal.Clarify("The measure I found includes " + left.replace('_', ' ')
                            + ". Which measure without it do you mean?", choices.isEmpty() ? metricChoices() : choices, null, understood));
                }
            }
            return Optional.empty();
        }

        /** The metric declares that it leaves the other metric out ({@code excludes: [shipping_value]}). */
        private boolean saysWithout(String metricName, String left)
        {
            return model.tables().stream().anyMatch(table -> table.metric(metricName).filter(metric -> metric.excludes().contains(left)).isPresent());
        }

        /** The money metric a verb of the question names in the model's vocabulary ("sell" → revenue), for "how much did it sell". */
        private Optional<String> salesMetric()
        {
            List<String> names = words.stream()
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

        /** Value phrases that match stored values of several dimensions: keep the dimensions a table can answer with. */
        private Settlement settleValues(List<Reading.ValueHit> ambiguous, PlanSpec spec)
        {
            PlanSpec current = spec;
            for (Reading.ValueHit hit : ambiguous) {
                List<ValueMatch> workable = new ArrayList<>();
                for (ValueMatch match : hit.matches()) {
                    if (feasible(withValue(current, match, hit.negated()))) {
                        workable.add(match);
                    }
                }
                Set<String> dimensions = new LinkedHashSet<>();
                workable.forEach(match -> dimensions.add(match.dimension()));
                if (dimensions.size() > 1 && workable.stream().map(match -> match.value().toLowerCase(Locale.ROOT)).distinct().count() == 1) {
                    // the same stored value under two dimensions (a payment method: of each payment, or the largest of an order)
                    List<String> kept = storedPer(List.copyOf(dimensions), current);
                    if (kept.size() == 1) {
                        workable.removeIf(match -> !match.dimension().equals(kept.get(0)));
                        dimensions.retainAll(kept);
                    }
                }
                if (dimensions.size() != 1) {
                    List<ValueMatch> shown = workable.isEmpty() ? hit.matches() : workable;
                    return new Settlement(current, Optional.of(new Proposal.Clarify("\"" + hit.phrase() + "\" is a value of several things. Which one do you mean?",
                            shown.stream().map(match -> match.dimension() + " = " + match.value()).distinct().toList(), provenancePlan(current, null, List.of()), understood)));
                }
                current = withValue(current, workable.get(0), hit.negated());
                understood.add(new Understood(hit.phrase(), (hit.negated() ? "not " : "") + workable.get(0).dimension() + " = " + workable.get(0).value()));
            }
            return new Settlement(current, Optional.empty());
        }

        private PlanSpec withValue(PlanSpec spec, ValueMatch match, boolean negated)
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

        private PlanSpec base(List<PlanSpec.Measure> measures, TimeGrain grain, String timeDimension, List<DateRange> ranges,
                List<PlanSpec.ValueFilter> valueFilters, List<PlanSpec.FilterUse> filters, Integer finalLimit, boolean anyGrowth, boolean compare,
                boolean share)
        {
            return new PlanSpec(measures, List.of(), grain, timeDimension, ranges, valueFilters, filters, finalLimit, ascending, share,
                    anyGrowth && !compare, timeReading.growthGrain().orElse(null), compare, chart);
        }

        private PlanSpec withMeasures(PlanSpec spec, List<List<String>> dimensionChoices)
        {
            List<String> dimensions = dimensionChoices.stream().filter(choice -> choice.size() == 1).map(choice -> choice.get(0)).toList();
            return withDimensions(spec, dimensions);
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

        private List<String> names(Lexicon.Hit hit, Lexicon.Kind kind)
        {
            return ReadingRules.names(hit, kind);
        }

        /** "which state ..." / "the best month": a single winner is wanted. */
        private boolean singularGrouping()
        {
            for (Lexicon.Hit hit : hits) {
                if (hit.terms().stream().anyMatch(term -> term.kind() == Lexicon.Kind.DIMENSION || term.kind() == Lexicon.Kind.TIME_DIMENSION)) {
                    String last = words.get(hit.end() - 1);
                    return last.equals(canonical.get(hit.end() - 1));
                }
            }
            return words.contains("which") || words.contains("what");
        }

        /** The row-count metric ({@code agg: count}, no expr, no filter) of the table that holds a named filter: "how many late deliveries". */
        private Optional<String> countMetricOf(String filterName)
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

        /** "canceled orders" is a filter; its word "orders" is also the metric people count. */
        private Optional<String> metricInsideFilterPhrase()
        {
            for (Lexicon.Hit hit : hits) {
                if (hit.terms().stream().anyMatch(term -> term.kind() == Lexicon.Kind.FILTER)) {
                    for (int i = hit.start(); i < hit.end(); i++) {
                        for (Lexicon.Term term : lexicon.lookup(List.of(canonical.get(i)))) {
                            if (term.kind() == Lexicon.Kind.METRIC) {
                                return Optional.of(term.name());
                            }
                        }
                    }
                }
            }
            return Optional.empty();
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

        private Proposal averageOfWhat(String metric)
        {
            List<String> choices = new ArrayList<>();
            // per each thing the first table holding the metric counts (its count metrics without a filter)
            model.tables().stream().filter(table -> table.metric(metric).isPresent()).findFirst().ifPresent(table -> table.metrics().stream()
                    .filter(counted -> counted.isCount() && counted.filter() == null)
                    .forEach(counted -> choices.add("average " + metric.replace('_', ' ') + " per " + Words.canonical(counted.name()))));
            choices.add(metric.replace('_', ' ') + " by month");
            return new Proposal.Clarify("Average " + metric.replace('_', ' ') + " per what?", choices, null, understood);
        }

        private List<String> uncovered(PlanSpec spec)
        {
            explainEach(!spec.dimensions().isEmpty() || spec.grain() != null);
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                if (taken[i]) {
                    continue;
                }
                String word = words.get(i);
                if (SHAPE_WORDS.contains(word)) {
                    // a word that changes the question's shape, read but not used: answering without it would answer another question
                    missing.add(cased.get(i));
                    continue;
                }
                if (lexicon.isStopWord(word) || Words.INTENT_WORDS.contains(word) || NEGATIONS.contains(word) || word.equals("of")) {
                    continue;
                }
                missing.add(cased.get(i));
            }
            return missing;
        }

        /** An unknown word right after "in", "for", "from", "at", "with" or "by" is probably a value we do not know. */
        private boolean looksLikeFilter(String word)
        {
            int index = cased.indexOf(word);
            if (index <= 0 || Words.isNumber(words.get(index))) {
                return index > 0 && Words.isNumber(words.get(index)) && Set.of("in", "for", "from", "at").contains(words.get(index - 1));
            }
            String before = words.get(index - 1);
            return Set.of("in", "for", "from", "at", "with", "by", "using", "excluding", "except", "without").contains(before)
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
                choices.add(firstMetric().replace('_', ' ') + " without \"" + word + "\"");
            }
            return choices;
        }

        /**
         * A question back whose choices are complete readings: for each measure, the whole question's plan with that
         * measure (dimensions, filters, period, ranking kept), named by what it computes. Choosing one runs that plan.
         * Measures whose plan cannot be written are left out; with none left, the bare measure names are offered.
         */
        private Proposal.Clarify completeReadings(String message, List<String> measureNames, java.util.function.Function<String, PlanSpec> specOf, QueryPlan partial)
        {
            Map<String, Proposal.Planned> readings = new LinkedHashMap<>();
            for (String name : measureNames) {
                PlanSpec spec = specOf.apply(name);
                if (binder.bind(spec) instanceof Binder.Bound bound) {
                    SqlWriter.Written written = writer.write(bound);
                    QueryPlan plan = provenancePlan(spec, written.table(), written.joins(), written.filterTexts());
                    List<Understood> chosen = new ArrayList<>(understood);
                    chosen.add(new Understood(name.replace('_', ' '), "metric " + name + " (chosen)"));
                    readings.put(reading(plan, spec), new Proposal.Planned(plan, written.sql(), chosen, true, written.chart(), written.columnFormats(),
                            written.exclusionCheck()));
                }
            }
            if (readings.isEmpty()) {
                return new Proposal.Clarify(message, measureNames, partial, understood);
            }
            return new Proposal.Clarify(message, List.copyOf(readings.keySet()), partial, understood, readings);
        }

        /** A plan in words: "revenue by product_category, top 10, where purchase date in 2018 Q1". */
        private static String reading(QueryPlan plan, PlanSpec spec)
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

        private Proposal.Clarify noMetric(List<List<String>> dimensionChoices, List<PlanSpec.ValueFilter> valueFilters, List<PlanSpec.FilterUse> filters)
        {
            List<String> dimensions = dimensionChoices.stream().map(choice -> choice.get(0)).toList();
            List<String> choices = new ArrayList<>();
            for (String metric : metricChoices()) {
                PlanSpec probe = new PlanSpec(List.of(PlanSpec.Measure.of(metric)), dimensions, null, null, List.of(), valueFilters, filters, null, false, false, false, null, false, false);
                if (feasible(probe)) {
                    choices.add(metric);
                }
            }
            if (choices.isEmpty()) {
                choices = metricChoices();
            }
            String message = hits.isEmpty() && valueHits.isEmpty() && timeReading.spans().isEmpty()
                    ? "I could not find anything I know in that question. Which measure are you interested in?"
                    : "Which measure do you want" + (dimensions.isEmpty() ? "" : " by " + String.join(" and ", dimensions)) + "?";
            QueryPlan partial = new QueryPlan(List.of(), dimensions, filters.stream().map(PlanSpec.FilterUse::name).toList(), List.of());
            return new Proposal.Clarify(message, choices, partial, understood);
        }

        private Proposal clarifyDimensions(List<String> options, List<PlanSpec.Measure> measures)
        {
            String what = measures.isEmpty() ? "" : SqlWriter.columnName(measures.get(0)).replace('_', ' ') + " ";
            return new Proposal.Clarify("Two readings are possible. Which one do you mean?",
                    options.stream().map(option -> what + "by " + option.replace('_', ' ')).toList(), null, understood);
        }

        private Proposal impossible(PlanSpec spec, String dimension)
        {
            return new Proposal.Clarify("No table of the model holds " + measureWords(spec) + " by " + dimension.replace('_', ' ') + ". Try one of these instead.",
                    alternatives(spec), provenancePlan(spec, null, List.of()), understood);
        }

        private List<String> alternatives(PlanSpec spec)
        {
            List<String> choices = new ArrayList<>();
            PlanSpec withoutDimensions = withDimensions(spec, List.of());
            if (!spec.dimensions().isEmpty() && feasible(withoutDimensions)) {
                choices.add(measureWords(spec) + " in total");
            }
            for (String metric : metricChoices()) {
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

    private boolean feasible(PlanSpec spec)
    {
        return binder.bind(spec) instanceof Binder.Bound;
    }

    private static PlanSpec withDimensions(PlanSpec spec, List<String> dimensions)
    {
        return new PlanSpec(spec.measures(), dimensions, spec.grain(), spec.timeDimension(), spec.ranges(), spec.valueFilters(), spec.namedFilters(),
                spec.limit(), spec.ascending(), spec.share(), spec.growth(), spec.growthGrain(), spec.compare(), spec.chart());
    }

    /** A follow-up: what the new words name replaces or adds to the previous plan. Null when a new dimension is ambiguous. */
    private PlanSpec refine(PlanSpec previous, List<PlanSpec.Measure> measures, List<List<String>> dimensionChoices, TimeGrain grain, String timeDimension,
            List<DateRange> ranges, List<PlanSpec.ValueFilter> valueFilters, List<PlanSpec.FilterUse> filters, Integer limit, boolean growth, boolean compare,
            boolean chart)
    {
        List<PlanSpec.Measure> newMeasures = measures.isEmpty() ? previous.measures() : measures;
        List<String> dimensions = new ArrayList<>();
        boolean regrouped = !dimensionChoices.isEmpty() || grain != null;
        if (!regrouped) {
            dimensions.addAll(previous.dimensions());
        }
        for (List<String> choice : dimensionChoices) {
            PlanSpec probe = new PlanSpec(newMeasures, dimensions, grain, timeDimension, ranges, valueFilters, filters, limit, false, false, false, null, false, false);
            List<String> options = choice.stream().filter(name -> feasible(withDimensions(probe, append(dimensions, name)))).toList();
            if (options.size() > 1) {
                return null;
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
        return new PlanSpec(newMeasures, dimensions, newGrain, timeDimension != null ? timeDimension : previous.timeDimension(), newRanges, newValues, newFilters,
                newLimit, limit != null ? false : previous.ascending(), previous.share(), previous.growth() || growth && !compare, previous.growthGrain(),
                compare || previous.compare() && ranges.isEmpty(), chart || previous.chart());
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
