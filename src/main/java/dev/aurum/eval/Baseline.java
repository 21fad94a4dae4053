package dev.aurum.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** The per-question scores of an earlier JSON report ({@code --json}), to list what changed since. */
public final class Baseline
{
    private final String source;
    private final Map<String, String> scores;

    Baseline(String source, Map<String, String> scores)
    {
        this.source = requireNonNull(source, "source is null");
        this.scores = new LinkedHashMap<>(requireNonNull(scores, "scores is null"));
    }

    public static Baseline read(Path file)
    {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "cannot read the baseline " + file + ": " + e.getMessage()
                    + "; give --baseline a report written by aurum eval --json");
        }
        JsonNode questions = root == null ? null : root.get("questions");
        if (questions == null || !questions.isArray()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "the baseline " + file + " has no \"questions\" list; give --baseline a report written by aurum eval --json");
        }
        Map<String, String> scores = new LinkedHashMap<>();
        for (JsonNode question : questions) {
            JsonNode id = question.get("id");
            JsonNode verdict = question.get("verdict");
            if (id == null || verdict == null) {
                throw new AurumException(ErrorCode.BAD_INPUT, "the baseline " + file + " has a question without id or verdict");
            }
            JsonNode reason = question.get("reason");
            scores.put(id.asText(), score(verdict.asText(), reason == null || reason.isNull() ? null : reason.asText()));
        }
        return new Baseline(file.toString(), scores);
    }

    public String source()
    {
        return source;
    }

    /** Every question whose score differs from the baseline, in this run's order, then the removed ones. */
    public List<BaselineChange> compare(List<QuestionOutcome> outcomes)
    {
        List<BaselineChange> changes = new ArrayList<>();
        Map<String, String> remaining = new LinkedHashMap<>(scores);
        for (QuestionOutcome outcome : outcomes) {
            String after = score(outcome.verdict().jsonName(), outcome.reason().map(Enum::name).orElse(null));
            String before = remaining.remove(outcome.id());
            if (before == null) {
                changes.add(new BaselineChange(outcome.id(), BaselineChange.Kind.NEW, "absent", after));
            }
            else if (!before.equals(after)) {
                boolean wasCorrect = before.equals("correct");
                BaselineChange.Kind kind = outcome.correct() ? BaselineChange.Kind.FIXED : wasCorrect ? BaselineChange.Kind.REGRESSED : BaselineChange.Kind.CHANGED;
                changes.add(new BaselineChange(outcome.id(), kind, before, after));
            }
        }
        remaining.forEach((id, before) -> changes.add(new BaselineChange(id, BaselineChange.Kind.REMOVED, before, "absent")));
        return changes;
    }

    private static String score(String verdict, String reason)
    {
        return reason == null ? verdict : verdict + ": " + reason;
    }
}
