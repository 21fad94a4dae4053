package dev.aurum.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Route;
import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerRendererTest
{
    private final AnswerJson json = new AnswerJson();
    private final AnswerRenderer renderer = new AnswerRenderer(RenderSettings.defaults().withCurrencySymbol("R$").withShowSql(true).withColumnFormats(Map.of("revenue", "money")), json);

    @Test
    void formatsParseFromTheCommandLine()
    {
        assertThat(OutputFormat.parse("table")).isEqualTo(OutputFormat.TABLE);
        assertThat(OutputFormat.parse(" JSONL ")).isEqualTo(OutputFormat.JSONL);
        assertThat(OutputFormat.parse("markdown")).isEqualTo(OutputFormat.MARKDOWN);
        assertThat(OutputFormat.names()).isEqualTo("table, markdown, csv, json, jsonl");
        assertThatThrownBy(() -> OutputFormat.parse("xml")).hasMessageContaining("'xml'").hasMessageContaining("table, markdown, csv, json, jsonl");
    }

    @Test
    void tableShowsResultThenSummaryThenSqlThenTimer()
    {
        Answer base = Results.answer(Results.STATE_COLUMNS, Results.STATE_ROWS);
        Answer answer = new Answer(base.id(), "revenue by state", base.status(), base.route(), "SELECT customer_state,\n  count(*)", base.columns(),
                base.rows(), base.rowCount(), false, "SP leads with R$ 5.2M.", null, null, null, null, base.provenance(), base.timings());
        String text = renderer.render(answer, OutputFormat.TABLE);
        assertThat(text).endsWith("""
                └────────────────┴────────┴─────────────────┘
                SP leads with R$ 5.2M.
                SQL:
                  SELECT customer_state,
                    count(*)
                3 rows in 0.12 s
                """);
        assertThat(text).contains("R$ 5,202,955.05");
    }

    @Test
    void clarificationsShowTheirChoicesAndErrorsSaySo()
    {
        Answer clarification = new Answer("c", "sales", AnswerStatus.CLARIFICATION, Route.PLANNER, null, null, null, null, null, null,
                "Which do you mean by sales?", List.of("revenue", "orders"), null, null, null, new Answer.Timings(30L, null, null, null, null, null));
        assertThat(renderer.render(clarification, OutputFormat.TABLE)).isEqualTo("""
                Which do you mean by sales?
                  1. revenue
                  2. orders
                took 0.03 s
                """);
        assertThat(renderer.render(clarification, OutputFormat.CSV)).isEmpty();
        assertThat(renderer.diagnostics(clarification, OutputFormat.CSV)).contains("Which do you mean", "1. revenue");

        Answer refused = new Answer("r", null, AnswerStatus.REFUSED, Route.SQL, "DROP TABLE x", null, null, null, null, null,
                "DROP TABLE is a command; only queries are allowed.", null, null, null, null, null);
        assertThat(renderer.render(refused, OutputFormat.TABLE)).startsWith("refused: DROP TABLE is a command");
        assertThat(renderer.render(refused, OutputFormat.MARKDOWN)).startsWith("**refused: DROP TABLE is a command");
        assertThat(renderer.diagnostics(refused, OutputFormat.JSON)).isEmpty();
    }

    @Test
    void markdownPutsTheSqlInAFence()
    {
        String text = renderer.render(Results.answer(Results.STATE_COLUMNS, Results.STATE_ROWS), OutputFormat.MARKDOWN);
        assertThat(text).startsWith("| customer_state | orders | revenue |\n").contains("```sql\nSELECT 1\n```\n").endsWith("_3 rows in 0.12 s_\n");
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void everyShapeRendersInEveryFormat(OutputFormat format) throws Exception
    {
        Map<String, List<ResultColumn>> columns = Map.of(
                "wide", Results.wideColumns(), "long", Results.DAILY_COLUMNS, "empty", Results.STATE_COLUMNS, "null", Results.NULL_COLUMNS,
                "unicode", Results.UNICODE_COLUMNS, "precision", Results.PRECISION_COLUMNS);
        Map<String, List<List<Object>>> rows = Map.of(
                "wide", Results.wideRows(), "long", Results.dailyRows(1_000), "empty", List.of(), "null", Results.NULL_ROWS,
                "unicode", Results.UNICODE_ROWS, "precision", Results.PRECISION_ROWS);
        AnswerRenderer narrow = new AnswerRenderer(RenderSettings.defaults().withCurrencySymbol("R$").withTerminalWidth(100), json);
        for (String shape : columns.keySet()) {
            Answer answer = Results.answer(columns.get(shape), rows.get(shape));
            String text = narrow.render(answer, format);
            assertThat(text).as(shape).isNotEmpty().endsWith("\n");
            switch (format) {
                case TABLE -> {
                    assertThat(text.lines().filter(line -> line.startsWith("│") || line.startsWith("┌")))
                            .as(shape).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isLessThanOrEqualTo(100));
                    assertThat(text).as(shape).contains(rows.get(shape).size() == 1 ? " row in 0.12 s" : " rows in 0.12 s");
                }
                case MARKDOWN -> assertThat(text.lines().filter(line -> line.startsWith("|"))).as(shape).hasSize(2 + rows.get(shape).size());
                case CSV -> assertThat(text.split("\r\n", -1)).as(shape).hasSize(2 + rows.get(shape).size());
                case JSON, JSONL -> {
                    JsonNode node = json.mapper().readTree(text);
                    assertThat(node.get("rows")).as(shape).hasSize(rows.get(shape).size());
                    assertThat(node.get("columns")).as(shape).hasSize(columns.get(shape).size());
                    assertThat(text.strip().contains("\n")).as(shape).isEqualTo(format == OutputFormat.JSON);
                }
            }
        }
    }

    @Test
    void severalAnswersInOneOutput() throws Exception
    {
        Answer one = Results.answer(Results.STATE_COLUMNS, Results.STATE_ROWS);
        Answer two = Results.answer(Results.UNICODE_COLUMNS, Results.UNICODE_ROWS);
        JsonNode array = json.mapper().readTree(renderer.renderAll(List.of(one, two), OutputFormat.JSON));
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(renderer.renderAll(List.of(one, two), OutputFormat.JSONL).lines()).hasSize(2);
        assertThat(renderer.renderAll(List.of(one, two), OutputFormat.TABLE)).contains("3 rows in 0.12 s\n\n┌");
        assertThat(renderer.renderAll(List.of(one, two), OutputFormat.CSV)).contains("MG,11635,1585308.03\r\n\r\ncity,orders\r\n");
    }
}
