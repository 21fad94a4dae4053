package dev.aurum.pipeline;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.Layer;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.SampleDataGenerator;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code data generate} killed part-way (docs/reference.md, "Crash safety"): every landing file is written to a hidden
 * temporary name and renamed, so a kill leaves whole files, at most one hidden {@code .<entity>.csv.tmp} and a
 * last day with only some entities. The pipeline never reads the temporary file; the next {@code data generate}
 * removes it and writes the unfinished day again, and the landing zone then equals an uninterrupted generation.
 */
@SparkTest
class InterruptedGenerateTest
{
    private static final GeneratorSettings SETTINGS = new GeneratorSettings(0.01, 4, LocalDate.of(2017, 11, 20), 7, 0.02);

    @TempDir
    Path folder;

    @Test
    void killedGenerateIsNeverHalfLoadedAndTheNextGenerateFinishesIt()
    {
        LakehouseLayout clean = new LakehouseLayout(folder.resolve("clean"));
        new SampleDataGenerator(clean).generate(SETTINGS, dev.aurum.pipeline.generator.ProgressListener.none());
        LakehouseLayout killed = new LakehouseLayout(folder.resolve("killed"));
        new SampleDataGenerator(killed).generate(SETTINGS, dev.aurum.pipeline.generator.ProgressListener.none());
        // what a kill while writing day 4's order_items leaves: the settings recorded without a last day, day 4's
        // customers, products and orders whole, half of order_items in its temporary file, no payments
        Path record = killed.state().resolve("generator.json");
        rewrite(record, read(record).replaceAll("\"last_day\"\\s*:\\s*\"[^\"]*\"", "\"last_day\" : null"));
        Path items = killed.landingDay("order_items", "2017-11-23");
        String itemsText = read(items);
        rewrite(items.resolveSibling(".order_items.csv.tmp"), itemsText.substring(0, itemsText.length() / 2));
        delete(items);
        delete(killed.landingDay("payments", "2017-11-23"));
        assertThat(new SampleDataGenerator(killed).unfinished()).as("the stopped generation is recognised (chat's bootstrap finishes it)").isTrue();

        SparkSession spark = TestSpark.get();
        new PipelineRunner(spark, killed, CrashHarness.spec()).run(RunOptions.defaults(), ProgressListener.none());
        long tmpRows = spark.read().format("delta").load(killed.table(Layer.BRONZE, "order_items").toString())
                .where(col(BronzeIngest.SOURCE_FILE).contains(".tmp").or(col(BronzeIngest.DROP_DATE).equalTo(java.sql.Date.valueOf("2017-11-23")))).count();
        assertThat(tmpRows).as("nothing of the half-written file is loaded").isZero();

        new SampleDataGenerator(killed).generate(SETTINGS, dev.aurum.pipeline.generator.ProgressListener.none());
        assertThat(new SampleDataGenerator(killed).unfinished()).isFalse();
        assertThat(landing(killed)).as("the landing zone after the next generate").isEqualTo(landing(clean));

        new PipelineRunner(spark, killed, CrashHarness.spec()).run(RunOptions.defaults(), ProgressListener.none());
        for (String entity : new String[] {"order_items", "payments", "orders"}) {
            long landed = RawLanding.read(killed.root(), entity).stream().mapToLong(file -> file.records().size()).sum();
            assertThat(CrashHarness.count(spark, killed.table(Layer.BRONZE, entity))).as("%s rows in Bronze once each", entity).isEqualTo(landed);
        }
    }

    @Test
    void appendAfterAKilledAppendWritesTheUnfinishedDayAgain()
    {
        LakehouseLayout clean = new LakehouseLayout(folder.resolve("clean-append"));
        new SampleDataGenerator(clean).generate(SETTINGS, dev.aurum.pipeline.generator.ProgressListener.none());
        LakehouseLayout killed = new LakehouseLayout(folder.resolve("killed-append"));
        new SampleDataGenerator(killed).generate(SETTINGS.withDays(2), dev.aurum.pipeline.generator.ProgressListener.none());
        new SampleDataGenerator(killed).appendDays(2, dev.aurum.pipeline.generator.ProgressListener.none());
        delete(killed.landingDay("payments", "2017-11-23"));
        delete(killed.landingDay("order_items", "2017-11-23"));
        Path recordFile = killed.state().resolve("generator.json");
        rewrite(recordFile, read(recordFile).replace("2017-11-23", "2017-11-21"));

        new SampleDataGenerator(killed).appendDays(1, dev.aurum.pipeline.generator.ProgressListener.none());

        assertThat(landing(killed)).isEqualTo(landing(clean));
    }

    private static Map<String, String> landing(LakehouseLayout layout)
    {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(layout.landing())) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(layout.landing().relativize(path).toString(), read(path));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(Path file, String text)
    {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file)
    {
        try {
            Files.delete(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
