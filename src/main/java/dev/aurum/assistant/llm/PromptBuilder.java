package dev.aurum.assistant.llm;

import dev.aurum.assistant.proposal.Question;
import dev.aurum.assistant.proposal.TextEmbedder;
import dev.aurum.assistant.proposal.Turn;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.ValueIndex;
import dev.aurum.semantic.ValueMatch;
import dev.aurum.semantic.VerifiedQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Renders the prompt of a SQL request from the {@code prompts/} templates (docs/reference.md, "The LLM route"): the schema
 * slice, the model's instructions, the most similar verified queries, values of the data the question names, the data
 * date and the conversation so far. Nothing else goes in: never a result row (docs/architecture.md, "Privacy").
 */
public final class PromptBuilder
{
    /** Earlier turns of the conversation the prompt repeats, newest kept. */
    static final int HISTORY_TURNS = 6;
    private static final int MAX_VALUES = 10;
    private static final double MIN_VALUE_SCORE = 0.8;

    private final SemanticModel model;
    private final PromptTemplates templates;
    private final SchemaRetriever retriever;
    private final ValueIndex values;
    private final Optional<Function<String, float[]>> embedder;
    private final Supplier<LocalDate> dataDate;
    private final int tokenBudget;
    private final int similarQueries;
    private final Map<String, float[]> verifiedVectors = new HashMap<>();

    public PromptBuilder(SemanticModel model, PromptTemplates templates, ValueIndex values, Optional<Function<String, float[]>> embedder,
            Supplier<LocalDate> dataDate, int tokenBudget, int similarQueries)
    {
        this.model = requireNonNull(model, "model is null");
        this.templates = requireNonNull(templates, "templates is null");
        this.values = requireNonNull(values, "values is null");
        this.embedder = requireNonNull(embedder, "embedder is null");
        this.dataDate = requireNonNull(dataDate, "dataDate is null");
        this.retriever = new SchemaRetriever(model, embedder);
        this.tokenBudget = tokenBudget;
        this.similarQueries = similarQueries;
    }

    public LlmPrompt build(Question question)
    {
        String system = templates.render(PromptTemplates.SYSTEM, Map.of());
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("data_date", String.valueOf(dataDate.get()));
        parts.put("model_name", model.name());
        parts.put("model_description", model.description().strip());
        parts.put("instructions", bullets(model.instructions()));
        parts.put("verified_queries", verifiedQueries(question.text()));
        List<ValueMatch> matches = values.match(question.text()).stream()
                .filter(match -> match.score() >= MIN_VALUE_SCORE)
                .sorted(Comparator.comparingDouble(ValueMatch::score).reversed())
                .toList();
        parts.put("values", values(matches));
        parts.put("history", history(question.history()));
        parts.put("clarification", templates.render(PromptTemplates.CLARIFICATION, Map.of()));
        parts.put("question", question.text().strip());
        parts.put("schema", "");
        int rest = SchemaText.estimateTokens(system) + SchemaText.estimateTokens(templates.render(PromptTemplates.SQL_GENERATION, parts));
        Set<String> valueColumns = new HashSet<>();
        matches.forEach(match -> valueColumns.add(match.dimension()));
        SchemaSlice slice = retriever.retrieve(retrievalText(question), Math.max(200, tokenBudget - rest), valueColumns);
        parts.put("schema", SchemaText.render(slice));
        return new LlmPrompt(system, templates.render(PromptTemplates.SQL_GENERATION, parts), slice);
    }

    public SchemaRetriever retriever()
    {
        return retriever;
    }

    /** A follow-up ("now by state") is retrieved with the question before it, so its tables stay in the slice. */
    private static String retrievalText(Question question)
    {
        if (question.history().isEmpty()) {
            return question.text();
        }
        return question.history().get(question.history().size() - 1).question() + " " + question.text();
    }

    private static String bullets(List<String> lines)
    {
        if (lines.isEmpty()) {
            return "(none)";
        }
        return String.join("\n", lines.stream().map(line -> "- " + line.strip().replaceAll("\\s+", " ")).toList());
    }

    private String verifiedQueries(String question)
    {
        if (model.verifiedQueries().isEmpty() || similarQueries == 0) {
            return "(none)";
        }
        Map<VerifiedQuery, Double> scores = new LinkedHashMap<>();
        if (embedder.isPresent()) {
            float[] vector = embedder.get().apply(question);
            for (VerifiedQuery query : model.verifiedQueries()) {
                scores.put(query, TextEmbedder.cosine(vector, verifiedVector(query)));
            }
        }
        else {
            Set<String> words = SchemaRetriever.tokens(question);
            for (VerifiedQuery query : model.verifiedQueries()) {
                Set<String> theirs = SchemaRetriever.tokens(query.question());
                Set<String> shared = new HashSet<>(theirs);
                shared.retainAll(words);
                Set<String> union = new HashSet<>(theirs);
                union.addAll(words);
                scores.put(query, union.isEmpty() ? 0 : (double) shared.size() / union.size());
            }
        }
        List<VerifiedQuery> best = scores.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<VerifiedQuery, Double>comparingByValue().reversed())
                .limit(similarQueries)
                .map(Map.Entry::getKey)
                .toList();
        if (best.isEmpty()) {
            return "(none)";
        }
        List<String> lines = new ArrayList<>();
        for (VerifiedQuery query : best) {
            lines.add("- Question: " + query.question() + "\n  SQL: " + query.sql().strip().replaceAll("\\s+", " "));
        }
        return String.join("\n", lines);
    }

    private synchronized float[] verifiedVector(VerifiedQuery query)
    {
        return verifiedVectors.computeIfAbsent(query.name(), name -> embedder.orElseThrow().apply(query.question()));
    }

    private static String values(List<ValueMatch> matches)
    {
        Set<String> lines = new LinkedHashSet<>();
        matches.forEach(match -> lines.add("- \"" + match.phrase() + "\" is " + match.dimension() + " = '" + match.value() + "' (table " + match.table() + ")"));
        return lines.isEmpty() ? "(none)" : String.join("\n", lines.stream().limit(MAX_VALUES).toList());
    }

    private static String history(List<Turn> turns)
    {
        if (turns.isEmpty()) {
            return "(none: this is the first question)";
        }
        List<String> lines = new ArrayList<>();
        for (Turn turn : turns.subList(Math.max(0, turns.size() - HISTORY_TURNS), turns.size())) {
            lines.add("- Question: " + turn.question() + "\n  SQL: " + (turn.sql() == null ? "(not answered)" : turn.sql().strip().replaceAll("\\s+", " ")));
        }
        return String.join("\n", lines);
    }
}
