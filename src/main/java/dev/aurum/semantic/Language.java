package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The language questions are read in: its function words and shape words, from {@code language/en.yaml} in the
 * resources, loaded once (docs/architecture.md, "Questions out"). Words of a domain are in its model's
 * {@link Vocabulary}; this holds only the language.
 *
 * @param stopWords the one stop-word list: never content, never looked up as values
 * @param fillerWords the stop words the trusted-query matcher drops (a subset of stopWords)
 * @param functionWords bare function words no model name is looked up by (a subset of stopWords)
 * @param intentWords words that steer the shape of the answer; never typo-matched to model names
 * @param retrievalStopWords words that never select a part of the schema for the LLM's prompt
 * @param numberWords number words a question may use for a count ("top five")
 * @param columnFillerWords words that say nothing about which column a statistics request means
 * @param valueNoiseWords words left out when a question's words are compared with a column's values
 * @param time the words of time phrases, combined by dev.aurum.assistant.offline.TimeExpressions
 * @param hypothesis the cue words of hypothesis-test questions, combined by dev.aurum.assistant.HypothesisQuestions
 * @param cues the words that shape the planner's reading (ranking, share, growth, negation, comparison), read by
 *        dev.aurum.assistant.offline's rules
 * @param planner the words the planner's rules test in place (prepositions, question openers, follow-up and refusal
 *        phrases), read by dev.aurum.assistant.offline
 * @param labels templates of what the planner writes into its readings and period labels, {name} filled in
 * @param init the column-name guesses of dev.aurum.init and the synonyms it drafts
 */
public record Language(
        @JsonProperty("stop_words") Set<String> stopWords,
        @JsonProperty("filler_words") Set<String> fillerWords,
        @JsonProperty("function_words") Set<String> functionWords,
        @JsonProperty("intent_words") Set<String> intentWords,
        @JsonProperty("retrieval_stop_words") Set<String> retrievalStopWords,
        @JsonProperty("number_words") Map<String, Integer> numberWords,
        @JsonProperty("column_filler_words") Set<String> columnFillerWords,
        @JsonProperty("value_noise_words") Set<String> valueNoiseWords,
        @JsonProperty("time") TimeWords time,
        @JsonProperty("hypothesis") HypothesisWords hypothesis,
        @JsonProperty("cues") Cues cues,
        @JsonProperty("planner") PlannerWords planner,
        @JsonProperty("labels") Map<String, String> labels,
        @JsonProperty("init") InitWords init)
{
    private static final String RESOURCE = "language/en.yaml";

    public Language
    {
        stopWords = lower(requireNonNull(stopWords, "stop_words is null"));
        fillerWords = lower(requireNonNull(fillerWords, "filler_words is null"));
        intentWords = lower(requireNonNull(intentWords, "intent_words is null"));
        retrievalStopWords = lower(requireNonNull(retrievalStopWords, "retrieval_stop_words is null"));
        Set<String> stops = stopWords;
        Set<String> strays = fillerWords.stream().filter(word -> !stops.contains(word)).collect(Collectors.toSet());
        if (!strays.isEmpty()) {
            throw new IllegalArgumentException("filler_words must be stop_words too: " + strays);
        }
        functionWords = lower(requireNonNull(functionWords, "function_words is null"));
        Set<String> strayFunctionWords = functionWords.stream().filter(word -> !stops.contains(word)).collect(Collectors.toSet());
        if (!strayFunctionWords.isEmpty()) {
            throw new IllegalArgumentException("function_words must be stop_words too: " + strayFunctionWords);
        }
        numberWords = ordered(requireNonNull(numberWords, "number_words is null"));
        columnFillerWords = lower(requireNonNull(columnFillerWords, "column_filler_words is null"));
        valueNoiseWords = lower(requireNonNull(valueNoiseWords, "value_noise_words is null"));
        requireNonNull(time, "time is null");
        requireNonNull(hypothesis, "hypothesis is null");
        requireNonNull(cues, "cues is null");
        requireNonNull(planner, "planner is null");
        labels = ordered(requireNonNull(labels, "labels is null"));
        requireNonNull(init, "init is null");
    }

    /**
     * The label template {@code key} with each {@code {name}} replaced: {@code label("since", "start", date)}.
     *
     * @param namesAndValues a placeholder's name, then its value, for each placeholder
     */
    public String label(String key, Object... namesAndValues)
    {
        String template = labels.get(key);
        if (template == null) {
            throw new IllegalStateException("the language file has no label '" + key + "' under 'labels:'");
        }
        return fill(template, namesAndValues);
    }

    /** The template with each {@code {name}} replaced by its value. */
    public static String fill(String template, Object... namesAndValues)
    {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a placeholder without a value in " + template);
        }
        String text = template;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            text = text.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
        }
        return text;
    }

    /** English, read once from the resources. */
    public static Language english()
    {
        return English.LANGUAGE;
    }

    /**
     * The one singulariser: the singular-ish form words are matched in ("categories" → "category", "orders" →
     * "order", "watches" → "watch"); "ss", "us" and "is" endings and short words stay.
     */
    public static String singular(String word)
    {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    static Language read(InputStream in)
            throws IOException
    {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper.readValue(in, Language.class);
    }

    private static Set<String> lower(Set<String> words)
    {
        return words.stream().map(word -> word.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Lower-case phrases in the order the file gives them (the order alternatives are tried in). */
    private static List<String> phrases(List<String> words, String name)
    {
        requireNonNull(words, () -> name + " is null");
        if (words.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        return words.stream().map(word -> word.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static String phrase(String word, String name)
    {
        requireNonNull(word, () -> name + " is null");
        if (word.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return word.strip().toLowerCase(Locale.ROOT);
    }

    /** Lower-case keys in the order the file gives them. */
    private static <V> Map<String, V> ordered(Map<String, V> words)
    {
        Map<String, V> copy = new LinkedHashMap<>();
        words.forEach((word, value) -> copy.put(word.strip().toLowerCase(Locale.ROOT), requireNonNull(value, () -> "no value for " + word)));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("an empty word list");
        }
        return Collections.unmodifiableMap(copy);
    }

    private static <V> Map<String, V> ordered(Map<String, V> words, String name)
    {
        return ordered(requireNonNull(words, () -> name + " is null"));
    }

    /**
     * The words of time phrases (en.yaml, "time"). Grains are named as in the semantic model (day, week, month,
     * quarter, year); lists keep the file's order, the order a pattern tries its alternatives in.
     */
    public record TimeWords(
            @JsonProperty("months") Map<String, Integer> months,
            @JsonProperty("day_suffixes") List<String> daySuffixes,
            @JsonProperty("quarter_ordinals") Map<String, Integer> quarterOrdinals,
            @JsonProperty("quarter_letter") String quarterLetter,
            @JsonProperty("units") Map<String, String> units,
            @JsonProperty("plural_ending") String pluralEnding,
            @JsonProperty("of") String of,
            @JsonProperty("the") String the,
            @JsonProperty("last_n") List<String> lastN,
            @JsonProperty("previous") List<String> previous,
            @JsonProperty("current") List<String> current,
            @JsonProperty("to_date_units") List<String> toDateUnits,
            @JsonProperty("to_date") String toDate,
            @JsonProperty("to_date_abbreviations") Map<String, String> toDateAbbreviations,
            @JsonProperty("days") Map<String, Integer> days,
            @JsonProperty("leads") List<String> leads,
            @JsonProperty("between") List<String> between,
            @JsonProperty("between_and") List<String> betweenAnd,
            @JsonProperty("range_from") List<String> rangeFrom,
            @JsonProperty("range_to") List<String> rangeTo,
            @JsonProperty("range_through") List<String> rangeThrough,
            @JsonProperty("since") Map<String, Boolean> since,
            @JsonProperty("until") Map<String, Boolean> until,
            @JsonProperty("versus") List<String> versus,
            @JsonProperty("growth_against") List<String> growthAgainst,
            @JsonProperty("preceding") List<String> preceding,
            @JsonProperty("period") String period,
            @JsonProperty("growth_against_before") List<String> growthAgainstBefore,
            @JsonProperty("before") List<String> before,
            @JsonProperty("change_verbs") List<String> changeVerbs,
            @JsonProperty("growth_names") Map<String, String> growthNames,
            @JsonProperty("grain_adjectives") Map<String, String> grainAdjectives,
            @JsonProperty("grain_leads") List<String> grainLeads,
            @JsonProperty("grain_nouns") Map<String, String> grainNouns,
            @JsonProperty("grain_step") String grainStep,
            @JsonProperty("trend") List<String> trend)
    {
        public TimeWords
        {
            months = ordered(months, "time.months");
            daySuffixes = phrases(daySuffixes, "time.day_suffixes");
            quarterOrdinals = ordered(quarterOrdinals, "time.quarter_ordinals");
            quarterLetter = phrase(quarterLetter, "time.quarter_letter");
            units = ordered(units, "time.units");
            pluralEnding = phrase(pluralEnding, "time.plural_ending");
            of = phrase(of, "time.of");
            the = phrase(the, "time.the");
            lastN = phrases(lastN, "time.last_n");
            previous = phrases(previous, "time.previous");
            current = phrases(current, "time.current");
            toDateUnits = phrases(toDateUnits, "time.to_date_units");
            toDate = phrase(toDate, "time.to_date");
            toDateAbbreviations = ordered(toDateAbbreviations, "time.to_date_abbreviations");
            days = ordered(days, "time.days");
            leads = phrases(leads, "time.leads");
            between = phrases(between, "time.between");
            betweenAnd = phrases(betweenAnd, "time.between_and");
            rangeFrom = phrases(rangeFrom, "time.range_from");
            rangeTo = phrases(rangeTo, "time.range_to");
            rangeThrough = phrases(rangeThrough, "time.range_through");
            since = ordered(since, "time.since");
            until = ordered(until, "time.until");
            versus = phrases(versus, "time.versus");
            growthAgainst = phrases(growthAgainst, "time.growth_against");
            preceding = phrases(preceding, "time.preceding");
            period = phrase(period, "time.period");
            growthAgainstBefore = phrases(growthAgainstBefore, "time.growth_against_before");
            before = phrases(before, "time.before");
            changeVerbs = phrases(changeVerbs, "time.change_verbs");
            growthNames = ordered(growthNames, "time.growth_names");
            grainAdjectives = ordered(grainAdjectives, "time.grain_adjectives");
            grainLeads = phrases(grainLeads, "time.grain_leads");
            grainNouns = ordered(grainNouns, "time.grain_nouns");
            grainStep = phrase(grainStep, "time.grain_step");
            trend = phrases(trend, "time.trend");
            Set<String> unitWords = units.keySet();
            List<String> strays = toDateUnits.stream().filter(unit -> !unitWords.contains(unit)).toList();
            if (!strays.isEmpty() || !unitWords.containsAll(toDateAbbreviations.values())) {
                throw new IllegalArgumentException("time.to_date_units and time.to_date_abbreviations must name time.units");
            }
        }
    }

    /** The cue words of hypothesis-test questions (en.yaml, "hypothesis"), in the file's order. */
    public record HypothesisWords(
            @JsonProperty("be") List<String> be,
            @JsonProperty("do") List<String> auxiliary,
            @JsonProperty("degree") List<String> degree,
            @JsonProperty("different") List<String> different,
            @JsonProperty("differ") List<String> differ,
            @JsonProperty("across") List<String> across,
            @JsonProperty("differ_across") List<String> differAcross,
            @JsonProperty("significant") List<String> significant,
            @JsonProperty("statistically") String statistically,
            @JsonProperty("difference") List<String> difference,
            @JsonProperty("related") List<String> related,
            @JsonProperty("related_to") List<String> relatedTo,
            @JsonProperty("depend") List<String> depend,
            @JsonProperty("depend_on") String dependOn,
            @JsonProperty("tests") List<String> tests)
    {
        public HypothesisWords
        {
            be = phrases(be, "hypothesis.be");
            auxiliary = phrases(auxiliary, "hypothesis.do");
            degree = phrases(degree, "hypothesis.degree");
            different = phrases(different, "hypothesis.different");
            differ = phrases(differ, "hypothesis.differ");
            across = phrases(across, "hypothesis.across");
            differAcross = phrases(differAcross, "hypothesis.differ_across");
            significant = phrases(significant, "hypothesis.significant");
            statistically = phrase(statistically, "hypothesis.statistically");
            difference = phrases(difference, "hypothesis.difference");
            related = phrases(related, "hypothesis.related");
            relatedTo = phrases(relatedTo, "hypothesis.related_to");
            depend = phrases(depend, "hypothesis.depend");
            dependOn = phrase(dependOn, "hypothesis.depend_on");
            tests = phrases(tests, "hypothesis.tests");
        }
    }

    /**
     * The words that shape the planner's reading (en.yaml, "cues"): ranking direction, share, growth, chart, negation,
     * what "how many" counts, comparison, "each"/"every", and the words a reading must use or abstain.
     */
    public record Cues(
            @JsonProperty("top") Set<String> top,
            @JsonProperty("bottom") Set<String> bottom,
            @JsonProperty("share") Set<String> share,
            @JsonProperty("growth") Set<String> growth,
            @JsonProperty("chart") Set<String> chart,
            @JsonProperty("negations") Set<String> negations,
            @JsonProperty("count") Set<String> count,
            @JsonProperty("comparison") Set<String> comparison,
            @JsonProperty("each") Set<String> each,
            @JsonProperty("shape") Set<String> shape)
    {
        public Cues
        {
            top = words(top, "cues.top");
            bottom = words(bottom, "cues.bottom");
            share = words(share, "cues.share");
            growth = words(growth, "cues.growth");
            chart = words(chart, "cues.chart");
            negations = words(negations, "cues.negations");
            count = words(count, "cues.count");
            comparison = words(comparison, "cues.comparison");
            each = words(each, "cues.each");
            shape = words(shape, "cues.shape");
        }

        private static Set<String> words(Set<String> words, String name)
        {
            requireNonNull(words, () -> name + " is null");
            if (words.isEmpty()) {
                throw new IllegalArgumentException(name + " is empty");
            }
            return lower(words);
        }
    }

    /**
     * The words the offline planner's rules test in place (en.yaml, "planner"): where such a word sits decides what
     * the phrase next to it is. Lists keep the file's order; several words are one phrase.
     */
    public record PlannerWords(
            @JsonProperty("unit_leads") List<String> unitLeads,
            @JsonProperty("ranked") List<String> ranked,
            @JsonProperty("average") List<String> average,
            @JsonProperty("instead") List<String> instead,
            @JsonProperty("instead_links") List<String> insteadLinks,
            @JsonProperty("per") List<String> per,
            @JsonProperty("ratio_word") String ratioWord,
            @JsonProperty("average_word") String averageWord,
            @JsonProperty("negation_needs") Map<String, String> negationNeeds,
            @JsonProperty("value_links") List<String> valueLinks,
            @JsonProperty("exclusion_links") List<String> exclusionLinks,
            @JsonProperty("grouping_leads") List<String> groupingLeads,
            @JsonProperty("duration_asks") List<String> durationAsks,
            @JsonProperty("duration_count_asks") List<String> durationCountAsks,
            @JsonProperty("duration_verbs") List<String> durationVerbs,
            @JsonProperty("duration_units") List<String> durationUnits,
            @JsonProperty("metric_duration_units") List<String> metricDurationUnits,
            @JsonProperty("count_asks") List<String> countAsks,
            @JsonProperty("count_skips") List<String> countSkips,
            @JsonProperty("conjunctions") List<String> conjunctions,
            @JsonProperty("source_leads") List<String> sourceLeads,
            @JsonProperty("agent_lead") String agentLead,
            @JsonProperty("of") String of,
            @JsonProperty("articles") List<String> articles,
            @JsonProperty("exclusion_articles") List<String> exclusionArticles,
            @JsonProperty("exclusions") List<String> exclusions,
            @JsonProperty("amounts") List<String> amounts,
            @JsonProperty("amounts_after_only") List<String> amountsAfterOnly,
            @JsonProperty("amount_asks") List<String> amountAsks,
            @JsonProperty("count_word") String countWord,
            @JsonProperty("single_winner") List<String> singleWinner,
            @JsonProperty("one_of") List<String> oneOf,
            @JsonProperty("filter_leads") List<String> filterLeads,
            @JsonProperty("number_filter_leads") List<String> numberFilterLeads,
            @JsonProperty("rate_of_filter") List<String> rateOfFilter,
            @JsonProperty("follow_up") List<String> followUp,
            @JsonProperty("follow_up_without_measure") List<String> followUpWithoutMeasure,
            @JsonProperty("forecast") List<String> forecast,
            @JsonProperty("polite") List<String> polite,
            @JsonProperty("action_openers") List<String> actionOpeners,
            @JsonProperty("actions") List<String> actions)
    {
        public PlannerWords
        {
            unitLeads = phrases(unitLeads, "planner.unit_leads");
            ranked = phrases(ranked, "planner.ranked");
            average = phrases(average, "planner.average");
            instead = phrases(instead, "planner.instead");
            insteadLinks = phrases(insteadLinks, "planner.instead_links");
            per = phrases(per, "planner.per");
            ratioWord = phrase(ratioWord, "planner.ratio_word");
            averageWord = phrase(averageWord, "planner.average_word");
            negationNeeds = ordered(negationNeeds, "planner.negation_needs");
            valueLinks = phrases(valueLinks, "planner.value_links");
            exclusionLinks = phrases(exclusionLinks, "planner.exclusion_links");
            groupingLeads = phrases(groupingLeads, "planner.grouping_leads");
            durationAsks = phrases(durationAsks, "planner.duration_asks");
            durationCountAsks = phrases(durationCountAsks, "planner.duration_count_asks");
            durationVerbs = phrases(durationVerbs, "planner.duration_verbs");
            durationUnits = phrases(durationUnits, "planner.duration_units");
            metricDurationUnits = phrases(metricDurationUnits, "planner.metric_duration_units");
            countAsks = phrases(countAsks, "planner.count_asks");
            countSkips = phrases(countSkips, "planner.count_skips");
            conjunctions = phrases(conjunctions, "planner.conjunctions");
            sourceLeads = phrases(sourceLeads, "planner.source_leads");
            agentLead = phrase(agentLead, "planner.agent_lead");
            of = phrase(of, "planner.of");
            articles = phrases(articles, "planner.articles");
            exclusionArticles = phrases(exclusionArticles, "planner.exclusion_articles");
            exclusions = phrases(exclusions, "planner.exclusions");
            amounts = phrases(amounts, "planner.amounts");
            amountsAfterOnly = phrases(amountsAfterOnly, "planner.amounts_after_only");
            amountAsks = phrases(amountAsks, "planner.amount_asks");
            countWord = phrase(countWord, "planner.count_word");
            singleWinner = phrases(singleWinner, "planner.single_winner");
            oneOf = phrases(oneOf, "planner.one_of");
            filterLeads = phrases(filterLeads, "planner.filter_leads");
            numberFilterLeads = phrases(numberFilterLeads, "planner.number_filter_leads");
            rateOfFilter = phrases(rateOfFilter, "planner.rate_of_filter");
            followUp = phrases(followUp, "planner.follow_up");
            followUpWithoutMeasure = phrases(followUpWithoutMeasure, "planner.follow_up_without_measure");
            forecast = phrases(forecast, "planner.forecast");
            polite = phrases(polite, "planner.polite");
            actionOpeners = phrases(actionOpeners, "planner.action_openers");
            actions = phrases(actions, "planner.actions");
        }
    }

    /**
     * The guesses of {@code aurum init} (en.yaml, "init"): one part of a snake_case column name that says money or an
     * identifier, and the synonym templates of the metrics it drafts ({words}, {singular}).
     */
    public record InitWords(
            @JsonProperty("money_column_words") List<String> moneyColumnWords,
            @JsonProperty("identifier_endings") List<String> identifierEndings,
            @JsonProperty("count_synonyms") List<String> countSynonyms,
            @JsonProperty("sum_synonyms") List<String> sumSynonyms,
            @JsonProperty("average_synonyms") List<String> averageSynonyms,
            @JsonProperty("integer_sum_synonyms") List<String> integerSumSynonyms,
            @JsonProperty("distinct_synonyms") List<String> distinctSynonyms)
    {
        public InitWords
        {
            moneyColumnWords = phrases(moneyColumnWords, "init.money_column_words");
            identifierEndings = phrases(identifierEndings, "init.identifier_endings");
            countSynonyms = phrases(countSynonyms, "init.count_synonyms");
            sumSynonyms = phrases(sumSynonyms, "init.sum_synonyms");
            averageSynonyms = phrases(averageSynonyms, "init.average_synonyms");
            integerSumSynonyms = phrases(integerSumSynonyms, "init.integer_sum_synonyms");
            distinctSynonyms = phrases(distinctSynonyms, "init.distinct_synonyms");
        }

        /** Each template with {words} and {singular} filled in. */
        public static List<String> synonyms(List<String> templates, String words)
        {
            return templates.stream().map(template -> fill(template, "words", words, "singular", singular(words))).toList();
        }
    }

    /** Holder: the resource is read on first use, once. */
    private static final class English
    {
        private static final Language LANGUAGE = load();

        private static Language load()
        {
            try (InputStream in = Language.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the language resource " + RESOURCE + " is missing from the class path; rebuild the jar");
                }
                return read(in);
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read the language resource " + RESOURCE + ": " + e.getMessage(), e);
            }
        }
    }
}
