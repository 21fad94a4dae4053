package dev.aurum.render;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a command prints its answer: the {@code --format} values (README, output formats). */
public enum OutputFormat
{
    /** A box table for people at a terminal (the default). */
    TABLE,
    /** A GitHub-flavoured Markdown table, for pasting into documents. */
    MARKDOWN,
    /** RFC 4180 CSV of the result rows only. */
    CSV,
    /** The JSON answer of docs/architecture.md, pretty printed. */
    JSON,
    /** The JSON answer of docs/architecture.md, one compact object per line. */
    JSONL;

    /** The name used on the command line: {@code table}, {@code markdown}, ... */
    public String cliName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@code --format} value, ignoring case and surrounding blanks.
     *
     * @throws AurumException BAD_INPUT naming the accepted values
     */
    public static OutputFormat parse(String text)
    {
        if (text != null) {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            for (OutputFormat format : values()) {
                if (format.cliName().equals(wanted)) {
                    return format;
                }
            }
        }
        throw new AurumException(ErrorCode.BAD_INPUT, "Unknown output format '" + text + "'; use one of: " + names() + ".");
    }

    /** The accepted names, comma separated, for help texts and error messages. */
    public static String names()
    {
        return Arrays.stream(values()).map(OutputFormat::cliName).collect(Collectors.joining(", "));
    }
}
