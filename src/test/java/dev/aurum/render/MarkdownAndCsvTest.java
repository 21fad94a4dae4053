package dev.aurum.render;

import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aurum.render.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

class MarkdownAndCsvTest
{
    private final MarkdownTableRenderer markdown = new MarkdownTableRenderer(RenderSettings.defaults().withCurrencySymbol("R$").withColumnFormats(Map.of("revenue", "money")));
    private final CsvRenderer csv = new CsvRenderer();

    @Test
    void markdownTableAlignsNumbersRight()
    {
        assertThat(markdown.render(Results.STATE_COLUMNS, Results.STATE_ROWS)).isEqualTo("""
                | customer_state | orders | revenue |
                | --- | ---: | ---: |
                | SP | 41,746 | R$ 5,202,955.05 |
                | RJ | 12,852 | R$ 1,824,092.67 |
                | MG | 11,635 | R$ 1,585,308.03 |
                """);
    }

    @Test
    void markdownEscapesPipesAndLineBreaksAndShowsNull()
    {
        List<ResultColumn> columns = List.of(Results.column("a|b", "string"), Results.column("n", "int"));
        String table = markdown.render(columns, List.of(row("x | y\nz", null), row("back\\slash", 3)));
        assertThat(table).contains("| a\\|b | n |").contains("| x \\| y<br>z | NULL |").contains("| back\\\\slash | 3 |");
    }

    @Test
    void markdownKeepsEveryRowAndUnicode()
    {
        assertThat(markdown.render(Results.DAILY_COLUMNS, Results.dailyRows(100)).lines()).hasSize(102);
        assertThat(markdown.render(Results.UNICODE_COLUMNS, Results.UNICODE_ROWS)).contains("| 東京都 | 2,000 |").contains("| 👨‍👩‍👧 family | 5 |");
        assertThat(markdown.render(Results.STATE_COLUMNS, List.of()).lines()).hasSize(2);
    }

    @Test
    void csvQuotesOnlyWhatRfc4180Needs()
    {
        List<ResultColumn> columns = List.of(Results.column("text", "string"), Results.column("n", "bigint"));
        List<List<Object>> rows = List.of(
                row("plain", 1L),
                row("a,b", 2L),
                row("say \"hi\"", 3L),
                row("two\nlines", 4L),
                row("cr\rhere", 5L),
                row(" padded ", 6L),
                row("", 7L),
                row(null, null),
                row("são paulo 東京", 9L));
        assertThat(csv.render(columns, rows)).isEqualTo(
                "text,n\r\n"
                        + "plain,1\r\n"
                        + "\"a,b\",2\r\n"
                        + "\"say \"\"hi\"\"\",3\r\n"
                        + "\"two\nlines\",4\r\n"
                        + "\"cr\rhere\",5\r\n"
                        + "\" padded \",6\r\n"
                        + "\"\",7\r\n"
                        + ",\r\n"
                        + "são paulo 東京,9\r\n");
    }

    @Test
    void csvWritesRawValues()
    {
        String text = csv.render(Results.PRECISION_COLUMNS, Results.PRECISION_ROWS);
        assertThat(text).isEqualTo("big,tiny,ratio,count\r\n"
                + "123456789012345678901234567890123456.78,0.000000000000000001,0.30000000000000004,9223372036854775807\r\n"
                + "-0.01,1.500000000000000000,0.3333333333333333,-9223372036854775808\r\n");
        assertThat(csv.render(Results.NULL_COLUMNS, Results.NULL_ROWS)).isEqualTo("order_id,delivered_ts,delivery_days,is_late,avg_order_value\r\n"
                + "o1,2017-03-01T14:05:00Z,7,false,120.50\r\n"
                + "o2,,,,\r\n");
    }

    @Test
    void csvQuotesHeadersAndKeepsEveryRowAndColumn()
    {
        List<ResultColumn> columns = List.of(Results.column("sum(price), brl", "decimal(22,2)"));
        assertThat(csv.render(columns, List.of(row(new BigDecimal("1.00"))))).isEqualTo("\"sum(price), brl\"\r\n1.00\r\n");
        assertThat(csv.render(Results.wideColumns(), Results.wideRows()).split("\r\n")).hasSize(4)
                .allSatisfy(line -> assertThat(line.split(",")).hasSize(30));
        assertThat(csv.render(Results.DAILY_COLUMNS, Results.dailyRows(500)).split("\r\n")).hasSize(501);
        assertThat(csv.render(Results.STATE_COLUMNS, List.of())).isEqualTo("customer_state,orders,revenue\r\n");
    }

    @Test
    void csvRoundTripsThroughAStrictReader()
    {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("a,\"b\"\r\nc", Instant.parse("2018-01-01T00:00:00Z")));
        List<ResultColumn> columns = List.of(Results.column("t", "string"), Results.column("ts", "timestamp"));
        List<List<String>> parsed = parse(csv.render(columns, rows));
        assertThat(parsed).containsExactly(List.of("t", "ts"), List.of("a,\"b\"\r\nc", "2018-01-01T00:00:00Z"));
    }

    /** A small RFC 4180 reader, to check that what we write reads back the same. */
    private static List<List<String>> parse(String text)
    {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (quoted) {
                if (character == '"' && index + 1 < text.length() && text.charAt(index + 1) == '"') {
                    field.append('"');
                    index++;
                }
                else if (character == '"') {
                    quoted = false;
                }
                else {
                    field.append(character);
                }
            }
            else if (character == '"') {
                quoted = true;
            }
            else if (character == ',') {
                record.add(field.toString());
                field.setLength(0);
            }
            else if (character == '\r' && index + 1 < text.length() && text.charAt(index + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                index++;
            }
            else {
                field.append(character);
            }
        }
        return records;
    }
}
