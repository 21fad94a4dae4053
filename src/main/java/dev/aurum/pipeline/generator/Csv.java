package dev.aurum.pipeline.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 text: fields separated by commas; a field holding a comma, a double quote, CR or LF is enclosed in
 * double quotes with its quotes doubled. Records end with LF.
 */
public final class Csv
{
    private Csv() {}

    /** One record, without the line end. */
    public static String formatRecord(List<String> fields)
    {
        StringBuilder line = new StringBuilder();
        appendRecord(line, fields);
        return line.toString();
    }

    static void appendRecord(StringBuilder out, List<String> fields)
    {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, fields.get(i));
        }
    }

    private static void appendField(StringBuilder out, String field)
    {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(field);
            return;
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Every record of an RFC 4180 text (LF or CRLF line ends; quoted fields may span lines). */
    public static List<List<String>> parse(String text)
    {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            }
            else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            }
            else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            }
            else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
