package dev.aurum.pipeline.generator;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest
{
    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuotedAndRoundTrip()
    {
        List<String> fields = List.of("plain", "12,50", "say \"hi\"", "two\nlines", "cr\r\nlf", "", " padded ", "santa barbara d'oeste", "\"");
        String record = Csv.formatRecord(fields);

        assertThat(record).isEqualTo("plain,\"12,50\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\nlf\",, padded ,santa barbara d'oeste,\"\"\"\"");
        assertThat(Csv.parse(record + "\n")).containsExactly(fields);
        assertThat(Csv.parse(record + "\r\n" + record)).containsExactly(fields, fields);
    }

    @Test
    void unquotedFieldsAreWrittenAsIs()
    {
        assertThat(Csv.formatRecord(List.of("a", "b c", "1.5", "2017-01-01 10:00:00"))).isEqualTo("a,b c,1.5,2017-01-01 10:00:00");
        assertThat(Csv.parse("a,,c\n,\n")).containsExactly(List.of("a", "", "c"), List.of("", ""));
    }
}
