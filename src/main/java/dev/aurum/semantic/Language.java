package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
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
 * @param intentWords words that steer the shape of the answer; never typo-matched to model names
 * @param retrievalStopWords words that never select a part of the schema for the LLM's prompt
 */
public record Language(
        @JsonProperty("stop_words") Set<String> stopWords,
        @JsonProperty("filler_words") Set<String> fillerWords,
        @JsonProperty("intent_words") Set<String> intentWords,
        @JsonProperty("retrieval_stop_words") Set<String> retrievalStopWords)
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
    }

    /** English, read once from the resources. */
    public static Language english()
    {
        return English.LANGUAGE;
    }

    /**
     * The one singulariser: the singular-ish form words are matched in ("categories" → "category", "orders" →
     * "order"); "ss", "us" and "is" endings and short words stay.
     */
    public static String singular(String word)
    {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
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
