package dev.aurum.sql;

import java.util.Arrays;
import java.util.Locale;

/** Turns Spark's error messages (error class tags, plan dumps, SQL excerpts) into one line a person can read. */
final class SparkMessages
{
    private SparkMessages() {}

    static String clean(String message)
    {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String line = Arrays.stream(message.split("\\R"))
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .findFirst()
                .orElse(message.strip());
        line = line.replaceAll("^\\[[A-Z0-9_.]+]\\s*", "");
        line = line.replaceAll("\\s*SQLSTATE: \\w+", "");
        line = line.replaceAll(";\\s*line \\d+ pos \\d+.*$", "");
        line = line.replaceAll("\\s*\\(line \\d+, pos \\d+\\)\\s*$", "");
        line = line.replaceAll("\\s*\\.\\s*$", "");
        if (line.length() > 300) {
            line = line.substring(0, 297) + "...";
        }
        return line.isEmpty() ? "unknown error" : line.substring(0, 1).toLowerCase(Locale.ROOT) + line.substring(1);
    }
}
