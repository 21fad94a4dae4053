package dev.aurum.semantic;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Words of one domain that the planner reads besides the model's names and synonyms (docs/architecture.md, "The
 * semantic model"). The language itself (English function words, time phrases) is in the language resource.
 *
 * @param stopWords words of this domain's questions that name nothing of the model (verbs of trade, codes that are
 * also common words); never content, never looked up as values
 * @param agentVerbs past participles after which "by" names who did it, not a grouping ("paid by customers")
 * @param verbs a verb naming a metric ("sell" → revenue: "how much did it sell")
 * @param outOfScope subjects this data never holds ("weather"): such a question is refused, not guessed
 */
public record Vocabulary(
        @JsonProperty("stop_words") List<String> stopWords,
        @JsonProperty("agent_verbs") List<String> agentVerbs,
        Map<String, String> verbs,
        @JsonProperty("out_of_scope") List<String> outOfScope)
{
    public static final Vocabulary EMPTY = new Vocabulary(null, null, null, null);

    public Vocabulary
    {
        stopWords = lower(stopWords);
        agentVerbs = lower(agentVerbs);
        Map<String, String> copy = new LinkedHashMap<>();
        if (verbs != null) {
            verbs.forEach((verb, metric) -> copy.put(verb.strip().toLowerCase(java.util.Locale.ROOT), metric == null ? "" : metric.strip()));
        }
        verbs = Collections.unmodifiableMap(copy);
        outOfScope = lower(outOfScope);
    }

    public Set<String> stopWordSet()
    {
        return Set.copyOf(stopWords);
    }

    private static List<String> lower(List<String> words)
    {
        return words == null ? List.of() : words.stream().map(word -> word.strip().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toUnmodifiableList());
    }
}
