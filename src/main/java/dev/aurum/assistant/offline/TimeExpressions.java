package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.DateRange;
import dev.aurum.assistant.proposal.TimeGrain;
import dev.aurum.semantic.Language;
import dev.aurum.semantic.Language.TimeWords;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Finds time in a question: absolute periods ("in 2017", "Q4 2017", "March 2018", "2018-03-15", "between ... and
 * ...", "from ... to ...", "since ..."), relative periods anchored at the data date per docs/architecture.md ("last month",
 * "last 30 days", "this year", "year to date", "last quarter"), grains ("monthly", "by quarter", "each month") and
 * growth markers ("MoM", "year over year", "growth"). Public so the router can fill verified-query parameters with
 * it. Works on lower-case text; use {@link #normalize(String)} first.
 */
public final class TimeExpressions
{
    /** The words, from the language file (src/main/resources/language/en.yaml, "time"); this class is the grammar. */
    private static final TimeWords WORDS = Language.english().time();
    /** What it writes into readings and period labels (en.yaml, "labels"). */
    private static final Language LABELS = Language.english();

    private static final String MONTH_NAME = any(WORDS.months().keySet());
    private static final String ORDINAL_QUARTER = any(WORDS.quarterOrdinals().keySet());
    private static final String YEAR = "(?:19|20)\\d{2}";
    private static final String UNIT_WORD = any(WORDS.units().keySet());
    private static final String UNIT = UNIT_WORD + optional(WORDS.pluralEnding());
    private static final String DAY_SUFFIX = any(WORDS.daySuffixes()) + "?";
    private static final String OF = optional(words(WORDS.of()) + "\\s+");
    private static final String THE = optional(words(WORDS.the()) + "\\s+");
    private static final String Q = Pattern.quote(WORDS.quarterLetter());
    private static final String QUARTER_WORD = words(unitWord(TimeGrain.QUARTER));

    /** One period: absolute or relative. Order matters: longer forms first. */
    private static final String PERIOD = "(?:"
            + "\\d{4}-\\d{1,2}-\\d{1,2}"
            + "|" + MONTH_NAME + "\\s+\\d{1,2}" + DAY_SUFFIX + ",?\\s+" + YEAR
            + "|\\d{1,2}" + DAY_SUFFIX + "\\s+" + OF + MONTH_NAME + ",?\\s+" + YEAR
            + "|" + YEAR + "-\\d{2}(?!\\d)"
            + "|" + MONTH_NAME + "\\s+" + OF + YEAR
            + "|" + Q + "[1-4]\\s*" + OF + YEAR
            + "|" + YEAR + "\\s*-?\\s*" + Q + "[1-4]"
            + "|" + ORDINAL_QUARTER + "\\s+" + QUARTER_WORD + "\\s+" + OF + YEAR
            + "|" + Q + "[1-4]|" + ORDINAL_QUARTER + "\\s+" + QUARTER_WORD
            + "|" + THE + any(WORDS.lastN()) + "\\s+\\d+\\s+" + UNIT
            + "|" + THE + any(WORDS.previous()) + "\\s+" + UNIT_WORD
            + "|" + any(WORDS.current()) + "\\s+" + UNIT_WORD
            + "|" + any(WORDS.toDateUnits()) + "\\s+" + words(WORDS.toDate()) + "|" + any(WORDS.toDateAbbreviations().keySet())
            + "|" + any(WORDS.days().keySet())
            + "|" + YEAR
            + ")";

    private static final String LEAD = optional(any(WORDS.leads()) + "\\s+") + THE;

    private static final Pattern BETWEEN = Pattern.compile("\\b" + LEAD + any(WORDS.between()) + "\\s+(" + PERIOD + ")\\s+" + any(WORDS.betweenAnd())
            + "\\s+(" + PERIOD + ")\\b");
    private static final Pattern FROM_TO = Pattern.compile("\\b" + LEAD + "(?:" + any(WORDS.rangeFrom()) + "\\s+(" + PERIOD + ")\\s+" + any(WORDS.rangeTo())
            + "|(" + PERIOD + ")\\s+" + any(WORDS.rangeThrough()) + ")\\s+(" + PERIOD + ")\\b");
    /** "from February to May 2017", "August through November 2018": a month span whose first month borrows the year. */
    private static final Pattern MONTH_SPAN = Pattern.compile("\\b" + LEAD + optional(any(concat(WORDS.rangeFrom(), WORDS.between())) + "\\s+")
            + "(" + MONTH_NAME + ")\\s+" + any(WORDS.rangeTo()) + "\\s+(" + MONTH_NAME + ")\\s+" + OF + "(" + YEAR + ")\\b");
    private static final Pattern SINCE = Pattern.compile("\\b(?<opener>" + any(WORDS.since().keySet()) + ")\\s+(" + PERIOD + ")\\b");
    private static final Pattern BEFORE = Pattern.compile("\\b(?<opener>" + any(WORDS.until().keySet()) + ")\\s+(" + PERIOD + ")\\b");
    private static final Pattern VERSUS = Pattern.compile("\\b" + LEAD + "(" + PERIOD + ")\\s+" + any(WORDS.versus()) + "\\s+" + THE + "(" + PERIOD + ")\\b");
    private static final Pattern SINGLE = Pattern.compile("\\b" + LEAD + "(" + PERIOD + ")\\b");

    private static final Pattern GROWTH_VERSUS_PREVIOUS = Pattern.compile(
            "\\b" + any(WORDS.growthAgainst()) + "\\s+" + THE + any(WORDS.preceding()) + "\\s+(" + any(concat(List.copyOf(WORDS.units().keySet()), List.of(WORDS.period()))) + ")\\b");
    /** "versus the quarter before", "against the year earlier": growth against the period just before. */
    private static final Pattern GROWTH_VERSUS_BEFORE = Pattern.compile(
            "\\b" + any(WORDS.growthAgainstBefore()) + "\\s+" + THE + "(" + UNIT_WORD + ")\\s+" + any(WORDS.before()) + "\\b");
    /** A change verb right before "from A to B": the two periods are compared, not joined into one range. */
    private static final Pattern CHANGE_BEFORE = Pattern.compile("\\b" + any(WORDS.changeVerbs()) + "\\s*$");
    private static final Pattern GROWTH_NAMED = Pattern.compile("\\b(" + any(WORDS.growthNames().keySet()) + ")\\b");
    private static final Pattern GRAIN = Pattern.compile(
            "\\b(?:(" + any(WORDS.grainAdjectives().keySet()) + ")"
                    + "|" + any(WORDS.grainLeads()) + "\\s+" + THE + "(" + any(WORDS.grainNouns().keySet()) + ")" + optional(WORDS.pluralEnding())
                    + "|(" + UNIT_WORD + ")\\s+" + words(WORDS.grainStep()) + "\\s+" + UNIT_WORD + ")\\b(?!\\s+" + words(WORDS.of()) + "\\b)");
    private static final Pattern TREND = Pattern.compile("\\b" + any(WORDS.trend()) + "\\b");

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(" + MONTH_NAME + ")\\s+(\\d{1,2})" + DAY_SUFFIX + ",?\\s+(" + YEAR + ")");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})" + DAY_SUFFIX + "\\s+" + OF + "(" + MONTH_NAME + "),?\\s+(" + YEAR + ")");
    private static final Pattern YEAR_MONTH = Pattern.compile("(" + YEAR + ")-(\\d{2})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(" + MONTH_NAME + ")\\s+" + OF + "(" + YEAR + ")");
    private static final Pattern QUARTER_YEAR = Pattern.compile(Q + "([1-4])\\s*" + OF + "(" + YEAR + ")");
    private static final Pattern YEAR_QUARTER = Pattern.compile("(" + YEAR + ")\\s*-?\\s*" + Q + "([1-4])");
    private static final Pattern ORDINAL_QUARTER_YEAR = Pattern.compile("(" + ORDINAL_QUARTER + ")\\s+" + QUARTER_WORD + "\\s+" + OF + "(" + YEAR + ")");
    private static final Pattern QUARTER_ALONE = Pattern.compile(Q + "([1-4])|(" + ORDINAL_QUARTER + ")\\s+" + QUARTER_WORD);
    private static final Pattern LAST_N = Pattern.compile(any(WORDS.lastN()) + "\\s+(\\d+)\\s+(" + UNIT_WORD + ")" + optional(WORDS.pluralEnding()));
    private static final Pattern PREVIOUS = Pattern.compile(any(WORDS.previous()) + "\\s+(" + UNIT_WORD + ")");
    private static final Pattern CURRENT = Pattern.compile(any(WORDS.current()) + "\\s+(" + UNIT_WORD + ")");
    private static final Pattern TO_DATE = Pattern.compile("(" + any(WORDS.toDateUnits()) + ")\\s+" + words(WORDS.toDate())
            + "|(" + any(WORDS.toDateAbbreviations().keySet()) + ")");
    private static final Pattern LEADING_THE = Pattern.compile("^" + words(WORDS.the()) + "\\s+");

    private final String dateName;

    /** Labels name the time as "date"; planners pass the model's data-date dimension in words. */
    public TimeExpressions()
    {
        this("date");
    }

    /** @param dateName the time dimension relative time and filters are read on, in words (e.g. "purchase date") */
    public TimeExpressions(String dateName)
    {
        this.dateName = requireNonNull(dateName, "dateName is null");
    }

    /** Lower case, punctuation (except {@code - / :}) turned into spaces, single spaces. */
    public static String normalize(String text)
    {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replaceAll("[?!;\"()\\[\\]{}]", " ")
                .replaceAll("(?<!\\d),|,(?!\\d)", " , ")
                .replaceAll("\\.(?!\\d)", " ")
                .replaceAll("'s\\b", "")
                .replace("'", " ");
        return lower.replace(" , ", " ").replaceAll("\\s+", " ").trim();
    }

    /**
     * Reads every time expression of a normalised question.
     *
     * @param anchor the data date: relative time ends on it
     */
    public TimeReading read(String text, LocalDate anchor)
    {
        requireNonNull(text, "text is null");
        requireNonNull(anchor, "anchor is null");
        boolean[] used = new boolean[text.length()];
        List<Found> ranges = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        Optional<TimeGrain> growthGrain = Optional.empty();
        boolean growth = false;
        boolean versus = false;

        Matcher matcher = GROWTH_VERSUS_PREVIOUS.matcher(text);
        while (matcher.find()) {
            if (claim(used, matcher.start(), matcher.end())) {
                growth = true;
                String unit = matcher.group(1);
                growthGrain = unit.equals(WORDS.period()) ? growthGrain : Optional.of(grainOf(unit));
                spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("growth_vs_previous", "unit", unit)));
            }
        }
        matcher = GROWTH_VERSUS_BEFORE.matcher(text);
        while (matcher.find()) {
            if (claim(used, matcher.start(), matcher.end())) {
                growth = true;
                growthGrain = Optional.of(grainOf(matcher.group(1)));
                spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("growth_vs_before", "unit", matcher.group(1))));
            }
        }
        matcher = GROWTH_NAMED.matcher(text);
        while (matcher.find()) {
            if (claim(used, matcher.start(), matcher.end())) {
                growth = true;
                TimeGrain grain = grainNamed(WORDS.growthNames().get(spaced(matcher.group(1))));
                growthGrain = Optional.of(grain);
                spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("growth_named", "grain", grain.modelName())));
            }
        }
        matcher = MONTH_SPAN.matcher(text);
        while (matcher.find()) {
            int year = Integer.parseInt(matcher.group(3));
            int firstMonth = monthOf(matcher.group(1));
            int lastMonth = monthOf(matcher.group(2));
            LocalDate start = LocalDate.of(firstMonth <= lastMonth ? year : year - 1, firstMonth, 1);
            LocalDate end = LocalDate.of(year, lastMonth, 1).plusMonths(1);
            if (claim(used, matcher.start(), matcher.end())) {
                DateRange range = new DateRange(start, end, LABELS.label("range", "start", start, "end", end.minusDays(1)));
                ranges.add(new Found(matcher.start(), range));
                spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("from_to", "date", dateName, "start", range.start(), "end", range.endInclusive())));
            }
        }
        for (Pattern twoPart : List.of(BETWEEN, FROM_TO)) {
            matcher = twoPart.matcher(text);
            while (matcher.find()) {
                boolean threeGroups = matcher.groupCount() == 3;
                String firstText = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                Optional<DateRange> first = period(firstText, anchor);
                Optional<DateRange> second = period(matcher.group(threeGroups ? 3 : 2), anchor);
                boolean changeBetween = twoPart == FROM_TO && matcher.group(1) != null && first.isPresent() && second.isPresent()
                        && CHANGE_BEFORE.matcher(text.substring(0, matcher.start())).find()
                        && first.get().exactGrain().isPresent() && first.get().exactGrain().equals(second.get().exactGrain());
                if (changeBetween && claim(used, matcher.start(), matcher.end())) {
                    // a change "from" one period "to" another of the same length: two periods set against each other
                    versus = true;
                    ranges.add(new Found(matcher.start(), first.get()));
                    ranges.add(new Found(matcher.end(), second.get()));
                    spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("compare", "first", second.get().label(), "second", first.get().label())));
                    continue;
                }
                if (first.isPresent() && second.isPresent() && second.get().endExclusive().isAfter(first.get().start())
                        && claim(used, matcher.start(), matcher.end())) {
                    DateRange range = new DateRange(first.get().start(), second.get().endExclusive(),
                            LABELS.label("range", "start", first.get().start(), "end", second.get().endInclusive()));
                    ranges.add(new Found(matcher.start(), range));
                    spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("from_to", "date", dateName, "start", range.start(), "end", range.endInclusive())));
                }
            }
        }
        matcher = SINCE.matcher(text);
        while (matcher.find()) {
            Optional<DateRange> first = period(matcher.group(2), anchor);
            boolean includesPeriod = WORDS.since().get(spaced(matcher.group("opener")));
            if (first.isPresent()) {
                LocalDate start = includesPeriod ? first.get().start() : first.get().endExclusive();
                if (anchor.plusDays(1).isAfter(start) && claim(used, matcher.start(), matcher.end())) {
                    DateRange range = new DateRange(start, anchor.plusDays(1), LABELS.label("since", "start", start));
                    ranges.add(new Found(matcher.start(), range));
                    spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("since_reading", "date", dateName, "start", start, "anchor", anchor)));
                }
            }
        }
        matcher = BEFORE.matcher(text);
        while (matcher.find()) {
            Optional<DateRange> first = period(matcher.group(2), anchor);
            if (first.isPresent() && claim(used, matcher.start(), matcher.end())) {
                boolean inclusive = WORDS.until().get(spaced(matcher.group("opener")));
                LocalDate end = inclusive ? first.get().endExclusive() : first.get().start();
                DateRange range = new DateRange(LocalDate.of(1900, 1, 1), end, LABELS.label("before", "end", end));
                ranges.add(new Found(matcher.start(), range));
                spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("before_reading", "date", dateName, "end", end)));
            }
        }
        matcher = VERSUS.matcher(text);
        while (matcher.find()) {
            Optional<DateRange> first = period(matcher.group(1), anchor);
            Optional<DateRange> second = period(matcher.group(2), anchor);
            if (first.isPresent() && second.isPresent() && claim(used, matcher.start(), matcher.end())) {
                versus = true;
                ranges.add(new Found(matcher.start(), first.get()));
                ranges.add(new Found(matcher.end(), second.get()));
                spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("compare", "first", first.get().label(), "second", second.get().label())));
            }
        }
        matcher = SINGLE.matcher(text);
        while (matcher.find()) {
            Optional<DateRange> range = period(matcher.group(1), anchor);
            if (range.isPresent() && claim(used, matcher.start(), matcher.end())) {
                ranges.add(new Found(matcher.start(), range.get()));
                spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("in", "date", dateName, "period", range.get().label())));
            }
        }
        Optional<TimeGrain> grain = Optional.empty();
        matcher = GRAIN.matcher(text);
        while (matcher.find()) {
            String word = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            if (grain.isEmpty() && claim(used, matcher.start(), matcher.end())) {
                grain = Optional.of(grainOf(word));
                spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("by", "grain", grain.get().modelName())));
            }
        }
        boolean trend = false;
        matcher = TREND.matcher(text);
        while (matcher.find()) {
            if (claim(used, matcher.start(), matcher.end())) {
                trend = true;
                spans.add(new Span(matcher.start(), matcher.end(), LABELS.label("trend")));
            }
        }
        ranges.sort(Comparator.comparingInt(Found::position));
        spans.sort(Comparator.comparingInt(Span::start));
        return new TimeReading(ranges.stream().map(Found::range).toList(), grain, growth, growthGrain, versus, trend, spans);
    }

    /** Parses one period phrase on its own ("Q4 2017", "last month", "2018"), or empty if it is not one. */
    public Optional<DateRange> period(String phrase, LocalDate anchor)
    {
        String text = LEADING_THE.matcher(phrase.trim()).replaceAll("");
        Matcher m;
        if ((m = DATE.matcher(text)).matches()) {
            return day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        if ((m = MONTH_DAY_YEAR.matcher(text)).matches()) {
            return day(Integer.parseInt(m.group(3)), monthOf(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = DAY_MONTH_YEAR.matcher(text)).matches()) {
            return day(Integer.parseInt(m.group(3)), monthOf(m.group(2)), Integer.parseInt(m.group(1)));
        }
        if ((m = YEAR_MONTH.matcher(text)).matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? Optional.of(TimeGrain.MONTH.periodOf(LocalDate.of(Integer.parseInt(m.group(1)), month, 1))) : Optional.empty();
        }
        if ((m = MONTH_YEAR.matcher(text)).matches()) {
            return Optional.of(TimeGrain.MONTH.periodOf(LocalDate.of(Integer.parseInt(m.group(2)), monthOf(m.group(1)), 1)));
        }
        if ((m = QUARTER_YEAR.matcher(text)).matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        }
        if ((m = YEAR_QUARTER.matcher(text)).matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        if ((m = ORDINAL_QUARTER_YEAR.matcher(text)).matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(2)), WORDS.quarterOrdinals().get(m.group(1))));
        }
        if ((m = QUARTER_ALONE.matcher(text)).matches()) {
            // a quarter without a year: the latest one that had begun by the data date
            int number = m.group(1) != null ? Integer.parseInt(m.group(1)) : WORDS.quarterOrdinals().get(m.group(2));
            int year = anchor.getYear();
            if (LocalDate.of(year, (number - 1) * 3 + 1, 1).isAfter(anchor)) {
                year--;
            }
            DateRange latest = quarter(year, number);
            return Optional.of(new DateRange(latest.start(), latest.endExclusive(), LABELS.label("latest_quarter", "period", latest.label(), "number", number)));
        }
        if ((m = LAST_N.matcher(text)).matches()) {
            int count = Integer.parseInt(m.group(1));
            if (count < 1 || count > 10_000) {
                return Optional.empty();
            }
            TimeGrain unit = grainOf(m.group(2));
            LocalDate end = anchor.plusDays(1);
            return Optional.of(new DateRange(unit.plus(end, -count), end, LABELS.label("last_n", "count", count, "unit", m.group(2) + (count == 1 ? "" : WORDS.pluralEnding()), "anchor", anchor)));
        }
        if ((m = PREVIOUS.matcher(text)).matches()) {
            TimeGrain unit = grainOf(m.group(1));
            return Optional.of(unit.periodOf(unit.plus(unit.periodStart(anchor), -1)));
        }
        if ((m = CURRENT.matcher(text)).matches()) {
            return Optional.of(grainOf(m.group(1)).periodOf(anchor));
        }
        if ((m = TO_DATE.matcher(text)).matches()) {
            String unit = m.group(1) != null ? m.group(1) : WORDS.toDateAbbreviations().get(m.group(2));
            LocalDate start = grainOf(unit).periodStart(anchor);
            return Optional.of(new DateRange(start, anchor.plusDays(1), LABELS.label("to_date", "unit", unit, "to_date", WORDS.toDate(), "start", start, "anchor", anchor)));
        }
        Integer days = WORDS.days().get(text);
        if (days != null) {
            return Optional.of(TimeGrain.DAY.periodOf(anchor.plusDays(days)));
        }
        if (text.matches(YEAR)) {
            return Optional.of(TimeGrain.YEAR.periodOf(LocalDate.of(Integer.parseInt(text), 1, 1)));
        }
        return Optional.empty();
    }

    private static Optional<DateRange> day(int year, int month, int day)
    {
        try {
            return Optional.of(TimeGrain.DAY.periodOf(LocalDate.of(year, month, day)));
        }
        catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static DateRange quarter(int year, int quarter)
    {
        return TimeGrain.QUARTER.periodOf(LocalDate.of(year, (quarter - 1) * 3 + 1, 1));
    }

    private static int monthOf(String name)
    {
        Integer month = WORDS.months().get(name);
        if (month == null) {
            throw new IllegalArgumentException("not a month: " + name);
        }
        return month;
    }

    /**
     * The grain a unit, grain noun or grain adjective names ("months", "date", "quarterly"); the model's own grain
     * names are units too. Anything else is read as a year, as before.
     */
    static TimeGrain grainOf(String word)
    {
        String w = word.toLowerCase(Locale.ROOT);
        String grain = WORDS.grainAdjectives().get(w);
        if (grain == null) {
            String singular = w.endsWith(WORDS.pluralEnding()) ? w.substring(0, w.length() - WORDS.pluralEnding().length()) : w;
            grain = WORDS.units().getOrDefault(w, WORDS.grainNouns().getOrDefault(w,
                    WORDS.units().getOrDefault(singular, WORDS.grainNouns().get(singular))));
        }
        return grain == null ? TimeGrain.YEAR : grainNamed(grain);
    }

    private static TimeGrain grainNamed(String modelName)
    {
        return TimeGrain.valueOf(modelName.toUpperCase(Locale.ROOT));
    }

    /** One or more words as a pattern: each word literal, any white space between them. */
    private static String words(String phrase)
    {
        return String.join("\\s+", java.util.Arrays.stream(phrase.strip().split("\\s+")).map(Pattern::quote).toList());
    }

    /** Any of the phrases, tried in the given order, as a non-capturing group. */
    private static String any(java.util.Collection<String> phrases)
    {
        return "(?:" + String.join("|", phrases.stream().map(TimeExpressions::words).toList()) + ")";
    }

    private static String optional(String pattern)
    {
        return "(?:" + pattern + ")?";
    }

    private static List<String> concat(List<String> first, List<String> second)
    {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String unitWord(TimeGrain grain)
    {
        return WORDS.units().entrySet().stream()
                .filter(unit -> unit.getValue().equals(grain.modelName()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the language file names no unit for " + grain.modelName()));
    }

    /** A matched phrase with single spaces, as the language file spells it. */
    private static String spaced(String phrase)
    {
        return phrase.strip().replaceAll("\\s+", " ");
    }

    private static boolean claim(boolean[] used, int start, int end)
    {
        for (int i = start; i < end; i++) {
            if (used[i]) {
                return false;
            }
        }
        for (int i = start; i < end; i++) {
            used[i] = true;
        }
        return true;
    }

    private record Found(int position, DateRange range) {}

    /** A stretch of the question text that was read as time, and how. */
    public record Span(int start, int end, String meaning) {}

    /**
     * Everything time-related in a question.
     *
     * @param ranges periods in the order they appear (two for "2018 vs 2017")
     * @param grain the grain asked for ("monthly", "by quarter")
     * @param growth a growth/change question ("MoM", "growth", "vs previous month")
     * @param growthGrain the period compared against, when named (MoM: month)
     * @param versus two named periods set against each other ("2018 vs 2017")
     * @param trend "over time", "trend": a time series at a default grain
     */
    public record TimeReading(List<DateRange> ranges, Optional<TimeGrain> grain, boolean growth, Optional<TimeGrain> growthGrain,
            boolean versus, boolean trend, List<Span> spans)
    {
        public TimeReading
        {
            ranges = List.copyOf(ranges);
            requireNonNull(grain, "grain is null");
            requireNonNull(growthGrain, "growthGrain is null");
            spans = List.copyOf(spans);
        }
    }
}
