package dev.aurum.eval;

import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.VerifiedQuery;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Finds eval questions that are near-duplicates of the semantic model's verified queries (cosine similarity of their
 * sentence embeddings at or above a threshold). A suite whose questions a lookup table could answer measures nothing,
 * so {@code aurum semantic lint} fails on any pair found. A verified question is compared as written (placeholders
 * read as words) and filled with sample values, and the closer of the two counts.
 */
public final class EvalNearDuplicateCheck
{
    public static final double DEFAULT_THRESHOLD = 0.9;

    private final EmbeddingModel embeddingModel;
    private final double threshold;

    /** @param embeddingModel in production the local all-MiniLM-L6-v2 model ({@code AllMiniLmL6V2EmbeddingModel}) */
    public EvalNearDuplicateCheck(EmbeddingModel embeddingModel, double threshold)
    {
        this.embeddingModel = requireNonNull(embeddingModel, "embeddingModel is null");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]");
        }
        this.threshold = threshold;
    }

    /** The near-duplicate pairs, most similar first. */
    public List<NearDuplicate> check(EvalSuite suite, SemanticModel model)
    {
        return closest(suite, model).stream().filter(pair -> pair.similarity() >= threshold).toList();
    }

    /** For every eval question, its closest verified query (whatever the similarity), most similar first. */
    public List<NearDuplicate> closest(EvalSuite suite, SemanticModel model)
    {
        Map<VerifiedQuery, List<Embedding>> verified = new LinkedHashMap<>();
        for (VerifiedQuery query : model.verifiedQueries()) {
            List<Embedding> embeddings = new ArrayList<>();
            for (String text : renderings(query, model)) {
                embeddings.add(embeddingModel.embed(text).content());
            }
            verified.put(query, embeddings);
        }
        List<NearDuplicate> result = new ArrayList<>();
        if (verified.isEmpty()) {
            return result;
        }
        for (EvalItem item : suite.items()) {
            Embedding question = embeddingModel.embed(item.question()).content();
            NearDuplicate best = null;
            for (Map.Entry<VerifiedQuery, List<Embedding>> entry : verified.entrySet()) {
                for (Embedding embedding : entry.getValue()) {
                    double similarity = CosineSimilarity.between(question, embedding);
                    if (best == null || similarity > best.similarity()) {
                        best = new NearDuplicate(item.id(), item.question(), entry.getKey().name(), entry.getKey().question(), similarity);
                    }
                }
            }
            result.add(best);
        }
        result.sort(Comparator.comparingDouble(NearDuplicate::similarity).reversed());
        return result;
    }

    /** The question with placeholders read as words, and filled with a sample value of each parameter. */
    static List<String> renderings(VerifiedQuery query, SemanticModel model)
    {
        String asWords = query.question();
        Map<String, String> samples = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : query.parameters().entrySet()) {
            asWords = asWords.replace("{" + parameter.getKey() + "}", parameter.getKey().replace('_', ' '));
            samples.put(parameter.getKey(), sampleValue(parameter.getValue(), model));
        }
        List<String> renderings = new ArrayList<>();
        renderings.add(asWords);
        if (!samples.isEmpty()) {
            try {
                renderings.add(query.bindQuestion(samples));
            }
            catch (IllegalArgumentException cannotBind) {
                // compare the template as words only
            }
        }
        return renderings;
    }

    private static String sampleValue(String binding, SemanticModel model)
    {
        switch (binding) {
            case "year":
                return "2017";
            case "quarter":
                return "4";
            case "month":
                return "11";
            default:
                break;
        }
        int dot = binding.indexOf('.');
        String tableName = dot < 0 ? null : binding.substring(0, dot);
        String dimensionName = dot < 0 ? binding : binding.substring(dot + 1);
        Optional<String> sample = model.tables().stream()
                .filter(table -> tableName == null || table.name().equalsIgnoreCase(tableName))
                .map(SemanticTable::dimensions)
                .flatMap(List::stream)
                .filter(dimension -> dimension.name().equalsIgnoreCase(dimensionName))
                .map(Dimension::sampleValues)
                .filter(values -> !values.isEmpty())
                .map(values -> values.get(0))
                .findFirst();
        return sample.orElse(dimensionName.replace('_', ' '));
    }
}
