package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.assistant.proposal.TimeGrain;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.ValueMatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the planner has read of one question so far (docs/architecture.md, "The planner's rules"): the question's
 * words in three forms (normalized, as typed, canonical), which of them are explained ({@code taken}), what each
 * explained phrase was understood as, the time it names, the model phrases and stored values found, and the words
 * that shape the answer. Immutable: every {@link PlannerRule} returns a new reading through the {@code with…} copies.
 *
 * @param question the question as asked
 * @param text the question normalized ({@link TimeExpressions#normalize})
 * @param words the words of {@code text}
 * @param cased the same words as typed (for messages), or {@code words} when they do not line up
 * @param canonical the words singularised ({@link Words#canonical})
 * @param offsets where each word starts in {@code text}
 * @param taken the positions of the words some rule has explained
 * @param time the time the question names, or null before {@link ReadingRules.ReadTime} ran
 * @param roles what some model phrases do in this question besides naming a measure or a grouping
 * @param phrases what each model phrase was read as ({@link ClassifyPhrases})
 */
record Reading(String question, String text, List<String> words, List<String> cased, List<String> canonical, List<Integer> offsets, Set<Integer> taken,
        List<Understood> understood, TimeExpressions.TimeReading time, List<Lexicon.Hit> hits, List<ValueHit> valueHits, Intents intents, Roles roles,
        Phrases phrases)
{
    Reading
    {
        requireNonNull(question, "question is null");
        requireNonNull(text, "text is null");
        words = List.copyOf(words);
        cased = List.copyOf(cased);
        canonical = List.copyOf(canonical);
        offsets = List.copyOf(offsets);
        taken = Set.copyOf(taken);
        understood = List.copyOf(understood);
        hits = List.copyOf(hits);
        valueHits = List.copyOf(valueHits);
        requireNonNull(intents, "intents is null");
        requireNonNull(roles, "roles is null");
        requireNonNull(phrases, "phrases is null");
    }

    /** A value phrase and the equally good stored values it may mean (more than one dimension: ambiguous). */
    record ValueHit(int start, int end, String phrase, List<ValueMatch> matches, boolean negated)
    {
        ValueHit
        {
            requireNonNull(phrase, "phrase is null");
            matches = List.copyOf(matches);
        }

        /** The phrase matches stored values of more than one dimension. */
        boolean ambiguous()
        {
            return matches.stream().map(ValueMatch::dimension).distinct().count() > 1;
        }
    }

    /**
     * The words that shape the answer rather than name data ({@link ReadingRules.ReadIntents}).
     *
     * @param limit "top 5": how many rows, or null
     * @param ascending "bottom", "lowest": lowest first
     * @param superlative "highest", "best" without a number: one winner or a default list, decided by the grouping
     * @param countBeforeDimension "which three states ...": a number right before a dimension phrase, or null
     * @param countBeforeDimensionIndex that number's position, or -1
     * @param insteadOf positions of the phrases after "instead of" / "rather than"
     * @param perPositions positions right after "per" or "for each"
     * @param negations positions of negation words
     * @param compare two periods or two values set against each other ({@link ResolvingRules.ComparePeriods})
     * @param followUp the question refines the previous answer ({@link ResolvingRules.ReadFollowUp})
     */
    record Intents(Integer limit, boolean ascending, boolean superlative, boolean share, boolean growth, boolean chart, boolean average, boolean countCue,
            Integer countBeforeDimension, int countBeforeDimensionIndex, Set<Integer> insteadOf, Set<Integer> perPositions, Set<Integer> negations,
            boolean compare, boolean followUp)
    {
        static final Intents NONE = new Intents(null, false, false, false, false, false, false, false, null, -1, Set.of(), Set.of(), Set.of(), false, false);

        Intents
        {
            // in the order they were read: rules walk them in question order
            insteadOf = Collections.unmodifiableSet(new LinkedHashSet<>(insteadOf));
            perPositions = Collections.unmodifiableSet(new LinkedHashSet<>(perPositions));
            negations = Collections.unmodifiableSet(new LinkedHashSet<>(negations));
        }

        Intents withLimit(Integer rows)
        {
            return new Intents(rows, ascending, superlative, share, growth, chart, average, countCue, countBeforeDimension, countBeforeDimensionIndex,
                    insteadOf, perPositions, negations, compare, followUp);
        }

        Intents withShare(boolean asShare)
        {
            return new Intents(limit, ascending, superlative, asShare, growth, chart, average, countCue, countBeforeDimension, countBeforeDimensionIndex,
                    insteadOf, perPositions, negations, compare, followUp);
        }

        Intents withCompare(boolean compared)
        {
            return new Intents(limit, ascending, superlative, share, growth, chart, average, countCue, countBeforeDimension, countBeforeDimensionIndex,
                    insteadOf, perPositions, negations, compared, followUp);
        }

        Intents withFollowUp(boolean refines)
        {
            return new Intents(limit, ascending, superlative, share, growth, chart, average, countCue, countBeforeDimension, countBeforeDimensionIndex,
                    insteadOf, perPositions, negations, compare, refines);
        }
    }

    /**
     * The part some model phrases play in the question, read before the plan is resolved.
     *
     * @param qualifiers dimension phrases that say which dimension a value next to them belongs to ("state SP"): not groupings
     * @param ratios "revenue per canceled order": the hit before "per" mapped to the model's ratio metric, the filter after it to ""
     * @param duration "how long ... take": a duration question
     * @param countedHead the phrase a "how many" / "number of" question counts, or null
     */
    record Roles(Set<Lexicon.Hit> qualifiers, Map<Lexicon.Hit, String> ratios, boolean duration, Lexicon.Hit countedHead)
    {
        static final Roles NONE = new Roles(Set.of(), Map.of(), false, null);

        Roles
        {
            qualifiers = Set.copyOf(qualifiers);
            ratios = Map.copyOf(ratios);
        }
    }

    /**
     * What the model phrases of the question were read as ({@link ClassifyPhrases}).
     *
     * @param metrics the metrics named, in question order
     * @param removedMetrics metrics named after "instead of": not wanted
     * @param metricChoices phrases that name several metrics equally well
     * @param dimensionChoices groupings, each with the dimensions its phrase may mean
     * @param distinctDimensions dimensions whose distinct values are counted ("how many cities")
     * @param filters the named filters used
     * @param denominators metrics after "per": what the measure is divided by
     * @param excludedMetrics metrics after "without": left out of another one
     * @param grain the time grain asked for, or null
     * @param timeDimension the time dimension named, or null
     */
    record Phrases(List<String> metrics, List<String> removedMetrics, List<List<String>> metricChoices, List<List<String>> dimensionChoices,
            List<String> distinctDimensions, List<PlanSpec.FilterUse> filters, List<String> denominators, List<String> excludedMetrics, TimeGrain grain,
            String timeDimension)
    {
        static final Phrases NONE = new Phrases(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);

        Phrases
        {
            metrics = List.copyOf(metrics);
            removedMetrics = List.copyOf(removedMetrics);
            metricChoices = metricChoices.stream().map(List::copyOf).toList();
            dimensionChoices = dimensionChoices.stream().map(List::copyOf).toList();
            distinctDimensions = List.copyOf(distinctDimensions);
            filters = List.copyOf(filters);
            denominators = List.copyOf(denominators);
            excludedMetrics = List.copyOf(excludedMetrics);
        }

        Phrases withMetrics(List<String> names)
        {
            return new Phrases(names, removedMetrics, metricChoices, dimensionChoices, distinctDimensions, filters, denominators, excludedMetrics, grain,
                    timeDimension);
        }

        Phrases withMetricChoices(List<List<String>> choices)
        {
            return new Phrases(metrics, removedMetrics, choices, dimensionChoices, distinctDimensions, filters, denominators, excludedMetrics, grain,
                    timeDimension);
        }

        Phrases withDimensionChoices(List<List<String>> choices)
        {
            return new Phrases(metrics, removedMetrics, metricChoices, choices, distinctDimensions, filters, denominators, excludedMetrics, grain,
                    timeDimension);
        }

        Phrases withFilters(List<PlanSpec.FilterUse> uses)
        {
            return new Phrases(metrics, removedMetrics, metricChoices, dimensionChoices, distinctDimensions, uses, denominators, excludedMetrics, grain,
                    timeDimension);
        }

        Phrases withGrain(TimeGrain timeGrain)
        {
            return new Phrases(metrics, removedMetrics, metricChoices, dimensionChoices, distinctDimensions, filters, denominators, excludedMetrics, timeGrain,
                    timeDimension);
        }

        /** No metric, metric choice or distinct count is named. */
        boolean namesNoMeasure()
        {
            return metrics.isEmpty() && metricChoices.isEmpty() && distinctDimensions.isEmpty();
        }
    }

    /** A question read for the first time: its words, nothing explained yet. */
    static Reading of(String question, String text)
    {
        List<String> words = List.of(text.split(" "));
        String casedText = question.replace('\u2019', '\'')
                .replaceAll("[?!;\"()\\[\\]{}]", " ")
                .replaceAll("(?<!\\d),|,(?!\\d)", " ")
                .replaceAll("\\.(?!\\d)", " ")
                .replaceAll("'s\\b", "")
                .replace("'", " ")
                .replaceAll("\\s+", " ").trim();
        List<String> casedWords = List.of(casedText.split(" "));
        List<String> cased = casedWords.size() == words.size() ? casedWords : words;
        List<String> canonical = words.stream().map(Words::canonical).toList();
        List<Integer> offsets = new ArrayList<>();
        int position = 0;
        for (String word : words) {
            int offset = text.indexOf(word, position);
            offsets.add(offset);
            position = offset + word.length();
        }
        return new Reading(question, text, words, cased, canonical, offsets, Set.of(), List.of(), null, List.of(), List.of(), Intents.NONE, Roles.NONE, Phrases.NONE);
    }

    /** This reading with exactly these positions explained. */
    Reading withTaken(Set<Integer> explained)
    {
        return new Reading(question, text, words, cased, canonical, offsets, explained, understood, time, hits, valueHits, intents, roles, phrases);
    }

    /** This reading with the words of these model phrases explained too. */
    Reading explainHits(List<Lexicon.Hit> found)
    {
        Set<Integer> positions = new LinkedHashSet<>(taken);
        found.forEach(hit -> {
            for (int i = hit.start(); i < hit.end(); i++) {
                positions.add(i);
            }
        });
        return withTaken(positions);
    }

    /** True when some rule has explained the word at {@code position}. */
    boolean explained(int position)
    {
        return taken.contains(position);
    }

    /** This reading with the word at {@code position} explained. */
    Reading explain(int position)
    {
        Set<Integer> positions = new LinkedHashSet<>(taken);
        positions.add(position);
        return new Reading(question, text, words, cased, canonical, offsets, positions, understood, time, hits, valueHits, intents, roles, phrases);
    }

    /** This reading with one more explained phrase. */
    Reading withUnderstood(Understood more)
    {
        return withUnderstood(List.of(more));
    }

    /**
     * The value filters of the value phrases that match one dimension only, one filter per dimension with its values
     * in question order; negated when any of its phrases is.
     */
    List<PlanSpec.ValueFilter> valueFilters()
    {
        Map<String, List<String>> valuesByDimension = new LinkedHashMap<>();
        Map<String, Boolean> negatedDimension = new LinkedHashMap<>();
        for (ValueHit hit : valueHits) {
            if (hit.ambiguous()) {
                continue;
            }
            String dimension = hit.matches().get(0).dimension();
            List<String> values = valuesByDimension.computeIfAbsent(dimension, key -> new ArrayList<>());
            hit.matches().forEach(match -> {
                if (!values.contains(match.value())) {
                    values.add(match.value());
                }
            });
            negatedDimension.merge(dimension, hit.negated(), Boolean::logicalOr);
        }
        List<PlanSpec.ValueFilter> filters = new ArrayList<>();
        valuesByDimension.forEach((dimension, values) -> filters.add(new PlanSpec.ValueFilter(dimension, values, negatedDimension.get(dimension))));
        return List.copyOf(filters);
    }

    /** The value phrases that match stored values of several dimensions, settled once the plan's table is known. */
    List<ValueHit> ambiguousValues()
    {
        return valueHits.stream().filter(ValueHit::ambiguous).toList();
    }

    Reading withUnderstood(List<Understood> more)
    {
        List<Understood> all = new ArrayList<>(understood);
        all.addAll(more);
        return new Reading(question, text, words, cased, canonical, offsets, taken, all, time, hits, valueHits, intents, roles, phrases);
    }

    Reading withTime(TimeExpressions.TimeReading reading)
    {
        return new Reading(question, text, words, cased, canonical, offsets, taken, understood, requireNonNull(reading, "reading is null"), hits, valueHits, intents, roles, phrases);
    }

    /** The hits found so far plus {@code more}, in the order of the question. */
    Reading withHits(List<Lexicon.Hit> more)
    {
        List<Lexicon.Hit> all = new ArrayList<>(hits);
        all.addAll(more);
        all.sort((left, right) -> Integer.compare(left.start(), right.start()));
        return new Reading(question, text, words, cased, canonical, offsets, taken, understood, time, all, valueHits, intents, roles, phrases);
    }

    /** Only the given hits (some found earlier turned out to be something else), in the order given. */
    Reading withOnlyHits(List<Lexicon.Hit> kept)
    {
        return new Reading(question, text, words, cased, canonical, offsets, taken, understood, time, kept, valueHits, intents, roles, phrases);
    }

    Reading withValueHits(List<ValueHit> found)
    {
        return new Reading(question, text, words, cased, canonical, offsets, taken, understood, time, hits, found, intents, roles, phrases);
    }

    Reading withRoles(Roles read)
    {
        return new Reading(question, text, words, cased, canonical, offsets, taken, understood, time, hits, valueHits, intents, read, phrases);
    }

    Reading withPhrases(Phrases read)
    {
        return new Reading(question, text, words, cased, canonical, offsets, taken, understood, time, hits, valueHits, intents, roles, read);
    }

    Reading withIntents(Intents read)
    {
        return new Reading(question, text, words, cased, canonical, offsets, taken, understood, time, hits, valueHits, read, roles, phrases);
    }
}
