package dev.aurum.render;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Renders a whole {@link Answer} in one {@link OutputFormat}; used by ask, batch, chat and sql.
 * <ul>
 * <li>table: the result as a box table, then the summary, the message (with {@code error:} / {@code refused:}
 * before it), numbered choices, the SQL when {@link RenderSettings#showSql()} is on, and a timer line
 * "N rows in 0.12 s";</li>
 * <li>markdown: the same, as Markdown (the SQL in a fenced block);</li>
 * <li>csv: the result rows only (see {@link #diagnostics(Answer)} for what to print on stderr);</li>
 * <li>json / jsonl: the JSON answer of docs/architecture.md (pretty / one line).</li>
 * </ul>
 */
public final class AnswerRenderer
{
    private final RenderSettings settings;
    private final AnswerJson json;

    public AnswerRenderer(RenderSettings settings, AnswerJson json)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.json = requireNonNull(json, "json is null");
    }

    public RenderSettings settings()
    {
        return settings;
    }

    /** The answer in {@code format}; every line (also the last) ends in a newline, unless the text is empty. */
    public String render(Answer answer, OutputFormat format)
    {
        requireNonNull(answer, "answer is null");
        requireNonNull(format, "format is null");
        return switch (format) {
            case TABLE -> table(answer);
            case MARKDOWN -> markdown(answer);
            case CSV -> answer.columns() == null || answer.rows() == null ? "" : new CsvRenderer().render(answer.columns(), answer.rows());
            case JSON -> json.pretty(answer) + "\n";
            case JSONL -> json.compact(answer) + "\n";
        };
    }

    /**
     * Several answers (the statements of {@code aurum sql --file}, a batch): json is one array, jsonl one line each,
     * table and markdown the answers one after another with a blank line between, csv the tables with a blank line
     * between.
     */
    public String renderAll(List<Answer> answers, OutputFormat format)
    {
        requireNonNull(answers, "answers is null");
        if (format == OutputFormat.JSON) {
            return json.prettyArray(answers) + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (Answer answer : answers) {
            String text = render(answer, format);
            if (text.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && format != OutputFormat.JSONL) {
                out.append(format == OutputFormat.CSV ? "\r\n" : "\n");
            }
            out.append(text);
        }
        return out.toString();
    }

    /**
     * What a machine format leaves out and a person still needs to see (on stderr): for csv the summary and
     * message; for json/jsonl nothing (the JSON holds it); for table/markdown nothing (they print it).
     */
    public String diagnostics(Answer answer, OutputFormat format)
    {
        if (format != OutputFormat.CSV) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        String message = message(answer);
        if (message != null) {
            out.append(message).append('\n');
        }
        if (answer.choices() != null) {
            appendChoices(out, answer.choices(), "  ");
        }
        return out.toString();
    }

    private String table(Answer answer)
    {
        StringBuilder out = new StringBuilder();
        if (answer.columns() != null && answer.rows() != null) {
            out.append(new BoxTableRenderer(settings).render(answer.columns(), answer.rows(), Boolean.TRUE.equals(answer.truncated())));
        }
        Ansi ansi = new Ansi(settings.ansi());
        if (answer.summary() != null && !answer.summary().isBlank()) {
            out.append(answer.summary().strip()).append('\n');
        }
        String message = message(answer);
        if (message != null) {
            out.append(answer.status() == AnswerStatus.ANSWERED ? message : ansi.bold(message)).append('\n');
        }
        if (answer.choices() != null) {
            appendChoices(out, answer.choices(), "  ");
        }
        if (settings.showSql() && answer.sql() != null) {
            out.append(ansi.dim("SQL:")).append('\n');
            for (String line : answer.sql().strip().split("\\R")) {
                out.append("  ").append(line).append('\n');
            }
        }
        String timer = timer(answer);
        if (timer != null) {
            out.append(ansi.dim(timer)).append('\n');
        }
        return out.toString();
    }

    private String markdown(Answer answer)
    {
        StringBuilder out = new StringBuilder();
        if (answer.columns() != null && answer.rows() != null) {
            out.append(new MarkdownTableRenderer(settings).render(answer.columns(), answer.rows()));
            if (answer.rows().isEmpty()) {
                out.append("\n_(no rows)_\n");
            }
            if (Boolean.TRUE.equals(answer.truncated())) {
                out.append("\n_(the result was cut at the row cap)_\n");
            }
        }
        if (answer.summary() != null && !answer.summary().isBlank()) {
            separate(out).append(answer.summary().strip()).append('\n');
        }
        String message = message(answer);
        if (message != null) {
            separate(out).append(answer.status() == AnswerStatus.ANSWERED ? message : "**" + message + "**").append('\n');
        }
        if (answer.choices() != null && !answer.choices().isEmpty()) {
            separate(out);
            appendChoices(out, answer.choices(), "");
        }
        if (settings.showSql() && answer.sql() != null) {
            separate(out).append("```sql\n").append(answer.sql().strip()).append("\n```\n");
        }
        String timer = timer(answer);
        if (timer != null) {
            separate(out).append('_').append(timer).append("_\n");
        }
        return out.toString();
    }

    private static StringBuilder separate(StringBuilder out)
    {
        if (!out.isEmpty()) {
            out.append('\n');
        }
        return out;
    }

    private static void appendChoices(StringBuilder out, List<String> choices, String indent)
    {
        for (int index = 0; index < choices.size(); index++) {
            out.append(indent).append(index + 1).append(". ").append(choices.get(index)).append('\n');
        }
    }

    /** The message with its status in front when it is bad news. */
    private static String message(Answer answer)
    {
        if (answer.message() == null || answer.message().isBlank()) {
            return null;
        }
        String message = answer.message().strip();
        return switch (answer.status()) {
            case ANSWERED, CLARIFICATION -> message;
            case REFUSED, ERROR -> answer.status().jsonName() + ": " + message;
        };
    }

    /** "1,234 rows in 0.12 s", or null when the answer has no rows and no timing. */
    static String timer(Answer answer)
    {
        Long totalMillis = answer.timings() == null ? null : answer.timings().totalMs();
        String seconds = totalMillis == null ? null : String.format(Locale.ROOT, "%.2f s", totalMillis / 1000.0);
        if (answer.rowCount() != null) {
            long rows = answer.rowCount();
            String text = CellText.group(Long.toString(rows)) + (rows == 1 ? " row" : " rows");
            if (Boolean.TRUE.equals(answer.truncated())) {
                text += " (capped)";
            }
            return seconds == null ? text : text + " in " + seconds;
        }
        return seconds == null ? null : "took " + seconds;
    }
}
