package dev.aurum.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Route;
import dev.aurum.assistant.proposal.Attempt;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.assistant.proposal.Understood;
import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.aurum.render.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

class AnswerJsonTest
{
    private static final List<String> ANSWER_FIELDS = List.of("id", "question", "status", "route", "sql", "columns", "rows", "row_count",
            "truncated", "summary", "message", "choices", "chart", "analysis", "provenance", "timings");
    private static final List<String> PROVENANCE_FIELDS = List.of("metrics", "dimensions", "filters", "joins", "verified_query", "understood",
            "attempts", "data_date", "table_versions");
    private static final List<String> TIMINGS_FIELDS = List.of("total_ms", "guard_ms", "execute_ms", "llm_ms", "prompt_tokens", "completion_tokens");

    private final AnswerJson json = new AnswerJson();

    @Test
    void everyFieldOfDesignIsPresentInOrderAndNullWhenItDoesNotApply() throws Exception
    {
        Answer answer = new Answer(null, null, AnswerStatus.ERROR, null, null, null, null, null, null, null, "it broke", null, null, null, null, null);
        JsonNode node = json.mapper().readTree(json.pretty(answer));
        assertThat(names(node)).containsExactlyElementsOf(ANSWER_FIELDS);
        assertThat(node.get("status").asText()).isEqualTo("error");
        assertThat(node.get("message").asText()).isEqualTo("it broke");
        for (String field : ANSWER_FIELDS) {
            if (!field.equals("status") && !field.equals("message")) {
                assertThat(node.get(field).isNull()).as(field).isTrue();
            }
        }
    }

    @Test
    void fullAnswerHasDesignNamesAndTypes() throws Exception
    {
        List<ResultColumn> columns = List.of(new ResultColumn("purchase_date", "date"), new ResultColumn("purchase_ts", "timestamp"),
                new ResultColumn("revenue", "decimal(12,2)"), new ResultColumn("tiny", "decimal(38,18)"), new ResultColumn("rate", "double"),
                new ResultColumn("note", "string"));
        List<List<Object>> rows = List.of(
                row(LocalDate.of(2017, 11, 24), Instant.parse("2017-11-24T22:15:03Z"), new BigDecimal("1E+3"), new BigDecimal("0.000000000000000001"), 12.5, "são"),
                row(null, null, null, null, null, null));
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("f_statistic", 1.85);
        analysis.put("p_value", 0.14);
        Answer answer = new Answer("q-7", "revenue by day", AnswerStatus.ANSWERED, Route.TRUSTED, "SELECT 1", columns, rows, 2L, true,
                "Revenue peaked on Black Friday.", null, List.of("by week", "by month"), new ChartHint("line", "purchase_date", "revenue"), analysis,
                new Answer.Provenance(List.of("revenue"), List.of("purchase_date"), List.of("revenue orders"), List.of(), "revenue_by_day",
                        List.of(new Understood("last month", "2018-07-01 .. 2018-07-31")), List.of(new Attempt("SELEC 1", "syntax error")),
                        LocalDate.of(2018, 8, 29), Map.of("gold.order_facts", 12L)),
                new Answer.Timings(120L, 4L, 110L, null, null, null));
        String text = json.pretty(answer);
        JsonNode node = json.mapper().readTree(text);

        assertThat(node.get("status").asText()).isEqualTo("answered");
        assertThat(node.get("route").asText()).isEqualTo("trusted");
        assertThat(node.get("row_count").asLong()).isEqualTo(2);
        assertThat(node.get("truncated").asBoolean()).isTrue();
        assertThat(names(node.get("columns").get(0))).containsExactly("name", "type");
        assertThat(node.get("columns").get(2).get("type").asText()).isEqualTo("decimal(12,2)");

        JsonNode first = node.get("rows").get(0);
        assertThat(first.get(0).isTextual()).isTrue();
        assertThat(first.get(0).asText()).isEqualTo("2017-11-24");
        assertThat(first.get(1).asText()).isEqualTo("2017-11-24T22:15:03Z");
        assertThat(first.get(2).isNumber()).isTrue();
        assertThat(first.get(5).asText()).isEqualTo("são");
        assertThat(text).contains("1000").doesNotContain("1E+3").contains("0.000000000000000001").doesNotContain("E-18");
        assertThat(node.get("rows").get(1)).allSatisfy(cell -> assertThat(cell.isNull()).isTrue());

        assertThat(names(node.get("chart"))).containsExactly("type", "x", "y");
        assertThat(node.get("analysis").get("f_statistic").asDouble()).isEqualTo(1.85);
        JsonNode provenance = node.get("provenance");
        assertThat(names(provenance)).containsExactlyElementsOf(PROVENANCE_FIELDS);
        assertThat(provenance.get("data_date").asText()).isEqualTo("2018-08-29");
        assertThat(provenance.get("table_versions").get("gold.order_facts").asLong()).isEqualTo(12);
        assertThat(names(provenance.get("understood").get(0))).containsExactly("text", "as");
        assertThat(names(provenance.get("attempts").get(0))).containsExactly("sql", "error");
        assertThat(names(node.get("timings"))).containsExactlyElementsOf(TIMINGS_FIELDS);
        assertThat(node.get("timings").get("llm_ms").isNull()).isTrue();
    }

    @Test
    void compactIsOneLine() throws Exception
    {
        Answer answer = Results.answer(Results.UNICODE_COLUMNS, List.of(row("two\nlines", 1L)));
        String line = json.compact(answer);
        assertThat(line).doesNotContain("\n").startsWith("{\"id\":\"a-1\",\"question\":null,\"status\":\"answered\",\"route\":\"sql\"");
        assertThat(json.mapper().readTree(line).get("rows").get(0).get(0).asText()).isEqualTo("two\nlines");
    }

    @Test
    void routesAndStatusesAreLowerCase() throws Exception
    {
        for (Route route : Route.values()) {
            for (AnswerStatus status : AnswerStatus.values()) {
                Answer answer = new Answer("x", "q", status, route, null, null, null, null, null, null, null, null, null, null, null, null);
                JsonNode node = json.mapper().readTree(json.compact(answer));
                assertThat(node.get("route").asText()).isEqualTo(route.name().toLowerCase());
                assertThat(node.get("status").asText()).isEqualTo(status.name().toLowerCase());
            }
        }
    }

    private static List<String> names(JsonNode node)
    {
        List<String> names = new ArrayList<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
