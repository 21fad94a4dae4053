package dev.aurum.pipeline;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** One RFC 4180 record: its fields, the physical line it starts on (1 = header) and its raw text. */
public record CsvRecord(List<String> fields, int lineNumber, String rawLine)
{
    public CsvRecord
    {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        requireNonNull(rawLine, "rawLine is null");
    }
}
