package dev.aurum.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.assistant.Answer;
import dev.aurum.assistant.AnswerStatus;
import dev.aurum.assistant.Engine;
import dev.aurum.assistant.RouterSettings;
import dev.aurum.cli.AppContext;
import dev.aurum.cli.AssistantSession;
import dev.aurum.cli.BenchSettings;
import dev.aurum.cli.BenchSuite;
import dev.aurum.cli.LakehouseAssistantFactory;
import dev.aurum.eval.EvalItem;
import dev.aurum.eval.EvalSuiteLoader;
import dev.aurum.eval.Expectation;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.ProjectFiles;
import dev.aurum.pipeline.generator.GeneratorSettings;
import dev.aurum.pipeline.generator.SampleDataGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code aurum bench}: one run on one machine (README.md, "aurum bench"; history in docs/benchmarks.md).
 * <ol>
 *   <li>the sample at the given scale: 730 days for the full build and one more for the refresh, generated once into
 *       the work folder and reused while the scale and seed match (generation is deterministic);</li>
 *   <li>Aurum: {@code pipeline run --until <day 730>} on a fresh lakehouse (landing hard-linked), then {@code pipeline
 *       run} for day 731, each in a child JVM (wall time, the run's own time, peak RSS from /proc VmHWM), N times;</li>
 *   <li>DuckDB: {@code bench/duckdb/gold.sql} over the same 730 days, N times in a child JVM, then once over 731 days
 *       to check its Gold against Aurum's refreshed Gold (counts and sums per table);</li>
 *   <li>the assistant over the refreshed lakehouse: a cold {@code ask} in a child JVM, then every answerable question
 *       of evals/ecommerce.yaml warm, and each again (the result cache).</li>
 * </ol>
 * Writes the JSON report and a Markdown summary beside it.
 */
public final class AurumBench
        implements BenchSuite
{
    static final long SEED = GeneratorSettings.DEFAULT_SEED;
    static final int FULL_DAYS = 730;
    static final String COLD_QUESTION = "revenue by month in 2018";
    private static final Pattern RUN_LINE = Pattern.compile("^run (\\d+) (\\S+) in ([\\d.]+) s: (\\d+) Bronze rows, (\\d+) Silver rows written, (\\d+) Gold rows.*$", Pattern.MULTILINE);
    private static final Pattern TABLE_LINE = Pattern.compile("^((?:bronze|silver|gold|aurum)\\.\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)", Pattern.MULTILINE);

    @Override
    public int run(BenchSettings settings, PrintWriter out)
    {
        try {
            return measure(settings, out);
        }
        catch (IOException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "The benchmark could not read or write its files: " + e.getMessage(), e);
        }
    }

    private int measure(BenchSettings settings, PrintWriter out)
            throws IOException
    {
        Path home = ProjectFiles.fromEnvironment().home().toAbsolutePath();
        Path workdir = Files.createDirectories(settings.workdir().toAbsolutePath());
        String scaleName = scaleName(settings.scale());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("started", Instant.now().toString());
        report.put("machine", machine());
        report.put("settings", Map.of("scale", settings.scale(), "repeat", settings.repeat(), "seed", SEED, "days_full_build", FULL_DAYS,
                "days_refresh", 1, "master", settings.spark().master(), "workdir", workdir.toString()));

        // 1. the landing, generated once per scale
        Path source = workdir.resolve("landing-sf" + scaleName);
        Map<String, Object> landing = ensureLanding(source, settings.scale(), out);
        LocalDate start = GeneratorSettings.DEFAULT_START;
        LocalDate fullUntil = start.plusDays(FULL_DAYS - 1);
        LocalDate refreshDay = fullUntil.plusDays(1);
        long fullBytes = landingBytes(source.resolve("landing"), day -> !day.isAfter(fullUntil));
        long refreshBytes = landingBytes(source.resolve("landing"), day -> day.equals(refreshDay));
        landing.put("full_build_csv_bytes", fullBytes);
        landing.put("refresh_csv_bytes", refreshBytes);
        landing.put("full_build_days", start + " to " + fullUntil);
        landing.put("refresh_day", refreshDay.toString());
        report.put("landing", landing);

        // 2. Aurum, in child JVMs
        List<Map<String, Object>> fullRuns = new ArrayList<>();
        List<Map<String, Object>> refreshRuns = new ArrayList<>();
        Path lakehouse = null;
        for (int round = 1; round <= settings.repeat(); round++) {
            Path previous = lakehouse;
            lakehouse = workdir.resolve("lakehouse-sf" + scaleName + "-" + round);
            deleteTree(lakehouse);
            linkTree(source.resolve("landing"), lakehouse.resolve("landing"));
            out.printf("%s aurum full build %d/%d (%s, days up to %s)%n", now(), round, settings.repeat(), lakehouse, fullUntil);
            out.flush();
            fullRuns.add(pipelineRun(home, settings, lakehouse, List.of("--until", fullUntil.toString()), workdir.resolve("logs").resolve("full-sf" + scaleName + "-" + round + ".log"), fullBytes, out));
            out.printf("%s aurum one-day refresh %d/%d (%s)%n", now(), round, settings.repeat(), refreshDay);
            out.flush();
            refreshRuns.add(pipelineRun(home, settings, lakehouse, List.of(), workdir.resolve("logs").resolve("refresh-sf" + scaleName + "-" + round + ".log"), refreshBytes, out));
            if (previous != null) {
                deleteTree(previous);
            }
            // written after every round, so a long run that is stopped still leaves its figures
            report.put("aurum", aurumSummary(fullRuns, refreshRuns, fullBytes, refreshBytes, lakehouse));
            writeReports(settings, report);
        }
        Map<String, Object> aurum = aurumSummary(fullRuns, refreshRuns, fullBytes, refreshBytes, lakehouse);
        report.put("aurum", aurum);

        // 3. DuckDB, in child JVMs over the same drops
        Path script = home.resolve("bench").resolve("duckdb").resolve("gold.sql");
        List<Map<String, Object>> duckRuns = new ArrayList<>();
        Path duckFile = workdir.resolve("duckdb-sf" + scaleName + ".duckdb");
        for (int round = 1; round <= settings.repeat(); round++) {
            out.printf("%s duckdb full build %d/%d%n", now(), round, settings.repeat());
            out.flush();
            duckRuns.add(duckDbRun(script, source.resolve("landing"), fullUntil, duckFile, workdir.resolve("logs").resolve("duckdb-sf" + scaleName + "-" + round + ".log"), fullBytes));
        }
        out.printf("%s duckdb build over the refresh day too, for the equivalence check%n", now());
        out.flush();
        Map<String, Object> duckAll = duckDbRun(script, source.resolve("landing"), refreshDay, duckFile, workdir.resolve("logs").resolve("duckdb-sf" + scaleName + "-all.log"), fullBytes + refreshBytes);
        Map<String, Object> duckdb = new LinkedHashMap<>();
        duckdb.put("version", duckAll.get("version"));
        duckdb.put("full_build", summary(duckRuns, fullBytes));
        duckdb.put("build_with_refresh_day", duckAll);
        duckdb.put("database_bytes", Files.size(duckFile));
        report.put("duckdb", duckdb);
        report.put("ratios", ratios(aurum, duckdb));
        writeReports(settings, report);

        // 4. the cold first answer, in a child JVM before this one starts Spark
        out.printf("%s cold start to first answer: aurum ask \"%s\"%n", now(), COLD_QUESTION);
        out.flush();
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("cold_first_answer", coldAsk(home, settings, lakehouse, workdir.resolve("logs").resolve("ask-sf" + scaleName + ".log")));

        // 5. equivalence and the warm assistant, in this JVM
        try (AppContext context = new AppContext(new LakehouseLayout(lakehouse), settings.spark())) {
            out.printf("%s comparing Aurum's Gold with DuckDB's%n", now());
            out.flush();
            report.put("equivalence", equivalence(context, duckFile));
            writeReports(settings, report);
            out.printf("%s warm answers over evals/ecommerce.yaml%n", now());
            out.flush();
            answers.putAll(warmAnswers(context, home, out));
        }
        report.put("answers", answers);
        report.put("finished", Instant.now().toString());
        report.put("machine_after", Map.of("load_average", loadAverage()));
        writeReports(settings, report);
        out.printf("%s wrote %s and %s%n", now(), settings.out(), settings.markdown());
        out.println(BenchMarkdown.render(report));
        out.flush();
        return 0;
    }

    // --- the landing ---------------------------------------------------------------------------------------------

    private static Map<String, Object> ensureLanding(Path source, double scale, PrintWriter out)
            throws IOException
    {
        LakehouseLayout layout = new LakehouseLayout(source);
        SampleDataGenerator generator = new SampleDataGenerator(layout);
        Map<String, Object> landing = new LinkedHashMap<>();
        var recorded = Files.isDirectory(source) ? generator.recordedSettings() : java.util.Optional.<GeneratorSettings>empty();
        boolean sameSample = recorded.isPresent() && !generator.unfinished() && recorded.get().scale() == scale && recorded.get().seed() == SEED
                && recorded.get().start().equals(GeneratorSettings.DEFAULT_START) && recorded.get().defectRate() == GeneratorSettings.DEFAULT_DEFECT_RATE;
        if (sameSample && recorded.get().days() >= FULL_DAYS + 1) {
            out.printf("%s reusing the landing in %s (scale %s, seed %d)%n", now(), source, scale, SEED);
            landing.put("generated", false);
        }
        else if (sameSample) {
            // the same sample with fewer days (e.g. a lakehouse's 730): generation is deterministic, so adding the
            // missing days gives the bytes a generation of all days at once would
            int missing = FULL_DAYS + 1 - recorded.get().days();
            out.printf("%s reusing the landing in %s and adding its last %d day(s)%n", now(), source, missing);
            out.flush();
            long startNanos = System.nanoTime();
            generator.appendDays(missing, (day, index, total) -> {});
            landing.put("generated", false);
            landing.put("appended_days", missing);
            landing.put("generation_millis", (System.nanoTime() - startNanos) / 1_000_000);
        }
        else {
            deleteTree(source);
            out.printf("%s generating the sample: scale %s, %d days, seed %d, into %s%n", now(), scale, FULL_DAYS + 1, SEED, source);
            out.flush();
            long startNanos = System.nanoTime();
            generator.generate(GeneratorSettings.defaults().withScale(scale).withDays(FULL_DAYS + 1), (day, index, total) -> {});
            landing.put("generated", true);
            landing.put("generation_millis", (System.nanoTime() - startNanos) / 1_000_000);
        }
        landing.put("folder", source.toString());
        return landing;
    }

    private static long landingBytes(Path landing, java.util.function.Predicate<LocalDate> days)
            throws IOException
    {
        long total = 0;
        try (Stream<Path> files = Files.walk(landing)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String day = file.getParent().getFileName().toString();
                if (day.matches("\\d{4}-\\d{2}-\\d{2}") && days.test(LocalDate.parse(day))) {
                    total += Files.size(file);
                }
            }
        }
        return total;
    }

    /** A copy of the landing made of hard links (the files are only read), or real copies across file systems. */
    private static void linkTree(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    try {
                        Files.createLink(target, path);
                    }
                    catch (FileSystemException | UnsupportedOperationException e) {
                        Files.copy(path, target);
                    }
                }
            }
        }
    }

    // --- Aurum's pipeline --------------------------------------------------------------------------------------

    private static Map<String, Object> pipelineRun(Path home, BenchSettings settings, Path lakehouse, List<String> extra, Path log, long csvBytes, PrintWriter out)
    {
        List<String> command = ChildProcess.java(ChildProcess.productClassPath(home), List.of("-XX:+UseParallelGC"));
        command.addAll(List.of("dev.aurum.cli.Main", "pipeline", "run", "--lakehouse", lakehouse.toString(), "--master", settings.spark().master()));
        command.addAll(extra);
        ChildProcess.Outcome outcome = ChildProcess.run(command, log, settings.spark().verbose());
        if (outcome.exitCode() != 0) {
            throw new AurumException(ErrorCode.RUN_FAILED, "pipeline run failed (exit " + outcome.exitCode() + "); its output is in " + log);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("wall_millis", outcome.wallMillis());
        run.put("peak_rss_bytes", outcome.peakRssBytes());
        Matcher line = RUN_LINE.matcher(outcome.output());
        if (line.find()) {
            run.put("in_process_millis", Math.round(Double.parseDouble(line.group(3)) * 1000));
            run.put("bronze_rows", Long.parseLong(line.group(4)));
            run.put("silver_rows_written", Long.parseLong(line.group(5)));
            run.put("gold_rows", Long.parseLong(line.group(6)));
        }
        Map<String, Double> steps = new LinkedHashMap<>();
        Map<String, Double> layers = new LinkedHashMap<>();
        Matcher table = TABLE_LINE.matcher(outcome.output());
        while (table.find()) {
            double seconds = Double.parseDouble(table.group(7));
            steps.put(table.group(1), seconds);
            layers.merge(table.group(1).substring(0, table.group(1).indexOf('.')), seconds, Double::sum);
        }
        run.put("step_seconds", steps);
        run.put("layer_seconds_summed", layers);
        run.put("log", log.toString());
        out.printf("%s   wall %.1f s, in process %s s, peak RSS %s%n", now(), outcome.wallMillis() / 1000.0,
                run.containsKey("in_process_millis") ? String.format(Locale.ROOT, "%.1f", ((Long) run.get("in_process_millis")) / 1000.0) : "?", BenchMarkdown.bytes(outcome.peakRssBytes()));
        out.flush();
        return run;
    }

    private static Map<String, Object> aurumSummary(List<Map<String, Object>> fullRuns, List<Map<String, Object>> refreshRuns, long fullBytes, long refreshBytes,
            Path lakehouse)
            throws IOException
    {
        Map<String, Object> aurum = new LinkedHashMap<>();
        aurum.put("full_build", summary(fullRuns, fullBytes));
        aurum.put("one_day_refresh", summary(refreshRuns, refreshBytes));
        aurum.put("disk_bytes", diskByLayer(lakehouse));
        return aurum;
    }

    // --- DuckDB ------------------------------------------------------------------------------------------------

    private static Map<String, Object> duckDbRun(Path script, Path landing, LocalDate until, Path database, Path log, long csvBytes)
    {
        List<String> command = ChildProcess.java(System.getProperty("java.class.path"), List.of("-Xmx512m"));
        command.addAll(List.of(DuckDbGold.class.getName(), script.toString(), landing.toString(), until.toString(), database.toString()));
        ChildProcess.Outcome outcome = ChildProcess.run(command, log, false);
        if (outcome.exitCode() != 0) {
            throw new AurumException(ErrorCode.RUN_FAILED, "the DuckDB build failed (exit " + outcome.exitCode() + "); its output is in " + log);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("wall_millis", outcome.wallMillis());
        run.put("peak_rss_bytes", outcome.peakRssBytes());
        Matcher millis = Pattern.compile("duckdb_millis=(\\d+)").matcher(outcome.output());
        if (millis.find()) {
            run.put("in_process_millis", Long.parseLong(millis.group(1)));
        }
        Matcher version = Pattern.compile("duckdb_version=(\\S+)").matcher(outcome.output());
        if (version.find()) {
            run.put("version", version.group(1));
        }
        run.put("days_up_to", until.toString());
        run.put("csv_bytes", csvBytes);
        run.put("log", log.toString());
        return run;
    }

    // --- the check --------------------------------------------------------------------------------------------

    private static Map<String, Object> equivalence(AppContext context, Path duckFile)
    {
        Map<String, Map<String, java.math.BigDecimal>> aurum = GoldChecksums.of(context.spark());
        Map<String, Map<String, java.math.BigDecimal>> duckdb;
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckFile.toAbsolutePath(), readOnly)) {
            duckdb = GoldChecksums.of(connection);
        }
        catch (SQLException e) {
            throw new AurumException(ErrorCode.RUN_FAILED, "could not open DuckDB's result " + duckFile + ": " + e.getMessage(), e);
        }
        List<GoldChecksums.Difference> differences = GoldChecksums.compare(aurum, duckdb);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("equal", differences.isEmpty());
        result.put("compared", "Aurum's Gold after the one-day refresh against DuckDB over the same 731 days: counts and sums per table");
        List<Map<String, Object>> listed = new ArrayList<>();
        for (GoldChecksums.Difference difference : differences) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("table", "gold." + difference.table());
            entry.put("figure", difference.figure());
            entry.put("aurum", difference.aurum());
            entry.put("duckdb", difference.duckdb());
            listed.add(entry);
        }
        result.put("differences", listed);
        result.put("aurum", aurum);
        result.put("duckdb", duckdb);
        return result;
    }

    // --- the assistant ----------------------------------------------------------------------------------------

    private static Map<String, Object> coldAsk(Path home, BenchSettings settings, Path lakehouse, Path log)
    {
        // the launcher's flags for ask: G1 (no ParallelGC), the JIT's first tier, and the class archive when the
        // launcher has built one for this jar (see ./aurum)
        List<String> flags = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        Path archive = home.resolve("target").resolve("aurum.jsa");
        Path jar = home.resolve("target").resolve("aurum.jar");
        if (Files.isRegularFile(archive) && Files.isRegularFile(jar) && archive.toFile().lastModified() > jar.toFile().lastModified()) {
            flags.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        List<String> command = ChildProcess.java(ChildProcess.productClassPath(home), flags);
        command.addAll(List.of("dev.aurum.cli.Main", "ask", "--engine", "offline", "--format", "json", "--lakehouse", lakehouse.toString(), "--master",
                settings.spark().master(), COLD_QUESTION));
        ChildProcess.Outcome outcome = ChildProcess.run(command, log, false);
        Map<String, Object> cold = new LinkedHashMap<>();
        cold.put("question", COLD_QUESTION);
        cold.put("exit_code", outcome.exitCode());
        cold.put("wall_millis", outcome.wallMillis());
        cold.put("peak_rss_bytes", outcome.peakRssBytes());
        cold.put("command", "aurum ask --engine offline --format json");
        cold.put("jvm_flags", flags);
        return cold;
    }

    private static Map<String, Object> warmAnswers(AppContext context, Path home, PrintWriter out)
    {
        List<EvalItem> questions = new EvalSuiteLoader().load(home.resolve(EvalSuiteLoader.DEFAULT_SUITE)).items().stream()
                .filter(item -> item.expect() == Expectation.ANSWER && item.conversation().isEmpty())
                .toList();
        Map<String, Object> result = new LinkedHashMap<>();
        try (AssistantSession session = new LakehouseAssistantFactory().open(context, RouterSettings.offline())) {
            session.warmUp();
            long first = System.nanoTime();
            session.newConversation(Engine.OFFLINE).ask("bench-first", COLD_QUESTION);
            result.put("first_answer_in_this_jvm_millis", (System.nanoTime() - first) / 1_000_000);
            long settle = Long.parseLong(System.getenv().getOrDefault("AURUM_BENCH_SETTLE", "30"));
            out.printf("%s   waiting %d s while the Gold cache fills (AURUM_BENCH_SETTLE), as a person reads the first answer%n", now(), settle);
            out.flush();
            sleep(settle * 1000);

            List<Long> warm = new ArrayList<>();
            List<Long> guard = new ArrayList<>();
            Map<String, Integer> statuses = new LinkedHashMap<>();
            List<Map<String, Object>> perQuestion = new ArrayList<>();
            for (EvalItem item : questions) {
                long start = System.nanoTime();
                Answer answer = session.newConversation(Engine.OFFLINE).ask(item.id(), item.question());
                long millis = (System.nanoTime() - start) / 1_000_000;
                statuses.merge(answer.status().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", item.id());
                entry.put("status", answer.status().name().toLowerCase(Locale.ROOT));
                entry.put("millis", millis);
                if (answer.status() == AnswerStatus.ANSWERED) {
                    warm.add(millis);
                    if (answer.timings() != null && answer.timings().guardMs() != null) {
                        guard.add(answer.timings().guardMs());
                        entry.put("guard_millis", answer.timings().guardMs());
                    }
                }
                perQuestion.add(entry);
            }
            List<Long> repeated = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                EvalItem item = questions.get(i);
                long start = System.nanoTime();
                Answer answer = session.newConversation(Engine.OFFLINE).ask(item.id(), item.question());
                long millis = (System.nanoTime() - start) / 1_000_000;
                perQuestion.get(i).put("repeated_millis", millis);
                if (answer.status() == AnswerStatus.ANSWERED) {
                    repeated.add(millis);
                }
            }
            var cache = session.resultCache();
            result.put("suite", EvalSuiteLoader.DEFAULT_SUITE + " (answerable questions outside follow-up conversations)");
            result.put("questions", questions.size());
            result.put("statuses", statuses);
            result.put("warm", percentiles(warm));
            result.put("repeated_from_result_cache", percentiles(repeated));
            result.put("result_cache_hits", cache.map(c -> c.hits()).orElse(-1L));
            result.put("result_cache_queries_run", cache.map(c -> c.queriesRun()).orElse(-1L));
            result.put("guard_millis", percentiles(guard));
            result.put("per_question", perQuestion);
        }
        return result;
    }

    static Map<String, Object> percentiles(List<Long> values)
    {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", values.size());
        if (values.isEmpty()) {
            return result;
        }
        List<Long> sorted = values.stream().sorted().toList();
        result.put("p50_millis", nearestRank(sorted, 50));
        result.put("p95_millis", nearestRank(sorted, 95));
        result.put("max_millis", sorted.get(sorted.size() - 1));
        return result;
    }

    /** Nearest-rank percentile of sorted values. */
    static long nearestRank(List<Long> sorted, int percent)
    {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    // --- summaries --------------------------------------------------------------------------------------------

    static Map<String, Object> summary(List<Map<String, Object>> runs, long csvBytes)
    {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runs", runs);
        long wall = median(runs, "wall_millis");
        long inProcess = median(runs, "in_process_millis");
        summary.put("median_wall_millis", wall);
        summary.put("median_in_process_millis", inProcess);
        summary.put("max_peak_rss_bytes", runs.stream().mapToLong(run -> ((Number) run.getOrDefault("peak_rss_bytes", -1L)).longValue()).max().orElse(-1));
        summary.put("csv_bytes", csvBytes);
        long basis = inProcess > 0 ? inProcess : wall;
        if (basis > 0) {
            summary.put("csv_mb_per_s", Math.round(csvBytes / 1e6 / (basis / 1000.0) * 100) / 100.0);
            Object rows = runs.get(0).get("bronze_rows");
            if (rows instanceof Number number && number.longValue() > 0) {
                summary.put("bronze_rows", number.longValue());
                summary.put("rows_per_s", Math.round(number.longValue() / (basis / 1000.0)));
            }
        }
        return summary;
    }

    static long median(List<Map<String, Object>> runs, String key)
    {
        List<Long> values = runs.stream().filter(run -> run.get(key) instanceof Number).map(run -> ((Number) run.get(key)).longValue()).sorted().toList();
        if (values.isEmpty()) {
            return -1;
        }
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ratios(Map<String, Object> aurum, Map<String, Object> duckdb)
    {
        Map<String, Object> full = (Map<String, Object>) aurum.get("full_build");
        Map<String, Object> duck = (Map<String, Object>) duckdb.get("full_build");
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("full_build_wall_aurum_over_duckdb", ratio(full.get("median_wall_millis"), duck.get("median_wall_millis")));
        ratios.put("full_build_in_process_aurum_over_duckdb", ratio(full.get("median_in_process_millis"), duck.get("median_in_process_millis")));
        ratios.put("peak_rss_aurum_over_duckdb", ratio(full.get("max_peak_rss_bytes"), duck.get("max_peak_rss_bytes")));
        Map<String, Object> refresh = (Map<String, Object>) aurum.get("one_day_refresh");
        ratios.put("refresh_over_full_build_in_process", ratio(refresh.get("median_in_process_millis"), full.get("median_in_process_millis")));
        return ratios;
    }

    private static Double ratio(Object top, Object bottom)
    {
        if (top instanceof Number a && bottom instanceof Number b && a.doubleValue() > 0 && b.doubleValue() > 0) {
            return Math.round(a.doubleValue() / b.doubleValue() * 100) / 100.0;
        }
        return null;
    }

    private static Map<String, Long> diskByLayer(Path lakehouse)
            throws IOException
    {
        Map<String, Long> disk = new LinkedHashMap<>();
        for (String layer : List.of("landing", "bronze", "silver", "gold", "_aurum")) {
            Path folder = lakehouse.resolve(layer);
            disk.put(layer, Files.isDirectory(folder) ? folderBytes(folder) : 0);
        }
        return disk;
    }

    private static long folderBytes(Path folder)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                }
                catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static Map<String, Object> machine()
    {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory_total_bytes", memTotal());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("load_average", loadAverage());
        return machine;
    }

    private static String loadAverage()
    {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim();
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    private static long memTotal()
    {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static void writeReports(BenchSettings settings, Map<String, Object> report)
            throws IOException
    {
        Path json = settings.out().toAbsolutePath();
        Files.createDirectories(json.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        Files.writeString(settings.markdown().toAbsolutePath(), BenchMarkdown.render(report), StandardCharsets.UTF_8);
    }

    static String scaleName(double scale)
    {
        return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
    }

    private static String now()
    {
        return java.time.LocalTime.now().withNano(0).toString();
    }

    private static void sleep(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AurumException(ErrorCode.CANCELLED, "interrupted");
        }
    }

    static void deleteTree(Path root)
            throws IOException
    {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
