package dev.aurum.assistant;

import dev.aurum.assistant.proposal.Understood;
import dev.aurum.semantic.VerifiedQuery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A verified query that answers the question, with its parameters filled from the question.
 *
 * @param sql the verified SQL with every parameter replaced by a literal
 * @param parameters parameter name to the value filled in (as stored in Gold, or the number of a time part)
 * @param similarity cosine similarity of question and verified question, both with parameters masked
 */
public record TrustedMatch(VerifiedQuery query, String sql, Map<String, String> parameters, List<Understood> understood,
        double similarity)
{
    public TrustedMatch
    {
        requireNonNull(query, "query is null");
        requireNonNull(sql, "sql is null");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(parameters, "parameters is null")));
        understood = List.copyOf(understood);
    }
}
