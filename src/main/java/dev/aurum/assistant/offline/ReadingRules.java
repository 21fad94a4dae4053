package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.Language;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.ValueMatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules that read a question's words, in the order {@link #IN_ORDER} runs them (docs/architecture.md, "The
 * planner's rules"): time first, then the units of the answer, the phrases the model names, the words that shape the
 * answer, model phrases with small typos, the stored values, and then the part some phrases play (a dimension naming a
 * value's dimension, "A per filtered B" ratios, duration questions, the thing "how many" counts). Each takes an immutable {@link Reading} and
 * returns a new one; a rule may change a local copy of the explained positions, never a field.
 */
final class ReadingRules
{
    private static final Language.Cues CUES = Language.english().cues();
    private static final Map<String, Integer> NUMBER_WORDS = Language.english().numberWords();
    private static final Language.PlannerWords PLANNER = Words.PLANNER;
    private static final Language LABELS = Language.english();
    private static final Set<String> TOP_WORDS = CUES.top();
    private static final Set<String> BOTTOM_WORDS = CUES.bottom();
    static final Set<String> NEGATIONS = CUES.negations();
    private static final Set<String> GROWTH_WORDS = CUES.growth();
    private static final Set<String> SHARE_WORDS = CUES.share();
    private static final Set<String> CHART_WORDS = CUES.chart();
    static final Set<String> COUNT_CUES = CUES.count();
    static final int DEFAULT_TOP = 10;
    private static final double MIN_VALUE_SCORE = 0.8;
    /** Value matches this close to the best are equally good ("sao paulo": the city, or the state by its name). */
    private static final double VALUE_TIE = 0.05 + 1e-9;

    /** The reading rules, in the order they run. */
    static final List<PlannerRule> IN_ORDER = List.of(new ReadTime(), new ReadUnits(), new FindModelPhrases(), new ReadIntents(),
            new FindModelPhrasesWithTypos(), new FindValues(), new QualifyValues(), new CombineRatios(), new ReadDuration(), new FindCountedHead(),
            new ClassifyPhrases());

    private ReadingRules() {}

    /** Runs every rule in order over the question's first reading. */
    static Reading read(Reading first, PlanContext context)
    {
        Reading reading = first;
        for (PlannerRule rule : IN_ORDER) {
            reading = rule.apply(reading, context);
        }
        return reading;
    }

    /** Time phrases ({@link TimeExpressions}): the ranges, grain and trend they name, their words explained. */
    static final class ReadTime
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "ReadTime";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            TimeExpressions.TimeReading time = context.time().read(reading.text(), context.anchor());
            Set<Integer> taken = new HashSet<>(reading.taken());
            List<Understood> understood = new ArrayList<>();
            List<String> words = reading.words();
            for (TimeExpressions.Span span : time.spans()) {
                int first = -1;
                int last = -1;
                for (int i = 0; i < words.size(); i++) {
                    int end = reading.offsets().get(i) + words.get(i).length();
                    if (reading.offsets().get(i) >= span.start() && end <= span.end()) {
                        taken.add(i);
                        first = first < 0 ? i : first;
                        last = i;
                    }
                }
                if (first >= 0) {
                    understood.add(new Understood(String.join(" ", reading.cased().subList(first, last + 1)), span.meaning()));
                }
            }
            return reading.withTime(time).withTaken(taken).withUnderstood(understood);
        }
    }

    /**
     * "in days", "in BRL", "in percent": a unit the model declares for a metric, asked for as the unit of the answer,
     * not a grouping; read before anything else can take "days" as a daily grain.
     */
    static final class ReadUnits
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "ReadUnits";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Set<Integer> taken = new HashSet<>(reading.taken());
            List<Understood> understood = new ArrayList<>();
            List<String> words = reading.words();
            List<String> canonical = reading.canonical();
            for (int i = 1; i < words.size(); i++) {
                if (!PLANNER.unitLeads().contains(words.get(i - 1)) || taken.contains(i) || taken.contains(i - 1) || !context.metricUnits().contains(canonical.get(i))) {
                    continue;
                }
                if (context.lexicon().lookup(List.of(canonical.get(i))).stream().anyMatch(term -> term.kind() == Lexicon.Kind.METRIC)) {
                    continue;
                }
                taken.add(i - 1);
                taken.add(i);
                understood.add(new Understood(reading.cased().get(i - 1) + " " + reading.cased().get(i), LABELS.label("unit", "unit", words.get(i))));
            }
            return reading.withTaken(taken).withUnderstood(understood);
        }
    }

    /** Phrases the model names exactly (metrics, dimensions, time dimensions, named filters, their synonyms), longest first. */
    static final class FindModelPhrases
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "FindModelPhrases";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Set<Integer> taken = new HashSet<>(reading.taken());
            List<Lexicon.Hit> found = context.lexicon().find(reading.canonical(), reading.taken(), false);
            return reading.withHits(found).explainHits(found);
        }
    }

    /**
     * Words that shape the answer: top/bottom N, superlatives, share, growth, charts, averages, count cues, "instead
     * of", "per", negations.
     */
    static final class ReadIntents
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "ReadIntents";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Set<Integer> taken = new HashSet<>(reading.taken());
            List<Understood> understood = new ArrayList<>();
            List<String> words = reading.words();
            List<String> cased = reading.cased();
            Integer limit = null;
            boolean ascending = false;
            boolean superlative = false;
            boolean share = false;
            boolean growth = false;
            boolean chart = false;
            boolean average = false;
            boolean countCue = false;
            Integer countBeforeDimension = null;
            int countBeforeDimensionIndex = -1;
            Set<Integer> insteadOf = new LinkedHashSet<>();
            Set<Integer> perPositions = new LinkedHashSet<>();
            Set<Integer> negations = new LinkedHashSet<>();
            for (int i = 0; i < words.size(); i++) {
                if (taken.contains(i)) {
                    continue;
                }
                String word = words.get(i);
                Integer number = i + 1 < words.size() ? number(words.get(i + 1)) : null;
                Integer numberBefore = i > 0 ? number(words.get(i - 1)) : null;
                if (TOP_WORDS.contains(word) || BOTTOM_WORDS.contains(word)) {
                    ascending = BOTTOM_WORDS.contains(word);
                    taken.add(i);
                    if (number != null && !taken.contains(i + 1)) {
                        limit = number;
                        taken.add(i + 1);
                        understood.add(new Understood(cased.get(i) + " " + cased.get(i + 1), LABELS.label(ascending ? "bottom" : "top", "n", number)));
                    }
                    else if (numberBefore != null && !taken.contains(i - 1)) {
                        limit = numberBefore;
                        taken.add(i - 1);
                        understood.add(new Understood(cased.get(i - 1) + " " + cased.get(i), LABELS.label(ascending ? "bottom" : "top", "n", numberBefore)));
                    }
                    else {
                        superlative = !PLANNER.ranked().contains(word);
                        if (!superlative) {
                            limit = DEFAULT_TOP;
                        }
                        understood.add(new Understood(cased.get(i), LABELS.label(ascending ? "lowest_first" : "highest_first")));
                    }
                }
                else if (SHARE_WORDS.contains(word)) {
                    share = true;
                    taken.add(i);
                    understood.add(new Understood(cased.get(i), LABELS.label("share")));
                }
                else if (GROWTH_WORDS.contains(word)) {
                    growth = true;
                    taken.add(i);
                    understood.add(new Understood(cased.get(i), LABELS.label("growth")));
                }
                else if (CHART_WORDS.contains(word)) {
                    chart = true;
                    taken.add(i);
                    understood.add(new Understood(cased.get(i), LABELS.label("chart")));
                }
                else if (PLANNER.average().contains(word)) {
                    average = true;
                    taken.add(i);
                }
                else if (number(word) != null && i + 1 < words.size() && startsDimensionHit(reading, i + 1)) {
                    // "which three states have the highest revenue": the count before the grouped thing
                    countBeforeDimension = number(word);
                    countBeforeDimensionIndex = i;
                }
                else if (COUNT_CUES.contains(word)) {
                    countCue = true;
                }
                else if (PLANNER.instead().contains(word) && i + 1 < words.size() && PLANNER.insteadLinks().contains(words.get(i + 1))) {
                    taken.add(i);
                    taken.add(i + 1);
                    insteadOf.add(i + 2);
                }
                else if (Words.anyPhraseEndingAt(words, i, PLANNER.per())) {
                    perPositions.add(i + 1);
                }
                else if (NEGATIONS.contains(word) && (!PLANNER.negationNeeds().containsKey(word)
                        || i + 1 < words.size() && words.get(i + 1).equals(PLANNER.negationNeeds().get(word)))) {
                    negations.add(i);
                }
            }
            Reading.Intents intents = new Reading.Intents(limit, ascending, superlative, share, growth, chart, average, countCue, countBeforeDimension,
                    countBeforeDimensionIndex, insteadOf, perPositions, negations, false, false);
            return reading.withIntents(intents).withTaken(taken).withUnderstood(understood);
        }

        private static boolean startsDimensionHit(Reading reading, int index)
        {
            return reading.hits().stream().anyMatch(hit -> hit.start() == index && hit.terms().stream().anyMatch(term -> term.kind() == Lexicon.Kind.DIMENSION));
        }

        private static Integer number(String word)
        {
            if (word.matches("\\d{1,4}") && !word.matches("(19|20)\\d{2}")) {
                return Integer.parseInt(word);
            }
            return NUMBER_WORDS.get(word);
        }
    }

    /** Model phrases with small typos, in words nothing else explained. */
    static final class FindModelPhrasesWithTypos
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "FindModelPhrasesWithTypos";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Set<Integer> taken = new HashSet<>(reading.taken());
            List<Lexicon.Hit> found = context.lexicon().find(reading.canonical(), reading.taken(), true);
            return reading.withHits(found).explainHits(found);
        }
    }

    /** Stored values through the value index, longest phrases first; a negation word just before one negates it. */
    static final class FindValues
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "FindValues";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Set<Integer> taken = new HashSet<>(reading.taken());
            List<String> words = reading.words();
            List<Reading.ValueHit> valueHits = new ArrayList<>(reading.valueHits());
            for (int size = 4; size >= 1; size--) {
                for (int start = 0; start + size <= words.size(); start++) {
                    if (anyTaken(taken, start, start + size) || !valueEdge(reading, context, start) || !valueEdge(reading, context, start + size - 1)) {
                        continue;
                    }
                    String phrase = String.join(" ", words.subList(start, start + size));
                    // only values that cover the whole window: "premium electronics" must not pass as "electronics"
                    List<ValueMatch> matches = context.values().match(phrase).stream()
                            .filter(match -> TimeExpressions.normalize(match.phrase()).equals(phrase))
                            .toList();
                    if (matches.isEmpty() || matches.get(0).score() < MIN_VALUE_SCORE) {
                        continue;
                    }
                    double best = matches.get(0).score();
                    List<ValueMatch> top = new ArrayList<>();
                    for (ValueMatch match : matches) {
                        if (match.score() >= best - VALUE_TIE && top.stream().noneMatch(other -> other.dimension().equals(match.dimension()) && other.value().equals(match.value()))) {
                            top.add(match);
                        }
                    }
                    int negation = negationBefore(reading.intents().negations(), reading.hits(), start);
                    boolean negated = negation >= 0;
                    if (negated) {
                        taken.add(negation);
                    }
                    valueHits.add(new Reading.ValueHit(start, start + size, String.join(" ", reading.cased().subList(start, start + size)), top, negated));
                    for (int i = start; i < start + size; i++) {
                        taken.add(i);
                    }
                }
            }
            valueHits.sort((left, right) -> Integer.compare(left.start(), right.start()));
            return reading.withValueHits(valueHits).withTaken(taken);
        }

        /** A word that may start or end a value phrase: content, or a short upper-case code such as "GO" or "TO". */
        private static boolean valueEdge(Reading reading, PlanContext context, int index)
        {
            String word = reading.words().get(index);
            if (Words.isNumber(word)) {
                return false;
            }
            String cased = reading.cased().get(index);
            boolean upperCode = cased.length() <= 3 && cased.equals(cased.toUpperCase(Locale.ROOT)) && cased.chars().allMatch(Character::isLetter);
            return upperCode || (!context.lexicon().isStopWord(word) && !Words.INTENT_WORDS.contains(word));
        }

        private static boolean anyTaken(Set<Integer> taken, int start, int end)
        {
            for (int i = start; i < end; i++) {
                if (taken.contains(i)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The position of a negation word up to three words before {@code start}, with no other model phrase in between,
     * or -1. The caller explains that word.
     */
    static int negationBefore(Set<Integer> negations, List<Lexicon.Hit> hits, int start)
    {
        for (int i = start - 1; i >= Math.max(0, start - 3); i--) {
            if (negations.contains(i)) {
                return i;
            }
            int index = i;
            if (hits.stream().anyMatch(hit -> hit.start() <= index && index < hit.end())) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * "state SP", "the city of curitiba", "sao paulo state": a dimension word next to one of its values names which
     * dimension the value belongs to (the value keeps only those matches), and is not a grouping.
     */
    static final class QualifyValues
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "QualifyValues";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            List<String> words = reading.words();
            List<Reading.ValueHit> valueHits = new ArrayList<>(reading.valueHits());
            Set<Lexicon.Hit> qualifiers = new LinkedHashSet<>();
            for (int v = 0; v < valueHits.size(); v++) {
                Reading.ValueHit value = valueHits.get(v);
                for (Lexicon.Hit hit : reading.hits()) {
                    boolean before = hit.end() == value.start()
                            || hit.end() + 1 == value.start() && PLANNER.valueLinks().contains(words.get(hit.end()))
                            || value.negated() && exclusionBetween(words, hit, value);
                    boolean after = value.end() == hit.start();
                    if (!before && !after) {
                        continue;
                    }
                    Set<String> names = new LinkedHashSet<>();
                    hit.terms().forEach(term -> names.add(term.name()));
                    List<ValueMatch> kept = value.matches().stream().filter(match -> names.contains(match.dimension())).toList();
                    if (!kept.isEmpty()) {
                        qualifiers.add(hit);
                        valueHits.set(v, new Reading.ValueHit(value.start(), value.end(), value.phrase(), kept, value.negated()));
                        break;
                    }
                }
            }
            Reading.Roles roles = reading.roles();
            return reading.withValueHits(valueHits).withRoles(new Reading.Roles(qualifiers, roles.ratios(), roles.duration(), roles.countedHead()));
        }

        /** "categories except X", "states other than SP": only exclusion words between a dimension and its negated value. */
        private static boolean exclusionBetween(List<String> words, Lexicon.Hit hit, Reading.ValueHit value)
        {
            int gap = value.start() - hit.end();
            if (gap < 1 || gap > 2) {
                return false;
            }
            for (int i = hit.end(); i < value.start(); i++) {
                if (!NEGATIONS.contains(words.get(i)) && !PLANNER.exclusionLinks().contains(words.get(i))) {
                    return false;
                }
            }
            return !(hit.start() > 0 && PLANNER.groupingLeads().contains(words.get(hit.start() - 1)));
        }
    }

    /**
     * "revenue per canceled order", "items per open order": a filter phrase after "per" that ends in a count word, and
     * the word before "per", together name a ratio metric of the model ("items per order"). Maps the hit before "per"
     * to that metric and the filter hit to "" (it stays a filter).
     */
    static final class CombineRatios
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "CombineRatios";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            List<String> canonical = reading.canonical();
            Lexicon lexicon = context.lexicon();
            Map<Lexicon.Hit, String> combined = new LinkedHashMap<>();
            for (int position : reading.intents().perPositions()) {
                Lexicon.Hit after = hitStartingAt(reading.hits(), position);
                Lexicon.Hit before = hitEndingAt(reading.hits(), position - 2);
                if (after == null || before == null || after.terms().stream().noneMatch(term -> term.kind() == Lexicon.Kind.FILTER)) {
                    continue;
                }
                String counted = canonical.get(after.end() - 1);
                if (lexicon.lookup(List.of(counted)).stream().noneMatch(term -> term.kind() == Lexicon.Kind.METRIC)) {
                    continue;
                }
                String numerator = canonical.get(before.end() - 1);
                for (List<String> phrase : List.of(List.of(numerator, PLANNER.ratioWord(), counted), List.of(PLANNER.averageWord(), numerator, PLANNER.ratioWord(), counted))) {
                    List<String> metricNames = lexicon.lookup(phrase).stream().filter(term -> term.kind() == Lexicon.Kind.METRIC).map(Lexicon.Term::name).distinct().toList();
                    if (metricNames.size() == 1) {
                        combined.put(before, metricNames.get(0));
                        combined.put(after, "");
                        break;
                    }
                }
            }
            Reading.Roles roles = reading.roles();
            return reading.withRoles(new Reading.Roles(roles.qualifiers(), combined, roles.duration(), roles.countedHead()));
        }

        private static Lexicon.Hit hitEndingAt(List<Lexicon.Hit> hits, int index)
        {
            return hits.stream().filter(hit -> hit.end() - 1 == index).findFirst().orElse(null);
        }
    }

    /**
     * "how long ... take", "how many days ... take": a duration question. "days" there is the unit of the answer, not a
     * daily grouping, and typo matches ("delivery" read as "delivered") of words of the model's one duration metric
     * are not filters.
     */
    static final class ReadDuration
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "ReadDuration";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            List<String> words = reading.words();
            Set<Integer> taken = new HashSet<>(reading.taken());
            List<Lexicon.Hit> hits = new ArrayList<>(reading.hits());
            boolean takes = words.stream().anyMatch(PLANNER.durationVerbs()::contains);
            boolean duration = false;
            for (int i = 1; i < words.size(); i++) {
                if (Words.anyPhraseEndingAt(words, i, PLANNER.durationAsks()) && takes) {
                    taken.add(i);
                    duration = true;
                    break;
                }
                if (Words.anyPhraseEndingAt(words, i, PLANNER.durationCountAsks()) && i + 1 < words.size() && PLANNER.durationUnits().contains(words.get(i + 1))
                        && takes) {
                    int unit = i + 1;
                    taken.add(unit);
                    hits.removeIf(hit -> hit.start() <= unit && unit < hit.end());
                    duration = true;
                    break;
                }
            }
            if (!duration) {
                return reading;
            }
            List<String> durations = durationMetrics(context.model());
            if (durations.size() == 1) {
                Set<String> metricWords = metricWords(context.model(), durations.get(0));
                hits.removeIf(hit -> hit.typo() && reading.canonical().subList(hit.start(), hit.end()).stream().allMatch(metricWords::contains));
            }
            Reading.Roles roles = reading.roles();
            return reading.withOnlyHits(hits).withTaken(taken).withRoles(new Reading.Roles(roles.qualifiers(), roles.ratios(), true, roles.countedHead()));
        }
    }

    /** The thing a question counts: the phrase right after "how many" or "number of" (and "different", "distinct", "unique"). */
    static final class FindCountedHead
            implements PlannerRule
    {
        @Override
        public String name()
        {
            return "FindCountedHead";
        }

        @Override
        public Reading apply(Reading reading, PlanContext context)
        {
            Lexicon.Hit head = countedHead(reading, context.model());
            Reading.Roles roles = reading.roles();
            return reading.withRoles(new Reading.Roles(roles.qualifiers(), roles.ratios(), roles.duration(), head));
        }

        private static Lexicon.Hit countedHead(Reading reading, SemanticModel model)
        {
            List<String> words = reading.words();
            List<Lexicon.Hit> hits = reading.hits();
            for (int i = 0; i < words.size(); i++) {
                int length = Words.phraseLengthAt(words, i, PLANNER.countAsks());
                if (length == 0) {
                    continue;
                }
                Lexicon.Hit own = hitStartingAt(hits, i);
                if (own != null && countingHit(own, model)) {
                    return own;
                }
                int next = i + length;
                while (next < words.size() && PLANNER.countSkips().contains(words.get(next))) {
                    next++;
                }
                Lexicon.Hit hit = hitStartingAt(hits, next);
                return hit != null && countingHit(hit, model) ? hit : null;
            }
            return null;
        }

        private static boolean countingHit(Lexicon.Hit hit, SemanticModel model)
        {
            List<String> metricNames = names(hit, Lexicon.Kind.METRIC);
            if (!metricNames.isEmpty()) {
                return metricNames.stream().allMatch(name -> isCountMetric(model, name));
            }
            return !names(hit, Lexicon.Kind.DIMENSION).isEmpty() && names(hit, Lexicon.Kind.FILTER).isEmpty();
        }
    }

    static Lexicon.Hit hitStartingAt(List<Lexicon.Hit> hits, int index)
    {
        return hits.stream().filter(hit -> hit.start() == index).findFirst().orElse(null);
    }

    /** The names of one kind a model phrase may mean. */
    static List<String> names(Lexicon.Hit hit, Lexicon.Kind kind)
    {
        return hit.terms().stream().filter(term -> term.kind() == kind).map(Lexicon.Term::name).distinct().toList();
    }

    /** A metric of the model that counts things. */
    static boolean isCountMetric(SemanticModel model, String name)
    {
        return model.tables().stream().flatMap(table -> table.metrics().stream())
                .anyMatch(metric -> metric.name().equals(name) && metric.countsThings());
    }

    /** Metrics measured in time units (days, hours). */
    static List<String> durationMetrics(SemanticModel model)
    {
        Set<String> names = new LinkedHashSet<>();
        model.tables().forEach(table -> table.metrics().stream()
                .filter(metric -> metric.unit() != null && PLANNER.metricDurationUnits().contains(metric.unit().toLowerCase(Locale.ROOT)))
                .forEach(metric -> names.add(metric.name())));
        return List.copyOf(names);
    }

    /** The canonical words of a metric's name and synonyms. */
    static Set<String> metricWords(SemanticModel model, String metricName)
    {
        Set<String> metricWords = new LinkedHashSet<>();
        for (SemanticTable table : model.tables()) {
            for (Metric metric : table.metrics()) {
                if (metric.name().equals(metricName)) {
                    metricWords.addAll(Lexicon.canonicalWords(metric.name()));
                    metric.synonyms().forEach(synonym -> metricWords.addAll(Lexicon.canonicalWords(synonym)));
                }
            }
        }
        return metricWords;
    }
}
