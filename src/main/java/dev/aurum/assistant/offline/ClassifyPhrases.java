package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.assistant.proposal.TimeGrain;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.Language;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each model phrase of the question is (docs/architecture.md, "The planner's rules"): a metric, a grouping, a
 * count of distinct values, a named filter, a time dimension or grain, or a word about another phrase ("the buyer's
 * region", "revenue from customers in SP", "without shipping", "instead of orders", "per customer"). The phrases are
 * read in question order, each through the same precedence of cases; the result is {@link Reading.Phrases}.
 */
final class ClassifyPhrases
        implements PlannerRule
{
    private static final Set<String> GRAIN_WORDS = Language.english().time().grainNouns().keySet();
    private static final Language.PlannerWords PLANNER = Words.PLANNER;
    private static final Language LABELS = Language.english();
    private static final Set<String> COUNT_CUES = ReadingRules.COUNT_CUES;

    @Override
    public String name()
    {
        return "ClassifyPhrases";
    }

    @Override
    public Reading apply(Reading reading, PlanContext context)
    {
        return new Scope(reading, context.model()).classify();
    }

    /** One call's view of the reading: its words, phrases and intents, read once; what it explains stays local to {@link #classify}. */
    private static final class Scope
    {
        private final Reading reading;
        private final SemanticModel model;
        private final String question;
        private final List<String> words;
        private final List<String> canonical;
        private final List<String> cased;
        private final List<Lexicon.Hit> hits;
        private final Set<Integer> insteadOf;
        private final Set<Integer> perPositions;
        private final boolean average;
        private final boolean superlative;
        private final Integer limit;
        private final boolean countCue;

        Scope(Reading reading, SemanticModel model)
        {
            this.reading = reading;
            this.model = model;
            this.question = reading.question();
            this.words = reading.words();
            this.canonical = reading.canonical();
            this.cased = reading.cased();
            this.hits = reading.hits();
            Reading.Intents intents = reading.intents();
            this.insteadOf = intents.insteadOf();
            this.perPositions = intents.perPositions();
            this.average = intents.average();
            this.superlative = intents.superlative();
            this.limit = intents.limit();
            this.countCue = intents.countCue();
        }

        Reading classify()
        {
            Set<Integer> taken = new HashSet<>(reading.taken());
            List<Understood> understood = new ArrayList<>();
            List<String> metrics = new ArrayList<>();
            List<String> removedMetrics = new ArrayList<>();
            List<List<String>> metricChoices = new ArrayList<>();
            List<List<String>> dimensionChoices = new ArrayList<>();
            List<String> distinctDimensions = new ArrayList<>();
            List<PlanSpec.FilterUse> filters = new ArrayList<>();
            List<String> denominators = new ArrayList<>();
            List<String> excludedMetrics = new ArrayList<>();
            TimeGrain grain = reading.time().grain().orElse(null);
            String timeDimension = null;
            boolean anyMetricWord = hits.stream().anyMatch(hit -> hit.terms().stream().anyMatch(term -> term.kind() == Lexicon.Kind.METRIC));
            Set<Lexicon.Hit> qualifiers = reading.roles().qualifiers();
            Map<Lexicon.Hit, String> combined = reading.roles().ratios();
            Lexicon.Hit head = reading.roles().countedHead();

            for (Lexicon.Hit hit : hits) {
                String phrase = phraseOf(hit.start(), hit.end());
                List<String> metricNames = names(hit, Lexicon.Kind.METRIC);
                List<String> dimensionNames = names(hit, Lexicon.Kind.DIMENSION);
                List<String> filterNames = names(hit, Lexicon.Kind.FILTER);
                List<String> timeNames = names(hit, Lexicon.Kind.TIME_DIMENSION);
                boolean afterPer = perPositions.contains(hit.start());
                if (combined.containsKey(hit)) {
                    // "revenue per canceled order": the model's ratio metric, the filter stays a filter
                    String ratio = combined.get(hit);
                    if (!ratio.isEmpty() && !metrics.contains(ratio)) {
                        metrics.add(ratio);
                        understood.add(new Understood(phrase, LABELS.label("metric", "metric", ratio)));
                    }
                    if (filterNames.isEmpty()) {
                        continue;
                    }
                    metricNames = List.of();
                    dimensionNames = List.of();
                }
                if (!metricNames.isEmpty() && possessiveBeforeDimension(hit) && otherMetric(hit)) {
                    // "the buyer's region": the possessive owns the dimension, it is not a second number
                    understood.add(new Understood(phrase, LABELS.label("owner", "phrase", phrase.toLowerCase(Locale.ROOT))));
                    continue;
                }
                int exclusion = !metricNames.isEmpty() && filterNames.isEmpty() ? exclusionBefore(hit.start()) : -1;
                if (exclusion >= 0) {
                    // "without shipping": a number left out of another one, not a number asked for
                    taken.add(exclusion);
                    excludedMetrics.add(metricNames.get(0));
                    understood.add(new Understood(phrase, LABELS.label("without", "metric", metricNames.get(0))));
                    continue;
                }
                if (head != null && hit != head && !afterPer && !average && !metricNames.isEmpty() && !dimensionNames.isEmpty()
                        && metricNames.stream().allMatch(this::isCountMetric)
                        && !(hit.start() > 0 && PLANNER.conjunctions().contains(words.get(hit.start() - 1)))) {
                    // "how many regions do buyers come from": the buyers say whose regions, the regions are counted
                    understood.add(new Understood(phrase, LABELS.label("whose", "head", countedHeadName(head))));
                    continue;
                }
                boolean afterGrouping = hit.start() > 0 && PLANNER.groupingLeads().contains(words.get(hit.start() - 1))
                        && !agentBy(hit.start() - 1);
                if (hit.end() - hit.start() == 1 && GRAIN_WORDS.contains(canonical.get(hit.start()))
                        && (!dimensionNames.isEmpty() || !timeNames.isEmpty()) && metricNames.isEmpty()) {
                    grain = grain != null ? grain : TimeExpressions.grainOf(canonical.get(hit.start()));
                    understood.add(new Understood(phrase, LABELS.label("by", "grain", grain.modelName())));
                    continue;
                }
                if (!metricNames.isEmpty() && insteadOf.contains(hit.start())) {
                    removedMetrics.addAll(metricNames);
                    understood.add(new Understood(phrase, LABELS.label("not_metric", "metric", String.join(LABELS.label("or"), metricNames))));
                    continue;
                }
                if (!filterNames.isEmpty() && !dimensionNames.isEmpty() && afterGrouping) {
                    // "orders per weekday": after a grouping word the dimension reading wins over the filter
                    filterNames = List.of();
                }
                if (!metricNames.isEmpty() && hit.start() > 0
                        && (PLANNER.sourceLeads().contains(words.get(hit.start() - 1)) || agentBy(hit.start() - 1)) && otherMetric(hit)) {
                    // "revenue from customers in SP": the customers are who the revenue comes from, not a second number
                    understood.add(new Understood(phrase, LABELS.label("comes_from", "metrics", String.join(", ", names(firstOtherMetric(hit), Lexicon.Kind.METRIC)))));
                    continue;
                }
                if (!filterNames.isEmpty()) {
                    int negation = ReadingRules.negationBefore(reading.intents().negations(), hits, hit.start());
                    boolean negated = negation >= 0;
                    if (negated) {
                        taken.add(negation);
                    }
                    filterNames.stream().limit(1).forEach(name -> filters.add(new PlanSpec.FilterUse(name, negated)));
                    understood.add(new Understood(phrase, LABELS.label(negated ? "not_filter" : "filter", "filter", filterNames.get(0))));
                    continue;
                }
                if (!metricNames.isEmpty() && !dimensionNames.isEmpty()) {
                    // "customer" is both the customers metric and the customer dimension: grouping words decide
                    boolean asDimension = (afterGrouping && !afterPer) || (afterPer && !otherMetric(hit))
                            || (superlative || limit != null) && otherMetric(hit);
                    if (afterPer && otherMetric(hit)) {
                        denominators.add(metricNames.get(0));
                        understood.add(new Understood(phrase, LABELS.label("per", "metric", metricNames.get(0))));
                        continue;
                    }
                    if (asDimension) {
                        metricNames = List.of();
                    }
                    else {
                        dimensionNames = List.of();
                    }
                }
                if (!metricNames.isEmpty() && amountNear(hit, taken)) {
                    // "payment total", "the amount of payments": the money metric named by the same words, not a count
                    List<String> money = moneyMetricsNamedBy(hit, metricNames);
                    if (!money.isEmpty()) {
                        metricNames = money;
                        taken.addAll(amountWordsAround(hit));
                    }
                }
                if (!metricNames.isEmpty()) {
                    if (afterPer && otherMetric(hit)) {
                        denominators.add(metricNames.get(0));
                        understood.add(new Understood(phrase, LABELS.label("per", "metric", metricNames.get(0))));
                    }
                    else if (metricNames.size() == 1) {
                        if (!metrics.contains(metricNames.get(0))) {
                            metrics.add(metricNames.get(0));
                        }
                        understood.add(new Understood(phrase, LABELS.label(hit.typo() ? "metric_corrected" : "metric", "metric", metricNames.get(0))));
                    }
                    else {
                        metricChoices.add(metricNames);
                        understood.add(new Understood(phrase, LABELS.label("metric", "metric", String.join(LABELS.label("or"), metricNames))));
                    }
                    continue;
                }
                if (!dimensionNames.isEmpty()) {
                    boolean countedHere = (hit == head || countCue && !anyMetricWord && hit.start() > 0
                            && (COUNT_CUES.contains(words.get(hit.start() - 1)) || words.get(hit.start() - 1).equals(PLANNER.of())));
                    if (countedHere && dimensionNames.size() == 1) {
                        distinctDimensions.add(dimensionNames.get(0));
                        understood.add(new Understood(phrase, LABELS.label("distinct", "dimension", dimensionNames.get(0))));
                        continue;
                    }
                    if (qualifiers.contains(hit)) {
                        understood.add(new Understood(phrase, LABELS.label("qualifier", "dimension", dimensionNames.get(0))));
                        continue;
                    }
                    dimensionChoices.add(dimensionNames);
                    understood.add(new Understood(phrase, LABELS.label(hit.typo() ? "grouping_corrected" : "grouping", "dimension", String.join(LABELS.label("or"), dimensionNames))));
                    continue;
                }
                if (!timeNames.isEmpty()) {
                    timeDimension = timeNames.get(0);
                    if (afterGrouping && grain == null) {
                        grain = TimeGrain.DAY;
                    }
                    understood.add(new Understood(phrase, LABELS.label("time_dimension", "name", timeDimension)));
                }
            }
            Reading.Phrases phrases = new Reading.Phrases(metrics, removedMetrics, metricChoices, dimensionChoices, distinctDimensions, filters, denominators,
                    excludedMetrics, grain, timeDimension);
            return reading.withTaken(taken).withUnderstood(understood).withPhrases(phrases);
        }

        private String phraseOf(int start, int end)
        {
            return String.join(" ", cased.subList(start, end));
        }

        private List<String> names(Lexicon.Hit hit, Lexicon.Kind kind)
        {
            return ReadingRules.names(hit, kind);
        }

        private boolean isCountMetric(String name)
        {
            return ReadingRules.isCountMetric(model, name);
        }

        private Lexicon.Hit hitStartingAt(int index)
        {
            return ReadingRules.hitStartingAt(hits, index);
        }

        private String countedHeadName(Lexicon.Hit head)
        {
            return phraseOf(head.start(), head.end()).toLowerCase(Locale.ROOT);
        }

        /** "paid by customers", "placed by buyers": "by" after a past participle names who did it, not a grouping. */
        private boolean agentBy(int index)
        {
            if (!words.get(index).equals(PLANNER.agentLead()) || index == 0) {
                return false;
            }
            String verb = words.get(index - 1);
            return model.vocabulary().agentVerbs().contains(verb);
        }

        /** "without shipping", "excluding the freight": the position of an exclusion word right before a phrase, or -1. */
        private int exclusionBefore(int start)
        {
            int before = start - 1;
            if (before >= 1 && PLANNER.exclusionArticles().contains(words.get(before))) {
                before--;
            }
            if (before >= 0 && PLANNER.exclusions().contains(words.get(before))) {
                return before;
            }
            return -1;
        }

        /** The hit is a possessive ("X's") right before a dimension phrase. */
        private boolean possessiveBeforeDimension(Lexicon.Hit hit)
        {
            Lexicon.Hit next = hitStartingAt(hit.end());
            if (next == null || next.terms().stream().noneMatch(term -> term.kind() == Lexicon.Kind.DIMENSION)) {
                return false;
            }
            String last = words.get(hit.end() - 1);
            return Pattern.compile("\\b" + Pattern.quote(last) + "['\u2019]s\\b").matcher(question.toLowerCase(Locale.ROOT)).find();
        }

        private boolean otherMetric(Lexicon.Hit hit)
        {
            return hits.stream().anyMatch(other -> other != hit && !insteadOf.contains(other.start())
                    && other.terms().stream().anyMatch(term -> term.kind() == Lexicon.Kind.METRIC)
                    && other.terms().stream().noneMatch(term -> term.kind() == Lexicon.Kind.DIMENSION));
        }

        private Lexicon.Hit firstOtherMetric(Lexicon.Hit hit)
        {
            return hits.stream().filter(other -> other != hit && other.terms().stream().anyMatch(term -> term.kind() == Lexicon.Kind.METRIC))
                    .findFirst().orElse(hit);
        }

        /** A money word right after the hit ("payment total", "payment amount"), or before it ("the value of payments"). */
        private boolean amountNear(Lexicon.Hit hit, Set<Integer> taken)
        {
            List<String> amounts = PLANNER.amounts();
            int before = hit.start() - 1;
            if (before >= 1 && words.get(before).equals(PLANNER.of())) {
                before--;
            }
            // "total orders" is a count, so "total" only counts after the hit ("payment total")
            return (before >= 0 && amounts.contains(words.get(before)) && !PLANNER.amountsAfterOnly().contains(words.get(before)) && !taken.contains(before))
                    || (hit.end() < words.size() && amounts.contains(words.get(hit.end())) && !taken.contains(hit.end()));
        }

        /**
         * The money metrics whose name or a synonym contains every word of the hit, when the hit itself means only
         * non-money metrics (a count); empty when the hit already means money or no money metric fits.
         */
        private List<String> moneyMetricsNamedBy(Lexicon.Hit hit, List<String> metricNames)
        {
            List<String> hitWords = canonical.subList(hit.start(), hit.end());
            Set<String> found = new LinkedHashSet<>();
            boolean alreadyMoney = false;
            for (SemanticTable table : model.tables()) {
                for (Metric metric : table.metrics()) {
                    boolean money = metric.format().equals("money");
                    if (money && metricNames.contains(metric.name())) {
                        alreadyMoney = true;
                    }
                    if (!money) {
                        continue;
                    }
                    List<String> phrases = new ArrayList<>(metric.synonyms());
                    phrases.add(metric.name());
                    if (phrases.stream().anyMatch(phrase -> Lexicon.canonicalWords(phrase).containsAll(hitWords))) {
                        found.add(metric.name());
                    }
                }
            }
            if (alreadyMoney) {
                return List.of();
            }
            return List.copyOf(found);
        }

        /** The amount words ("total", "amount of") around a phrase read as a money metric: explained by it. */
        private List<Integer> amountWordsAround(Lexicon.Hit hit)
        {
            List<Integer> positions = new ArrayList<>();
            for (int i = hit.start() - 2; i <= hit.end(); i++) {
                if (i >= 0 && i < words.size() && PLANNER.amounts().contains(words.get(i))) {
                    positions.add(i);
                }
            }
            return positions;
        }
    }
}
