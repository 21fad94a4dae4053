package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.pipeline.generator.GenerationReport;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.ProgressListener;
import dev.aurum.pipeline.generator.SampleDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {
                "Generate deterministic sample landing data (daily CSV drops) shaped like the public Olist e-commerce data.",
                "On an empty lakehouse: 730 days from 2017-01-01. On a lakehouse with sample data: --days N appends the N days after the last landed day."},
        footer = {"", "Examples:", "  ./aurum data generate --scale 0.1          # ~10,000 orders over 2017-2018",
                "  ./aurum data generate --days 1             # the next daily drop",
                "Exit codes: 0 done, 1 failure while writing, 2 bad arguments or settings that do not match the lakehouse."})
public class DataGenerateCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--scale", paramLabel = "F", description = "Size: 1 is about 100,000 orders over 730 days; orders scale linearly (default 1).")
    Double scale;

    @Option(names = "--days", paramLabel = "N", description = "Days to write (default 730 on an empty lakehouse).")
    Integer days;

    @Option(names = "--start", paramLabel = "DATE", description = "First day to write, yyyy-MM-dd (default 2017-01-01 on an empty lakehouse; on an existing one, the day after the last landed day).")
    String start;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed: the same settings give the same bytes (default 42).")
    Long seed;

    @Option(names = "--defect-rate", paramLabel = "R", description = "Share of rows with a defect, 0 to 0.5 (default 0.01; 0 writes clean data).")
    Double defectRate;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        LocalDate startDate = parseStart();
        if (!common.project().isCheckout()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "data generate writes the sample shop's drops, which " + common.project()
                    + " does not read; put your own CSV drops in " + common.layout().landing() + " instead.");
        }
        SampleDataGenerator generator = new SampleDataGenerator(common.layout());
        Optional<GeneratorSettings> recorded = generator.recordedSettings();
        long began = System.nanoTime();
        ProgressListener progress = progressListener();
        GenerationReport report;
        if (recorded.isPresent() && startDate == null) {
            GeneratorSettings existing = recorded.get();
            checkSameAsRecorded(existing);
            if (days == null) {
                out.printf("The lakehouse %s already holds sample data from %s to %s; nothing to do. Use --days N to append the next N days.%n",
                        common.layout().root(), existing.start(), existing.lastDay());
                return 0;
            }
            validateDays(days);
            out.printf("Appending %d day(s) after %s to the sample data in %s ...%n", days, existing.lastDay(), common.layout().root());
            report = generator.appendDays(days, progress);
        }
        else {
            GeneratorSettings defaults = recorded.orElse(GeneratorSettings.defaults());
            GeneratorSettings settings = new GeneratorSettings(
                    scale != null ? scale : defaults.scale(),
                    days != null ? days : GeneratorSettings.DEFAULT_DAYS,
                    startDate != null ? startDate : GeneratorSettings.DEFAULT_START,
                    seed != null ? seed : defaults.seed(),
                    defectRate != null ? defectRate : defaults.defectRate());
            out.printf("Generating %d day(s) from %s at scale %s (seed %d, defect rate %s) into %s ...%n",
                    settings.days(), settings.start(), number(settings.scale()), settings.seed(), number(settings.defectRate()), common.layout().landing());
            report = generator.generate(settings, progress);
        }
        printSummary(out, report, Duration.ofNanos(System.nanoTime() - began));
        return 0;
    }

    private LocalDate parseStart()
    {
        if (start == null) {
            return null;
        }
        try {
            return LocalDate.parse(start.trim());
        }
        catch (DateTimeParseException e) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--start must be a date as yyyy-MM-dd, for example 2017-01-01; got '" + start + "'.");
        }
    }

    private static void validateDays(int days)
    {
        if (days < 1) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--days must be at least 1; got " + days + ".");
        }
    }

    /** Flags given on an existing lakehouse must match what it was generated with; the generator says so too. */
    private void checkSameAsRecorded(GeneratorSettings existing)
    {
        // validates the flags' ranges first (a negative scale is bad usage whatever the lakehouse holds)
        new GeneratorSettings(scale != null ? scale : existing.scale(), 1, existing.start(), seed != null ? seed : existing.seed(),
                defectRate != null ? defectRate : existing.defectRate());
        boolean differs = (scale != null && scale != existing.scale())
                || (seed != null && seed != existing.seed())
                || (defectRate != null && defectRate != existing.defectRate());
        if (differs) {
            throw new AurumException(ErrorCode.BAD_INPUT, "The lakehouse " + common.layout().root() + " already holds sample data generated with --scale " + number(existing.scale())
                    + " --seed " + existing.seed() + " --defect-rate " + number(existing.defectRate()) + " from " + existing.start()
                    + "; new days must use the same settings (or leave them out). To start over with other settings, use another --lakehouse or delete " + common.layout().root() + ".");
        }
    }

    private ProgressListener progressListener()
    {
        PrintWriter err = spec.commandLine().getErr();
        if (System.console() != null) {
            return (day, index, total) -> {
                err.printf("\r  day %d/%d  %s", index + 1, total, day);
                if (index + 1 == total) {
                    err.println();
                }
                err.flush();
            };
        }
        return (day, index, total) -> {
            int step = Math.max(1, total / 10);
            if ((index + 1) % step == 0 || index + 1 == total) {
                err.printf("  day %d/%d  %s%n", index + 1, total, day);
                err.flush();
            }
        };
    }

    private static void printSummary(PrintWriter out, GenerationReport report, Duration elapsed)
    {
        out.printf("Wrote %d day(s), %s to %s: %d files, %,d rows in %.1f s.%n", report.days(), report.firstDay(), report.lastDay(),
                report.files().size(), report.totalRows(), elapsed.toMillis() / 1000.0);
        out.println("Rows per entity:");
        for (Map.Entry<String, Long> entry : report.rowsPerEntity().entrySet()) {
            out.printf(Locale.ROOT, "  %-40s %,12d%n", entry.getKey(), entry.getValue());
        }
        if (report.defectsPerKind().isEmpty()) {
            out.println("Defects injected: none.");
        }
        else {
            out.printf("Defects injected (%,d):%n", report.totalDefects());
            for (Map.Entry<String, Long> entry : report.defectsPerKind().entrySet()) {
                out.printf(Locale.ROOT, "  %-40s %,12d%n", entry.getKey(), entry.getValue());
            }
        }
        out.flush();
    }

    private static String number(double value)
    {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
