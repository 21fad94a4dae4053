package dev.aurum.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, fields optionally quoted with {@code "}, a doubled quote inside quotes is a
 * quote, quoted fields may hold commas and line breaks, records end with CRLF or LF. Blank lines are skipped.
 */
public final class CsvReader
{
    private CsvReader() {}

    public static List<CsvRecord> parse(String text)
    {
        List<CsvRecord> records = new ArrayList<>();
        int length = text.length();
        int position = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (position < length) {
            int start = position;
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean end = false;
            while (position < length && !end) {
                char c = text.charAt(position);
                if (quoted) {
                    if (c == '"') {
                        if (position + 1 < length && text.charAt(position + 1) == '"') {
                            field.append('"');
                            position++;
                        }
                        else {
                            quoted = false;
                        }
                    }
                    else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                    position++;
                    continue;
                }
                switch (c) {
                    case '"' -> quoted = true;
                    case ',' -> {
                        fields.add(field.toString());
                        field.setLength(0);
                    }
                    case '\r' -> {
                        if (position + 1 < length && text.charAt(position + 1) == '\n') {
                            position++;
                        }
                        end = true;
                    }
                    case '\n' -> end = true;
                    default -> field.append(c);
                }
                position++;
            }
            int rawEnd = position;
            if (end) {
                rawEnd = text.charAt(position - 1) == '\n' && position >= 2 && text.charAt(position - 2) == '\r' ? position - 2 : position - 1;
                line++;
            }
            String raw = text.substring(start, rawEnd);
            fields.add(field.toString());
            if (raw.isEmpty()) {
                continue;
            }
            records.add(new CsvRecord(fields, startLine, raw));
        }
        return records;
    }
}
