package dev.aurum.assistant;

import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.Proposer;
import dev.aurum.assistant.proposal.Question;
import dev.aurum.assistant.proposal.TextEmbedder;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.assistant.proposal.Usage;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.ValueIndex;
import dev.aurum.semantic.ValueMatch;
import dev.aurum.semantic.VerifiedQuery;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Finds the verified query that answers a question, filling its parameters: "revenue in RJ for 2018" matches the
 * verified "revenue in {state} for {year}" with state = RJ and year = 2018.
 *
 * <p>A match needs all of: every parameter filled (dimension parameters from the value index, {@code year},
 * {@code quarter} and {@code month} from the question's time words), the same content words on both sides once
 * parameters are masked and model synonyms folded (so no word of the question is ignored), and a cosine
 * similarity of the masked texts, by the local embedding model, of at least the threshold. Anything less falls
 * through to the planner.
 */
public final class VerifiedQueryMatcher
        implements Proposer
{
    public static final double DEFAULT_THRESHOLD = 0.85;
    static final Set<String> TIME_PARTS = Set.of("year", "quarter", "month");

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    private static final Pattern QUARTER = Pattern.compile("q([1-4])");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final Map<String, Integer> ORDINALS = Map.of("first", 1, "1st", 1, "second", 2, "2nd", 2, "third", 3, "3rd", 3,
            "fourth", 4, "4th", 4, "last", -1);
    private static final Map<String, Integer> MONTHS = months();
    private static final int EMBEDDING_CACHE_LIMIT = 2_000;

    private final List<Template> templates;
    private final ValueIndex values;
    private final TextEmbedder embedder;
    private final QuestionWords words;
    private final double threshold;
    private final Map<String, float[]> embeddings = new ConcurrentHashMap<>();

    public VerifiedQueryMatcher(SemanticModel model, ValueIndex values, TextEmbedder embedder, double threshold)
    {
        requireNonNull(model, "model is null");
        this.values = requireNonNull(values, "values is null");
        this.embedder = requireNonNull(embedder, "embedder is null");
        this.words = QuestionWords.of(model);
        this.threshold = threshold;
        this.templates = model.verifiedQueries().stream().map(this::template).toList();
    }

    /** Embeds every verified question once; call on a background thread at start-up. */
    public void warmUp()
    {
        for (Template template : templates) {
            embedding(template.embeddingText());
        }
    }

    /**
     * The verified query that answers the whole question, as SQL with the bound parameters as filters; abstains when
     * none does. A follow-up ("now by state") never matches one: a verified query must account for every word.
     */
    @Override
    public Proposal propose(Question question)
    {
        Optional<TrustedMatch> found = match(question.text());
        if (found.isEmpty()) {
            return Proposal.Abstain.because("no verified query answers the whole question");
        }
        TrustedMatch trusted = found.get();
        List<String> filters = trusted.parameters().entrySet().stream()
                .map(entry -> binding(trusted.query(), entry.getKey()) + " = " + entry.getValue())
                .toList();
        return new Proposal.Sql(trusted.sql(), "verified query \"" + trusted.query().name() + "\"", trusted.understood(), null,
                trusted.query().name(), filters, List.of(), Usage.NONE, List.of());
    }

    public Optional<TrustedMatch> match(String question)
    {
        requireNonNull(question, "question is null");
        if (templates.isEmpty()) {
            return Optional.empty();
        }
        List<String> tokens = QuestionWords.tokens(question);
        List<Span> spans = spans(question, tokens);
        TrustedMatch best = null;
        for (Template template : templates) {
            Optional<TrustedMatch> match = tryTemplate(template, tokens, spans);
            if (match.isPresent() && (best == null || match.get().similarity() > best.similarity())) {
                best = match.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<TrustedMatch> tryTemplate(Template template, List<String> tokens, List<Span> spans)
    {
        // mask the question with the bindings this template needs; a span with several readings takes the needed one
        List<String> masked = new ArrayList<>();
        List<Filled> filled = new ArrayList<>();
        int index = 0;
        for (Span span : spans) {
            masked.addAll(tokens.subList(index, span.start()));
            Reading reading = span.readings().stream()
                    .filter(candidate -> template.bindings().contains(candidate.binding()))
                    .findFirst()
                    .orElse(span.readings().get(0));
            masked.add("{" + reading.binding() + "}");
            filled.add(new Filled(span.text(), reading));
            index = span.end();
        }
        masked.addAll(tokens.subList(index, tokens.size()));
        String maskedText = String.join(" ", masked);
        if (!sameContent(words.content(maskedText), template.content())) {
            return Optional.empty();
        }
        // fill parameters in order of appearance, each from the next span of its binding
        Map<String, String> parameterValues = new LinkedHashMap<>();
        List<Understood> understood = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (String parameter : template.parameterOrder()) {
            String binding = binding(template.query(), parameter);
            int skip = used.merge(binding, 1, Integer::sum) - 1;
            Optional<Filled> value = filled.stream().filter(f -> f.reading().binding().equals(binding)).skip(skip).findFirst();
            if (value.isEmpty()) {
                return Optional.empty();
            }
            parameterValues.put(parameter, value.get().reading().value());
            understood.add(new Understood(value.get().phrase(), binding + " = " + value.get().reading().value()));
        }
        double similarity = TextEmbedder.cosine(embedding(embeddingText(words.content(maskedText))), embedding(template.embeddingText()));
        if (similarity < threshold) {
            return Optional.empty();
        }
        for (String word : words.content(maskedText)) {
            if (!word.startsWith("{")) {
                understood.add(new Understood(word.contains(":") ? word.substring(word.indexOf(':') + 1) : word,
                        "verified query " + template.query().name()));
            }
        }
        return Optional.of(new TrustedMatch(template.query(), template.query().bind(parameterValues), parameterValues, understood, similarity));
    }

    private static boolean sameContent(List<String> left, List<String> right)
    {
        List<String> sortedLeft = new ArrayList<>(left);
        List<String> sortedRight = new ArrayList<>(right);
        Collections.sort(sortedLeft);
        Collections.sort(sortedRight);
        return sortedLeft.equals(sortedRight);
    }

    /** What a parameter is bound to, without the table: {@code order_facts.customer_state} → {@code customer_state}. */
    static String binding(VerifiedQuery query, String parameter)
    {
        String bound = query.parameters().getOrDefault(parameter, parameter);
        return bound.substring(bound.lastIndexOf('.') + 1);
    }

    /** Time parts and dimension values found in the question, in order, not overlapping. */
    private List<Span> spans(String question, List<String> tokens)
    {
        Span[] at = new Span[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (YEAR.matcher(token).matches()) {
                at[i] = Span.of(i, i + 1, token, new Reading("year", token));
            }
            else if (QUARTER.matcher(token).matches()) {
                at[i] = Span.of(i, i + 1, token, new Reading("quarter", token.substring(1)));
            }
            else if (token.equals("quarter") && next.matches("[1-4]")) {
                at[i] = Span.of(i, i + 2, token + " " + next, new Reading("quarter", next));
            }
            else if (ORDINALS.containsKey(token) && ORDINALS.get(token) > 0 && next.equals("quarter")) {
                at[i] = Span.of(i, i + 2, token + " " + next, new Reading("quarter", String.valueOf(ORDINALS.get(token))));
            }
            else if (i > 0 && tokens.get(i - 1).equals("month") && token.matches("0?[1-9]|1[0-2]")) {
                at[i] = Span.of(i, i + 1, token, new Reading("month", String.valueOf(Integer.parseInt(token))));
            }
            else if (MONTHS.containsKey(token)) {
                at[i] = Span.of(i, i + 1, token, new Reading("month", String.valueOf(MONTHS.get(token))));
            }
        }
        for (int length = 3; length >= 1; length--) {
            for (int start = 0; start + length <= tokens.size(); start++) {
                if (covered(at, start, start + length)) {
                    continue;
                }
                List<String> window = tokens.subList(start, start + length);
                if (length == 1 && (window.get(0).matches("\\d+") || (QuestionWords.FILLER.contains(window.get(0)) || window.get(0).length() < 2)
                        && !writtenInCapitals(question, window.get(0)))) {
                    continue;
                }
                String phrase = String.join(" ", window);
                List<Reading> readings = new ArrayList<>();
                for (ValueMatch match : values.match(phrase)) {
                    if (match.score() >= 0.9 && QuestionWords.tokens(match.phrase()).equals(window)) {
                        readings.add(new Reading(match.dimension(), match.value()));
                    }
                }
                if (!readings.isEmpty()) {
                    at[start] = new Span(start, start + length, phrase, List.copyOf(readings));
                }
            }
        }
        List<Span> spans = new ArrayList<>();
        for (Span span : at) {
            if (span != null) {
                spans.add(span);
            }
        }
        return spans;
    }

    private static boolean covered(Span[] at, int start, int end)
    {
        for (int i = 0; i < at.length; i++) {
            if (at[i] != null && at[i].start() < end && start < at[i].end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean writtenInCapitals(String question, String word)
    {
        return Pattern.compile("\\b" + Pattern.quote(word.toUpperCase(Locale.ROOT)) + "\\b").matcher(question).find();
    }

    private Template template(VerifiedQuery query)
    {
        List<String> order = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(query.question());
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            String parameter = matcher.group(1);
            order.add(parameter);
            matcher.appendReplacement(masked, Matcher.quoteReplacement("{" + binding(query, parameter) + "}"));
        }
        matcher.appendTail(masked);
        Set<String> bindings = Set.copyOf(order.stream().map(parameter -> binding(query, parameter)).toList());
        String maskedText = masked.toString();
        List<String> content = words.content(maskedText);
        return new Template(query, order, bindings, content, embeddingText(content));
    }

    /**
     * What is embedded: the content words in order, model tokens as their names and placeholders as the words of
     * their binding ("revenue customer state year"), so filler words do not dilute the similarity.
     */
    private static String embeddingText(List<String> content)
    {
        return String.join(" ", content.stream()
                .map(word -> word.startsWith("{") ? word.substring(1, word.length() - 1) : word.substring(word.indexOf(':') + 1))
                .map(word -> word.replace('_', ' '))
                .toList());
    }

    private float[] embedding(String text)
    {
        float[] cached = embeddings.get(text);
        if (cached != null) {
            return cached;
        }
        float[] vector = embedder.embed(text);
        if (embeddings.size() < EMBEDDING_CACHE_LIMIT) {
            embeddings.put(text, vector);
        }
        return vector;
    }

    private static Map<String, Integer> months()
    {
        Map<String, Integer> months = new HashMap<>();
        for (Month month : Month.values()) {
            months.put(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), month.getValue());
            String shortName = month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (!shortName.equals("mar") && !shortName.equals("may")) {
                months.put(shortName, month.getValue());
            }
        }
        months.put("sept", 9);
        return Map.copyOf(months);
    }

    private record Template(VerifiedQuery query, List<String> parameterOrder, Set<String> bindings, List<String> content, String embeddingText) {}

    private record Reading(String binding, String value) {}

    private record Filled(String phrase, Reading reading) {}

    private record Span(int start, int end, String text, List<Reading> readings)
    {
        static Span of(int start, int end, String text, Reading reading)
        {
            return new Span(start, end, text, List.of(reading));
        }
    }
}
