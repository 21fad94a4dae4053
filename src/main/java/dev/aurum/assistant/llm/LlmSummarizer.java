package dev.aurum.assistant.llm;

import dev.aurum.assistant.proposal.ResultSummarizer;
import dev.aurum.sql.ResultColumn;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A result summary written by the model, only when the user shares results ({@code AURUM_LLM_SHARE_RESULTS=true}); it
 * is kept only when every number it states is in the rows (or the question), else the caller writes the local summary.
 * Without sharing nothing is sent and the answer is empty (docs/reference.md, "The LLM route", privacy).
 */
public final class LlmSummarizer
        implements ResultSummarizer
{
    /** Rows sent at most; a summary of a longer result speaks of these. */
    static final int MAX_ROWS = 50;
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?");

    private final ChatModel chat;
    private final LlmSettings settings;
    private final PromptTemplates templates;

    public LlmSummarizer(ChatModel chat, LlmSettings settings, PromptTemplates templates)
    {
        this.chat = requireNonNull(chat, "chat is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.templates = requireNonNull(templates, "templates is null");
    }

    /** The model's summary of the rows, or empty: sharing is off, the call failed, or the summary states a number not in the rows. */
    @Override
    public Optional<String> summarize(String question, List<ResultColumn> columns, List<List<Object>> rows)
    {
        if (!settings.shareResults() || rows.isEmpty()) {
            return Optional.empty();
        }
        List<List<Object>> shown = rows.subList(0, Math.min(MAX_ROWS, rows.size()));
        String prompt = templates.render(PromptTemplates.RESULT_SUMMARY, Map.of(
                "question", question,
                "columns", columns.stream().map(column -> column.name() + " (" + column.type() + ")").collect(Collectors.joining(", ")),
                "row_count", String.valueOf(shown.size()),
                "rows", shown.stream().map(row -> row.stream().map(String::valueOf).collect(Collectors.joining(" | "))).collect(Collectors.joining("\n"))));
        String text;
        try {
            text = chat.chat(ChatRequest.builder().messages(UserMessage.from(prompt)).build()).aiMessage().text();
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String summary = text.strip();
        return statesOnlyKnownNumbers(summary, question, shown) ? Optional.of(summary) : Optional.empty();
    }

    static boolean statesOnlyKnownNumbers(String summary, String question, List<List<Object>> rows)
    {
        Set<BigDecimal> known = new HashSet<>();
        numbers(question).forEach(known::add);
        known.add(BigDecimal.valueOf(rows.size()));
        for (List<Object> row : rows) {
            for (Object cell : row) {
                if (cell instanceof Number number) {
                    BigDecimal value = new BigDecimal(number.toString()).stripTrailingZeros();
                    known.add(value);
                    // the model may round as the answer is displayed: to whole units or two decimals
                    known.add(value.setScale(0, java.math.RoundingMode.HALF_UP).stripTrailingZeros());
                    known.add(value.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros());
                    known.add(value.setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros());
                }
                else if (cell != null) {
                    numbers(cell.toString()).forEach(known::add);
                }
            }
        }
        return numbers(summary).stream().allMatch(known::contains);
    }

    private static List<BigDecimal> numbers(String text)
    {
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            try {
                numbers.add(new BigDecimal(matcher.group().replace(",", "")).stripTrailingZeros());
            }
            catch (NumberFormatException e) {
                // "1,2,3" is a list, not one number; its parts are checked as they are
                for (String part : matcher.group().split(",")) {
                    if (!part.isEmpty()) {
                        numbers.add(new BigDecimal(part).stripTrailingZeros());
                    }
                }
            }
        }
        return numbers;
    }
}
