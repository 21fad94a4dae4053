package dev.aurum.pipeline.generator;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.pipeline.generator.LandingFiles.DayFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleDataGeneratorTest
{
    private static final GeneratorSettings SMALL = GeneratorSettings.defaults().withScale(0.01).withDays(5);

    @TempDir
    Path temporary;

    @Test
    void sameSettingsGiveSameBytes()
    {
        Path first = temporary.resolve("first");
        Path second = temporary.resolve("second");
        GenerationReport report = generator(first).generate(SMALL.withDays(8), ProgressListener.none());
        generator(second).generate(SMALL.withDays(8), ProgressListener.none());

        Map<String, byte[]> firstFiles = LandingFiles.contents(first);
        Map<String, byte[]> secondFiles = LandingFiles.contents(second);
        assertThat(firstFiles).hasSize(8 * LandingEntity.values().length).hasSameSizeAs(report.files());
        assertThat(secondFiles.keySet()).isEqualTo(firstFiles.keySet());
        firstFiles.forEach((file, bytes) -> assertThat(secondFiles.get(file)).as(file).isEqualTo(bytes));
    }

    @Test
    void otherSeedGivesOtherData()
    {
        Path first = temporary.resolve("first");
        Path second = temporary.resolve("second");
        generator(first).generate(SMALL.withDays(1), ProgressListener.none());
        generator(second).generate(SMALL.withDays(1).withSeed(7), ProgressListener.none());
        assertThat(LandingFiles.contents(second).get("orders/2017-01-01/orders.csv"))
                .isNotEqualTo(LandingFiles.contents(first).get("orders/2017-01-01/orders.csv"));
    }

    @Test
    void dripEqualsBatch()
    {
        Path drip = temporary.resolve("drip");
        Path batch = temporary.resolve("batch");
        SampleDataGenerator dripGenerator = generator(drip);
        GenerationReport firstThree = dripGenerator.generate(SMALL.withDays(3), ProgressListener.none());
        GenerationReport nextTwo = dripGenerator.appendDays(2, ProgressListener.none());
        generator(batch).generate(SMALL.withDays(5), ProgressListener.none());

        assertThat(firstThree.lastDay()).isEqualTo(LocalDate.of(2017, 1, 3));
        assertThat(nextTwo.firstDay()).isEqualTo(LocalDate.of(2017, 1, 4));
        assertThat(nextTwo.lastDay()).isEqualTo(LocalDate.of(2017, 1, 5));
        assertThat(nextTwo.files()).hasSize(2 * LandingEntity.values().length);
        Map<String, byte[]> dripFiles = LandingFiles.contents(drip);
        Map<String, byte[]> batchFiles = LandingFiles.contents(batch);
        assertThat(dripFiles.keySet()).isEqualTo(batchFiles.keySet()).hasSize(25);
        batchFiles.forEach((file, bytes) -> assertThat(dripFiles.get(file)).as(file).isEqualTo(bytes));
        assertThat(dripGenerator.lastLandedDay()).contains(LocalDate.of(2017, 1, 5));
    }

    @Test
    void appendContinuesAfterLandingFilesWereRemoved()
            throws Exception
    {
        Path drip = temporary.resolve("drip");
        Path batch = temporary.resolve("batch");
        SampleDataGenerator dripGenerator = generator(drip);
        dripGenerator.generate(SMALL.withDays(2), ProgressListener.none());
        // landing files are not needed after ingestion; the recorded last day still says where to continue
        try (var files = Files.walk(drip.resolve("landing"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        GenerationReport next = dripGenerator.appendDays(1, ProgressListener.none());
        generator(batch).generate(SMALL.withDays(3), ProgressListener.none());

        assertThat(next.firstDay()).isEqualTo(LocalDate.of(2017, 1, 3));
        Map<String, byte[]> batchFiles = LandingFiles.contents(batch);
        LandingFiles.contents(drip).forEach((file, bytes) -> assertThat(bytes).as(file).isEqualTo(batchFiles.get(file)));
    }

    @Test
    void differentSettingsOnExistingLakehouseAreRefused()
    {
        SampleDataGenerator generator = generator(temporary);
        generator.generate(SMALL.withDays(2), ProgressListener.none());

        assertBadInput(() -> generator.generate(SMALL.withDays(2).withScale(0.02), ProgressListener.none()), "--scale 0.01");
        assertBadInput(() -> generator.generate(SMALL.withDays(2).withSeed(1), ProgressListener.none()), "--seed 42");
        assertBadInput(() -> generator.generate(SMALL.withDays(2).withDefectRate(0.1), ProgressListener.none()), "--defect-rate");
        assertBadInput(() -> generator.generate(SMALL.withStart(LocalDate.of(2016, 12, 31)), ProgressListener.none()), "before 2017-01-01");
        assertBadInput(() -> generator.generate(SMALL.withStart(LocalDate.of(2017, 1, 5)), ProgressListener.none()), "gap");
        // the same settings again rewrite the same bytes, and a --start inside the data continues it
        Map<String, byte[]> before = LandingFiles.contents(temporary);
        generator.generate(SMALL.withDays(1).withStart(LocalDate.of(2017, 1, 2)), ProgressListener.none());
        assertThat(LandingFiles.contents(temporary).get("orders/2017-01-02/orders.csv")).isEqualTo(before.get("orders/2017-01-02/orders.csv"));
    }

    @Test
    void landingDataFromElsewhereIsNotMixedIn()
            throws Exception
    {
        Path foreign = new LakehouseLayout(temporary).landingDay("orders", "2020-05-01");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "order_id\n1\n");
        assertBadInput(() -> generator(temporary).generate(SMALL, ProgressListener.none()), "did not write");
        assertBadInput(() -> generator(temporary).appendDays(1, ProgressListener.none()), "run ./aurum data generate first");
    }

    @Test
    void settingsAreValidated()
    {
        assertBadInput(() -> GeneratorSettings.defaults().withScale(-1), "--scale");
        assertBadInput(() -> GeneratorSettings.defaults().withScale(0), "--scale");
        assertBadInput(() -> GeneratorSettings.defaults().withDefectRate(0.6), "--defect-rate");
        assertBadInput(() -> GeneratorSettings.defaults().withDefectRate(-0.01), "--defect-rate");
        assertBadInput(() -> GeneratorSettings.defaults().withDays(0), "--days");
        assertThat(GeneratorSettings.defaults()).isEqualTo(new GeneratorSettings(1, 730, LocalDate.of(2017, 1, 1), 42, 0.01));
    }

    @Test
    void headersHaveExactlyTheContractColumnsAndSalesChannelFromTheFourthDay()
    {
        generator(temporary).generate(SMALL, ProgressListener.none());
        int reordered = 0;
        for (LandingEntity entity : LandingEntity.values()) {
            for (DayFile file : LandingFiles.read(temporary, entity).values()) {
                int dayIndex = (int) (file.day().toEpochDay() - SMALL.start().toEpochDay());
                Set<String> expected = new HashSet<>(entity.columns());
                if (entity == LandingEntity.ORDERS && dayIndex >= 3) {
                    expected.add("sales_channel");
                }
                assertThat(file.header()).as(entity + " " + file.day()).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
                if (!file.header().equals(entity.columnsOnDay(dayIndex))) {
                    reordered++;
                }
            }
        }
        assertThat(reordered).as("files with a reordered header").isEqualTo(1);
        List<Map<String, String>> laterOrders = LandingFiles.read(temporary, LandingEntity.ORDERS).get(LocalDate.of(2017, 1, 4)).rows();
        assertThat(laterOrders).isNotEmpty().allSatisfy(row -> assertThat(row.get("sales_channel")).isIn("web", "app", "marketplace"));
    }

    @Test
    void everyDefectKindAppearsInAFiveDayRunAtSmallScale()
    {
        GenerationReport report = generator(temporary).generate(SMALL, ProgressListener.none());

        Set<String> allKinds = Arrays.stream(DefectKind.values()).map(DefectKind::key).collect(Collectors.toSet());
        assertThat(report.defectsPerKind().keySet()).containsExactlyInAnyOrderElementsOf(allKinds);
        assertThat(report.defectsPerKind().values()).allSatisfy(count -> assertThat(count).isPositive());

        // and the files really hold them
        Map<LandingEntity, TreeMap<LocalDate, DayFile>> files = new HashMap<>();
        for (LandingEntity entity : LandingEntity.values()) {
            files.put(entity, LandingFiles.read(temporary, entity));
        }
        long malformed = files.values().stream().flatMap(days -> days.values().stream())
                .mapToLong(file -> file.records().stream().filter(record -> record.size() != file.header().size()).count())
                .sum();
        assertThat(malformed).isEqualTo(report.defectsPerKind().get("malformed_row"));
        assertThat(files.values().stream().flatMap(days -> days.values().stream())
                .flatMap(file -> file.records().stream().map(record -> record.size() - file.header().size()))
                .collect(Collectors.toSet())).contains(-1, 0, 1);

        List<Map<String, String>> orders = LandingFiles.allRows(temporary, LandingEntity.ORDERS);
        List<Map<String, String>> items = LandingFiles.allRows(temporary, LandingEntity.ORDER_ITEMS);
        List<Map<String, String>> payments = LandingFiles.allRows(temporary, LandingEntity.PAYMENTS);
        List<Map<String, String>> products = LandingFiles.allRows(temporary, LandingEntity.PRODUCTS);
        Set<String> validStatuses = Set.of("created", "approved", "invoiced", "processing", "shipped", "delivered", "canceled", "unavailable");
        assertThat(orders).anySatisfy(row -> assertThat(row.get("order_status")).isEqualTo("lost"));
        assertThat(orders).anySatisfy(row -> {
            String status = row.get("order_status");
            assertThat(status).isNotIn(validStatuses);
            assertThat(status.trim().toLowerCase()).isIn(validStatuses);
        });
        long blankKeys = files.values().stream().flatMap(days -> days.values().stream())
                .mapToLong(file -> file.rows().stream().filter(row -> keyColumns(file.entity()).stream().anyMatch(column -> row.get(column).isBlank())).count())
                .sum();
        assertThat(blankKeys).isEqualTo(report.defectsPerKind().get("missing_key"));
        Set<String> orderIds = orders.stream().map(row -> row.get("order_id")).collect(Collectors.toSet());
        Set<String> productIds = products.stream().map(row -> row.get("product_id")).collect(Collectors.toSet());
        long orphanItems = items.stream().filter(row -> !row.get("order_id").isBlank() && !orderIds.contains(row.get("order_id"))).count();
        long orphanPayments = payments.stream().filter(row -> !row.get("order_id").isBlank() && !orderIds.contains(row.get("order_id"))).count();
        assertThat(orphanItems).isGreaterThanOrEqualTo(report.defectsPerKind().get("orphan_order_items"));
        assertThat(orphanPayments).isGreaterThanOrEqualTo(report.defectsPerKind().get("orphan_payments"));
        assertThat(items).anySatisfy(row -> {
            assertThat(orderIds).contains(row.get("order_id"));
            assertThat(productIds).doesNotContain(row.get("product_id"));
        });
        assertThat(items).anySatisfy(row -> assertThat(row.get("price")).satisfiesAnyOf(
                price -> assertThat(price).startsWith("-"), price -> assertThat(price).contains(","), price -> assertThat(price).startsWith("R$")));

        // exact duplicates: within one file, and a line sent again on a later day
        boolean duplicateInFile = false;
        boolean duplicateOnLaterDay = false;
        for (TreeMap<LocalDate, DayFile> days : files.values()) {
            Set<List<String>> seenEarlier = new HashSet<>();
            for (DayFile file : days.values()) {
                Set<List<String>> seenToday = new HashSet<>();
                for (Map<String, String> row : file.rows()) {
                    List<String> values = new TreeMap<>(row).values().stream().toList();
                    duplicateInFile |= !seenToday.add(values);
                    duplicateOnLaterDay |= seenEarlier.contains(values);
                }
                seenEarlier.addAll(seenToday);
            }
        }
        assertThat(duplicateInFile).isTrue();
        assertThat(duplicateOnLaterDay).isTrue();
    }

    @Test
    void ordersScaleLinearly()
    {
        Path small = temporary.resolve("small");
        Path double_ = temporary.resolve("double");
        GeneratorSettings twoYears = GeneratorSettings.defaults().withScale(0.01).withDefectRate(0);
        generator(small).generate(twoYears, ProgressListener.none());
        generator(double_).generate(twoYears.withScale(0.02), ProgressListener.none());

        long smallOrders = distinctOrders(small);
        long doubleOrders = distinctOrders(double_);
        // F = 1 is about 100,000 orders over 730 days
        assertThat(smallOrders).isBetween(900L, 1_150L);
        assertThat((double) doubleOrders / smallOrders).isBetween(1.8, 2.2);
    }

    private static long distinctOrders(Path lakehouse)
    {
        return LandingFiles.allRows(lakehouse, LandingEntity.ORDERS).stream().map(row -> row.get("order_id")).distinct().count();
    }

    @Test
    void everyGeneratedLineParsesToItsHeaderUnlessMalformed()
    {
        GenerationReport report = generator(temporary).generate(SMALL.withDays(10).withDefectRate(0.2), ProgressListener.none());
        long quoted = 0;
        long malformed = 0;
        for (Path file : report.files()) {
            String text = readString(file);
            List<List<String>> records = Csv.parse(text);
            quoted += text.chars().filter(c -> c == '"').count();
            malformed += records.stream().skip(1).filter(record -> record.size() != records.get(0).size()).count();
            // writing the parsed records again gives the same text: the quoting round-trips
            StringBuilder again = new StringBuilder();
            records.forEach(record -> again.append(Csv.formatRecord(record)).append('\n'));
            assertThat(again.toString()).isEqualTo(text);
        }
        assertThat(quoted).isPositive();
        assertThat(malformed).isEqualTo(report.defectsPerKind().get("malformed_row"));
    }

    private static String readString(Path file)
    {
        try {
            return Files.readString(file);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void zeroDefectRateWritesCleanData()
    {
        GenerationReport report = generator(temporary).generate(SMALL.withDefectRate(0), ProgressListener.none());
        assertThat(report.defectsPerKind()).isEmpty();
        for (LandingEntity entity : LandingEntity.values()) {
            for (DayFile file : LandingFiles.read(temporary, entity).values()) {
                assertThat(file.records()).allSatisfy(record -> assertThat(record).hasSameSizeAs(file.header()));
            }
        }
        assertThat(LandingFiles.allRows(temporary, LandingEntity.ORDERS)).allSatisfy(row -> assertThat(row.get("order_status"))
                .isIn("created", "approved", "invoiced", "processing", "shipped", "delivered", "canceled", "unavailable"));
    }

    @Test
    void reportCountsWhatWasWritten()
    {
        GenerationReport report = generator(temporary).generate(SMALL, ProgressListener.none());
        assertThat(report.rowsPerEntity().keySet()).containsExactly("customers", "products", "orders", "order_items", "payments");
        for (LandingEntity entity : LandingEntity.values()) {
            long lines = LandingFiles.read(temporary, entity).values().stream().mapToLong(file -> file.records().size()).sum();
            assertThat(report.rowsPerEntity().get(entity.entityName())).as(entity.entityName()).isEqualTo(lines);
        }
        assertThat(report.files()).allSatisfy(file -> assertThat(file).exists());
        assertThat(report.days()).isEqualTo(5);
    }

    @Test
    void progressIsReportedForEveryWrittenDay()
    {
        List<String> calls = new ArrayList<>();
        generator(temporary).generate(SMALL.withDays(3), (day, index, total) -> calls.add(day + " " + index + "/" + total));
        assertThat(calls).containsExactly("2017-01-01 0/3", "2017-01-02 1/3", "2017-01-03 2/3");
    }

    private static List<String> keyColumns(LandingEntity entity)
    {
        return switch (entity) {
            case CUSTOMERS, PRODUCTS, ORDERS -> entity.columns().subList(0, 1);
            case ORDER_ITEMS, PAYMENTS -> entity.columns().subList(0, 2);
        };
    }

    private static SampleDataGenerator generator(Path lakehouse)
    {
        return new SampleDataGenerator(new LakehouseLayout(lakehouse));
    }

    private static void assertBadInput(Runnable action, String messagePart)
    {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(AurumException.class, exception -> assertThat(exception.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining(messagePart);
    }
}
