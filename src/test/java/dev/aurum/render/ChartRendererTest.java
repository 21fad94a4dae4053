package dev.aurum.render;

import dev.aurum.assistant.Answer;
import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.sql.ResultColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.aurum.render.Results.column;
import static dev.aurum.render.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

class ChartRendererTest
{
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path folder;

    private final ChartRenderer charts = new ChartRenderer(640, 400);

    @Test
    void inferenceChoosesLineForTimeBarForCategoriesNoneForOneValue()
    {
        assertThat(ChartInference.infer(Results.DAILY_COLUMNS, Results.dailyRows(10))).isEqualTo(new ChartHint("line", "date", "orders"));
        assertThat(ChartInference.infer(Results.STATE_COLUMNS, Results.STATE_ROWS)).isEqualTo(new ChartHint("bar", "customer_state", "orders"));
        List<ResultColumn> monthly = List.of(column("year", "int"), column("month", "int"), column("revenue", "decimal(12,2)"));
        assertThat(ChartInference.infer(monthly, List.of(row(2017, 1, BigDecimal.ONE), row(2017, 2, BigDecimal.TEN))))
                .isEqualTo(new ChartHint("line", "year,month", "revenue"));
        List<ResultColumn> quarterly = List.of(column("quarter", "int"), column("year", "int"), column("orders", "bigint"));
        assertThat(ChartInference.infer(quarterly, List.of(row(1, 2017, 3L), row(2, 2017, 4L))))
                .isEqualTo(new ChartHint("line", "year,quarter", "orders"));
        List<ResultColumn> single = List.of(column("revenue", "decimal(12,2)"));
        assertThat(ChartInference.infer(single, List.of(row(BigDecimal.TEN))).type()).isEqualTo("none");
        assertThat(ChartInference.infer(Results.STATE_COLUMNS, List.of(Results.STATE_ROWS.get(0))).type()).isEqualTo("none");
        assertThat(ChartInference.infer(List.of(column("customer_id", "string"), column("city", "string")), List.of(row("a", "b"), row("c", "d"))).type())
                .isEqualTo("none");
        assertThat(ChartInference.infer(Results.STATE_COLUMNS, List.of()).type()).isEqualTo("none");
    }

    @Test
    void lineChartOverDatesIsAPng() throws Exception
    {
        Path file = folder.resolve("daily.png");
        Optional<ChartHint> drawn = charts.write(Results.answer(Results.DAILY_COLUMNS, Results.dailyRows(90)), file);
        assertThat(drawn).contains(new ChartHint("line", "date", "orders"));
        assertPng(file);
    }

    @Test
    void lineChartOverPeriodsWithOneSeriesPerStateIsAPng() throws Exception
    {
        List<ResultColumn> columns = List.of(column("year", "int"), column("month", "int"), column("customer_state", "string"), column("revenue", "decimal(12,2)"));
        List<List<Object>> rows = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            rows.add(row(2017, month, "SP", new BigDecimal(1000 + month * 50)));
            if (month % 3 != 0) {
                rows.add(row(2017, month, "RJ", new BigDecimal(600 + month * 20)));
            }
        }
        Path file = folder.resolve("nested/monthly.png");
        assertThat(charts.write(columns, rows, ChartInference.infer(columns, rows), file)).isTrue();
        assertPng(file);
        ChartData data = ChartData.from(ChartInference.infer(columns, rows), columns, rows).orElseThrow();
        assertThat(data.seriesNames()).containsExactly("SP", "RJ");
        assertThat(data.xLabels()).startsWith("2017-01", "2017-02", "2017-03");
        assertThat(data.series().get(1).get(2)).isNull();
    }

    @Test
    void barChartOfCategoriesIsAPng() throws Exception
    {
        Path file = folder.resolve("states.png");
        assertThat(charts.write(Results.answer(Results.STATE_COLUMNS, Results.STATE_ROWS), file)).contains(new ChartHint("bar", "customer_state", "orders"));
        assertPng(file);
    }

    @Test
    void theAnswersOwnChartWinsAndTimestampsWork() throws Exception
    {
        List<ResultColumn> columns = List.of(column("purchase_ts", "timestamp"), column("order_value", "decimal(12,2)"), column("item_count", "int"));
        List<List<Object>> rows = List.of(
                row(Instant.parse("2017-01-01T10:00:00Z"), new BigDecimal("10.00"), 1),
                row(Instant.parse("2017-01-02T10:00:00Z"), null, 2),
                row(Instant.parse("2017-01-03T10:00:00Z"), new BigDecimal("30.00"), 3));
        Answer base = Results.answer(columns, rows);
        Answer answer = new Answer(base.id(), null, base.status(), base.route(), base.sql(), columns, rows, 3L, false, null, null, null,
                new ChartHint("line", "purchase_ts", "order_value, item_count"), null, null, null);
        Path file = folder.resolve("own.png");
        assertThat(charts.write(answer, file)).contains(answer.chart());
        assertPng(file);
    }

    @Test
    void noFileForASingleValueOrForChartNone()
    {
        Path single = folder.resolve("single.png");
        List<ResultColumn> columns = List.of(column("revenue", "decimal(12,2)"));
        assertThat(charts.write(Results.answer(columns, List.of(row(new BigDecimal("13591643.70")))), single)).isEmpty();
        assertThat(single).doesNotExist();

        Path none = folder.resolve("none.png");
        assertThat(charts.write(Results.STATE_COLUMNS, Results.STATE_ROWS, ChartInference.none(), none)).isFalse();
        assertThat(none).doesNotExist();

        Path unknown = folder.resolve("unknown.png");
        assertThat(charts.write(Results.STATE_COLUMNS, Results.STATE_ROWS, new ChartHint("bar", "no_such_column", "orders"), unknown)).isFalse();
        assertThat(unknown).doesNotExist();
    }

    @Test
    void manyCategoriesAreCutToTheBarLimit()
    {
        List<List<Object>> rows = new ArrayList<>();
        for (int index = 0; index < 80; index++) {
            rows.add(row("category_" + index, (long) index, BigDecimal.ONE));
        }
        Optional<byte[]> png = charts.png(Results.STATE_COLUMNS, rows, new ChartHint("bar", "customer_state", "orders"));
        assertThat(png).isPresent();
        assertThat(Arrays.copyOf(png.get(), 8)).isEqualTo(PNG_MAGIC);
    }

    @Test
    void headlessIsOn()
    {
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }

    private static void assertPng(Path file) throws Exception
    {
        assertThat(file).exists();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(1_000);
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(PNG_MAGIC);
    }
}
