package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.DateRange;
import dev.aurum.assistant.proposal.TimeGrain;

import java.time.LocalDate;
import java.time.Month;
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
    private static final String MONTH_NAME = "(?:january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    private static final String ORDINAL_QUARTER = "(?:first|second|third|fourth|1st|2nd|3rd|4th)";
    private static final String YEAR = "(?:19|20)\\d{2}";
    private static final String UNIT = "(?:day|week|month|quarter|year)s?";

    /** One period: absolute or relative. Order matters: longer forms first. */
    private static final String PERIOD = "(?:"
            + "\\d{4}-\\d{1,2}-\\d{1,2}"
            + "|" + MONTH_NAME + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+" + YEAR
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH_NAME + ",?\\s+" + YEAR
            + "|" + YEAR + "-\\d{2}(?!\\d)"
            + "|" + MONTH_NAME + "\\s+(?:of\\s+)?" + YEAR
            + "|q[1-4]\\s*(?:of\\s+)?" + YEAR
            + "|" + YEAR + "\\s*-?\\s*q[1-4]"
            + "|" + ORDINAL_QUARTER + "\\s+quarter\\s+(?:of\\s+)?" + YEAR
            + "|q[1-4]|" + ORDINAL_QUARTER + "\\s+quarter"
            + "|(?:the\\s+)?(?:last|past|previous|trailing|prior)\\s+\\d+\\s+" + UNIT
            + "|(?:the\\s+)?(?:last|previous|prior)\\s+(?:day|week|month|quarter|year)"
            + "|(?:this|current|the\\s+current)\\s+(?:day|week|month|quarter|year)"
            + "|(?:year|quarter|month)\\s+to\\s+date|ytd|qtd|mtd"
            + "|yesterday|today"
            + "|" + YEAR
            + ")";

    private static final String LEAD = "(?:(?:in|during|for|of|over|within|on|throughout|at)\\s+)?(?:the\\s+)?";

    private static final Pattern BETWEEN = Pattern.compile("\\b" + LEAD + "(?:between)\\s+(" + PERIOD + ")\\s+and\\s+(" + PERIOD + ")\\b");
    private static final Pattern FROM_TO = Pattern.compile("\\b" + LEAD + "(?:from\\s+(" + PERIOD + ")\\s+(?:to|through|thru|until|till|-)|(" + PERIOD + ")\\s+(?:through|thru|until|till))\\s+(" + PERIOD + ")\\b");
    /** "from February to May 2017", "August through November 2018": a month span whose first month borrows the year. */
    private static final Pattern MONTH_SPAN = Pattern.compile("\\b" + LEAD + "(?:from\\s+|between\\s+)?(" + MONTH_NAME + ")\\s+(?:to|through|thru|until|till|-)\\s+("
            + MONTH_NAME + ")\\s+(?:of\\s+)?(" + YEAR + ")\\b");
    private static final Pattern SINCE = Pattern.compile("\\b(?:since|starting|starting\\s+from|from|after)\\s+(" + PERIOD + ")\\b");
    private static final Pattern BEFORE = Pattern.compile("\\b(?:before|until|till|up\\s+to|prior\\s+to)\\s+(" + PERIOD + ")\\b");
    private static final Pattern VERSUS = Pattern.compile("\\b" + LEAD + "(" + PERIOD + ")\\s+(?:vs|versus|compared\\s+to|compared\\s+with|against|and|with)\\s+(?:the\\s+)?(" + PERIOD + ")\\b");
    private static final Pattern SINGLE = Pattern.compile("\\b" + LEAD + "(" + PERIOD + ")\\b");

    private static final Pattern GROWTH_VERSUS_PREVIOUS = Pattern.compile(
            "\\b(?:vs|versus|compared\\s+to|compared\\s+with|against|over|from)\\s+(?:the\\s+)?(?:previous|prior|last|preceding)\\s+(day|week|month|quarter|year|period)\\b");
    /** "versus the quarter before", "against the year earlier": growth against the period just before. */
    private static final Pattern GROWTH_VERSUS_BEFORE = Pattern.compile(
            "\\b(?:vs|versus|(?:compare[sd]?|comparing)\\s+(?:to|with|against)|compared\\s+to|compared\\s+with|against|over|from|with)\\s+(?:the\\s+)?"
                    + "(day|week|month|quarter|year)\\s+(?:before|earlier)\\b");
    /** A change verb right before "from A to B": the two periods are compared, not joined into one range. */
    private static final Pattern CHANGE_BEFORE = Pattern.compile(
            "\\b(?:change|changed|changes|grow|grew|grown|growth|increase|increased|decrease|decreased|decline|declined|rise|rose|risen|fall|fell|fallen"
                    + "|drop|dropped|jump|jumped|go|went|move|moved|evolve|evolved)\\s*$");
    private static final Pattern GROWTH_NAMED = Pattern.compile(
            "\\b(mom|m/m|month\\s+over\\s+month|month-over-month|qoq|q/q|quarter\\s+over\\s+quarter|quarter-over-quarter"
                    + "|yoy|y/y|year\\s+over\\s+year|year-over-year|week\\s+over\\s+week|wow|day\\s+over\\s+day)\\b");
    private static final Pattern GRAIN = Pattern.compile(
            "\\b(?:(daily|weekly|monthly|quarterly|yearly|annually|annual)"
                    + "|(?:by|per|each|every|for\\s+each|for\\s+every|across|broken\\s+down\\s+by|grouped\\s+by|split\\s+by|over)\\s+(?:the\\s+)?(day|date|week|month|quarter|year)s?"
                    + "|(day|week|month|quarter|year)\\s+by\\s+(?:day|week|month|quarter|year))\\b(?!\\s+of\\b)");
    private static final Pattern TREND = Pattern.compile("\\b(?:over\\s+time|trend|trends|time\\s+series)\\b");

    private static final Map<String, Integer> ORDINALS = Map.of("first", 1, "second", 2, "third", 3, "fourth", 4, "1st", 1, "2nd", 2, "3rd", 3, "4th", 4);

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
                growthGrain = unit.equals("period") ? growthGrain : Optional.of(grainOf(unit));
                spans.add(new Span(matcher.start(), matcher.end(), "growth vs the previous " + unit));
            }
        }
        matcher = GROWTH_VERSUS_BEFORE.matcher(text);
        while (matcher.find()) {
            if (claim(used, matcher.start(), matcher.end())) {
                growth = true;
                growthGrain = Optional.of(grainOf(matcher.group(1)));
                spans.add(new Span(matcher.start(), matcher.end(), "growth vs the " + matcher.group(1) + " before"));
            }
        }
        matcher = GROWTH_NAMED.matcher(text);
        while (matcher.find()) {
            if (claim(used, matcher.start(), matcher.end())) {
                growth = true;
                String name = matcher.group(1).replace('-', ' ');
                TimeGrain grain = name.startsWith("m") ? TimeGrain.MONTH
                        : name.startsWith("q") ? TimeGrain.QUARTER
                        : name.startsWith("y") ? TimeGrain.YEAR
                        : name.startsWith("w") ? TimeGrain.WEEK : TimeGrain.DAY;
                growthGrain = Optional.of(grain);
                spans.add(new Span(matcher.start(), matcher.end(), grain.modelName() + " over " + grain.modelName() + " growth"));
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
                DateRange range = new DateRange(start, end, start + " to " + end.minusDays(1));
                ranges.add(new Found(matcher.start(), range));
                spans.add(new Span(matcher.start(), matcher.end(), "purchase date from " + range.start() + " to " + range.endInclusive()));
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
                    spans.add(new Span(matcher.start(), matcher.end(), "compare " + second.get().label() + " with " + first.get().label()));
                    continue;
                }
                if (first.isPresent() && second.isPresent() && second.get().endExclusive().isAfter(first.get().start())
                        && claim(used, matcher.start(), matcher.end())) {
                    DateRange range = new DateRange(first.get().start(), second.get().endExclusive(),
                            first.get().start() + " to " + second.get().endInclusive());
                    ranges.add(new Found(matcher.start(), range));
                    spans.add(new Span(matcher.start(), matcher.end(), "purchase date from " + range.start() + " to " + range.endInclusive()));
                }
            }
        }
        matcher = SINCE.matcher(text);
        while (matcher.find()) {
            Optional<DateRange> first = period(matcher.group(1), anchor);
            boolean after = matcher.group().startsWith("after");
            if (first.isPresent()) {
                LocalDate start = after ? first.get().endExclusive() : first.get().start();
                if (anchor.plusDays(1).isAfter(start) && claim(used, matcher.start(), matcher.end())) {
                    DateRange range = new DateRange(start, anchor.plusDays(1), "since " + start);
                    ranges.add(new Found(matcher.start(), range));
                    spans.add(new Span(matcher.start(), matcher.end(), "purchase date from " + start + " to the data date " + anchor));
                }
            }
        }
        matcher = BEFORE.matcher(text);
        while (matcher.find()) {
            Optional<DateRange> first = period(matcher.group(1), anchor);
            if (first.isPresent() && claim(used, matcher.start(), matcher.end())) {
                boolean inclusive = matcher.group().startsWith("until") || matcher.group().startsWith("till") || matcher.group().startsWith("up");
                LocalDate end = inclusive ? first.get().endExclusive() : first.get().start();
                DateRange range = new DateRange(LocalDate.of(1900, 1, 1), end, "before " + end);
                ranges.add(new Found(matcher.start(), range));
                spans.add(new Span(matcher.start(), matcher.end(), "purchase date before " + end));
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
                spans.add(new Span(matcher.start(), matcher.end(), "compare " + first.get().label() + " with " + second.get().label()));
            }
        }
        matcher = SINGLE.matcher(text);
        while (matcher.find()) {
            Optional<DateRange> range = period(matcher.group(1), anchor);
            if (range.isPresent() && claim(used, matcher.start(), matcher.end())) {
                ranges.add(new Found(matcher.start(), range.get()));
                spans.add(new Span(matcher.start(), matcher.end(), "purchase date in " + range.get().label()));
            }
        }
        Optional<TimeGrain> grain = Optional.empty();
        matcher = GRAIN.matcher(text);
        while (matcher.find()) {
            String word = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            if (grain.isEmpty() && claim(used, matcher.start(), matcher.end())) {
                grain = Optional.of(grainOf(word));
                spans.add(new Span(matcher.start(), matcher.end(), "by " + grain.get().modelName()));
            }
        }
        boolean trend = false;
        matcher = TREND.matcher(text);
        while (matcher.find()) {
            if (claim(used, matcher.start(), matcher.end())) {
                trend = true;
                spans.add(new Span(matcher.start(), matcher.end(), "a time series"));
            }
        }
        ranges.sort(Comparator.comparingInt(Found::position));
        spans.sort(Comparator.comparingInt(Span::start));
        return new TimeReading(ranges.stream().map(Found::range).toList(), grain, growth, growthGrain, versus, trend, spans);
    }

    /** Parses one period phrase on its own ("Q4 2017", "last month", "2018"), or empty if it is not one. */
    public Optional<DateRange> period(String phrase, LocalDate anchor)
    {
        String text = phrase.trim().replaceAll("^the\\s+", "");
        Matcher m;
        if ((m = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})").matcher(text)).matches()) {
            return day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        if ((m = Pattern.compile("(" + MONTH_NAME + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(" + YEAR + ")").matcher(text)).matches()) {
            return day(Integer.parseInt(m.group(3)), monthOf(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTH_NAME + "),?\\s+(" + YEAR + ")").matcher(text)).matches()) {
            return day(Integer.parseInt(m.group(3)), monthOf(m.group(2)), Integer.parseInt(m.group(1)));
        }
        if ((m = Pattern.compile("(" + YEAR + ")-(\\d{2})").matcher(text)).matches()) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? Optional.of(TimeGrain.MONTH.periodOf(LocalDate.of(Integer.parseInt(m.group(1)), month, 1))) : Optional.empty();
        }
        if ((m = Pattern.compile("(" + MONTH_NAME + ")\\s+(?:of\\s+)?(" + YEAR + ")").matcher(text)).matches()) {
            return Optional.of(TimeGrain.MONTH.periodOf(LocalDate.of(Integer.parseInt(m.group(2)), monthOf(m.group(1)), 1)));
        }
        if ((m = Pattern.compile("q([1-4])\\s*(?:of\\s+)?(" + YEAR + ")").matcher(text)).matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        }
        if ((m = Pattern.compile("(" + YEAR + ")\\s*-?\\s*q([1-4])").matcher(text)).matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        if ((m = Pattern.compile("(" + ORDINAL_QUARTER + ")\\s+quarter\\s+(?:of\\s+)?(" + YEAR + ")").matcher(text)).matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(2)), ORDINALS.get(m.group(1))));
        }
        if ((m = Pattern.compile("q([1-4])|(" + ORDINAL_QUARTER + ")\\s+quarter").matcher(text)).matches()) {
            // a quarter without a year: the latest one that had begun by the data date
            int number = m.group(1) != null ? Integer.parseInt(m.group(1)) : ORDINALS.get(m.group(2));
            int year = anchor.getYear();
            if (LocalDate.of(year, (number - 1) * 3 + 1, 1).isAfter(anchor)) {
                year--;
            }
            DateRange latest = quarter(year, number);
            return Optional.of(new DateRange(latest.start(), latest.endExclusive(), latest.label() + " (the latest Q" + number + ")"));
        }
        if ((m = Pattern.compile("(?:last|past|previous|trailing|prior)\\s+(\\d+)\\s+(day|week|month|quarter|year)s?").matcher(text)).matches()) {
            int count = Integer.parseInt(m.group(1));
            if (count < 1 || count > 10_000) {
                return Optional.empty();
            }
            TimeGrain unit = grainOf(m.group(2));
            LocalDate end = anchor.plusDays(1);
            return Optional.of(new DateRange(unit.plus(end, -count), end, "the " + count + " " + m.group(2) + (count == 1 ? "" : "s") + " ending " + anchor));
        }
        if ((m = Pattern.compile("(?:last|previous|prior)\\s+(day|week|month|quarter|year)").matcher(text)).matches()) {
            TimeGrain unit = grainOf(m.group(1));
            return Optional.of(unit.periodOf(unit.plus(unit.periodStart(anchor), -1)));
        }
        if ((m = Pattern.compile("(?:this|current|the\\s+current)\\s+(day|week|month|quarter|year)").matcher(text)).matches()) {
            return Optional.of(grainOf(m.group(1)).periodOf(anchor));
        }
        if ((m = Pattern.compile("(year|quarter|month)\\s+to\\s+date|(y|q|m)td").matcher(text)).matches()) {
            String unit = m.group(1) != null ? m.group(1) : switch (m.group(2)) {
                case "y" -> "year";
                case "q" -> "quarter";
                default -> "month";
            };
            LocalDate start = grainOf(unit).periodStart(anchor);
            return Optional.of(new DateRange(start, anchor.plusDays(1), unit + " to date (" + start + " to " + anchor + ")"));
        }
        if (text.equals("today")) {
            return Optional.of(TimeGrain.DAY.periodOf(anchor));
        }
        if (text.equals("yesterday")) {
            return Optional.of(TimeGrain.DAY.periodOf(anchor.minusDays(1)));
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
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(name.substring(0, 3))) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    static TimeGrain grainOf(String word)
    {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("dai") || w.startsWith("day") || w.startsWith("date")) {
            return TimeGrain.DAY;
        }
        if (w.startsWith("week")) {
            return TimeGrain.WEEK;
        }
        if (w.startsWith("month")) {
            return TimeGrain.MONTH;
        }
        if (w.startsWith("quarter")) {
            return TimeGrain.QUARTER;
        }
        return TimeGrain.YEAR;
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
