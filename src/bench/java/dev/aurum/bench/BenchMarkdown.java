package dev.aurum.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown summary written beside the JSON report: the figures a reader compares, with how they were taken. */
final class BenchMarkdown
{
    private BenchMarkdown() {}

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> report)
    {
        StringBuilder text = new StringBuilder();
        Map<String, Object> settings = (Map<String, Object>) report.get("settings");
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        text.append("# aurum bench, scale ").append(settings.get("scale")).append("\n\n");
        text.append(String.format(Locale.ROOT, "Started %s on %s cores, %s RAM, %s, %s; load average at start %s%s.%n%n", report.get("started"), machine.get("cores"),
                bytes(((Number) machine.get("memory_total_bytes")).longValue()), machine.get("os"), machine.get("java"), machine.get("load_average"),
                report.containsKey("machine_after") ? ", at the end " + ((Map<String, Object>) report.get("machine_after")).get("load_average") : ""));
        text.append(String.format(Locale.ROOT, "Command: `./aurum bench --scale %s --repeat %s`; %s repeat(s), medians; peak RSS is the child JVM's VmHWM (/proc).%n%n",
                settings.get("scale"), settings.get("repeat"), settings.get("repeat")));
        Map<String, Object> landing = (Map<String, Object>) report.get("landing");
        if (landing != null) {
            text.append(String.format(Locale.ROOT, "Landing: %s (full build), refresh day %s; CSV %s for the full build, %s for the refresh%s.%n%n", landing.get("full_build_days"),
                    landing.get("refresh_day"), bytes(number(landing.get("full_build_csv_bytes"))), bytes(number(landing.get("refresh_csv_bytes"))),
                    Boolean.TRUE.equals(landing.get("generated")) ? String.format(Locale.ROOT, "; generated in %.1f s", number(landing.get("generation_millis")) / 1000.0) : "; reused"));
        }
        Map<String, Object> aurum = (Map<String, Object>) report.get("aurum");
        Map<String, Object> duckdb = (Map<String, Object>) report.get("duckdb");
        text.append("| build | wall (median) | in process (median) | runs (wall, s) | rows/s | CSV MB/s | peak RSS |\n");
        text.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        if (aurum != null) {
            row(text, "Aurum full build", (Map<String, Object>) aurum.get("full_build"));
            row(text, "Aurum one-day refresh", (Map<String, Object>) aurum.get("one_day_refresh"));
        }
        if (duckdb != null) {
            row(text, "DuckDB " + duckdb.get("version") + " full build", (Map<String, Object>) duckdb.get("full_build"));
        }
        text.append('\n');
        Map<String, Object> ratios = (Map<String, Object>) report.get("ratios");
        if (ratios != null) {
            text.append(String.format(Locale.ROOT, "Aurum / DuckDB, full build: time %s (wall) and %s (in process); peak memory %s. One-day refresh / full build (Aurum, in process): %s.%n%n",
                    ratios.get("full_build_wall_aurum_over_duckdb"), ratios.get("full_build_in_process_aurum_over_duckdb"), ratios.get("peak_rss_aurum_over_duckdb"),
                    ratios.get("refresh_over_full_build_in_process")));
        }
        if (aurum != null) {
            Map<String, Object> full = (Map<String, Object>) aurum.get("full_build");
            Map<String, Object> refresh = (Map<String, Object>) aurum.get("one_day_refresh");
            text.append("Where Aurum's time goes (seconds per table from the run's summary, last run; Gold tables are built two at a time, so they overlap):\n\n");
            text.append("| step | full build | one-day refresh |\n| --- | --- | --- |\n");
            Map<String, Object> fullSteps = lastSteps(full);
            Map<String, Object> refreshSteps = lastSteps(refresh);
            for (String step : fullSteps.keySet()) {
                text.append("| ").append(step).append(" | ").append(fullSteps.get(step)).append(" | ").append(refreshSteps.getOrDefault(step, "–")).append(" |\n");
            }
            text.append('\n');
            Map<String, Object> disk = (Map<String, Object>) aurum.get("disk_bytes");
            if (disk != null) {
                text.append("Disk after the refresh: ");
                disk.forEach((layer, size) -> text.append(layer).append(' ').append(bytes(number(size))).append("; "));
                if (duckdb != null && duckdb.get("database_bytes") != null) {
                    text.append("DuckDB's database ").append(bytes(number(duckdb.get("database_bytes"))));
                }
                text.append("\n\n");
            }
        }
        Map<String, Object> equivalence = (Map<String, Object>) report.get("equivalence");
        if (equivalence != null) {
            List<Map<String, Object>> differences = (List<Map<String, Object>>) equivalence.get("differences");
            text.append("Equivalence (").append(equivalence.get("compared")).append("): ");
            if (differences.isEmpty()) {
                text.append("**equal**, every count and sum of the 8 Gold tables.\n\n");
            }
            else {
                text.append("**").append(differences.size()).append(" figures differ**:\n\n| table | figure | Aurum | DuckDB |\n| --- | --- | --- | --- |\n");
                for (Map<String, Object> difference : differences) {
                    text.append("| ").append(difference.get("table")).append(" | ").append(difference.get("figure")).append(" | ").append(difference.get("aurum"))
                            .append(" | ").append(difference.get("duckdb")).append(" |\n");
                }
                text.append('\n');
            }
        }
        Map<String, Object> answers = (Map<String, Object>) report.get("answers");
        if (answers != null) {
            Map<String, Object> cold = (Map<String, Object>) answers.get("cold_first_answer");
            if (cold != null) {
                text.append(String.format(Locale.ROOT, "Cold start to first answer (`aurum ask \"%s\"` in a fresh JVM, offline engine): %.1f s, peak RSS %s (exit %s).%n%n",
                        cold.get("question"), number(cold.get("wall_millis")) / 1000.0, bytes(number(cold.get("peak_rss_bytes"))), cold.get("exit_code")));
            }
            if (answers.containsKey("warm")) {
                Map<String, Object> warm = (Map<String, Object>) answers.get("warm");
                Map<String, Object> repeated = (Map<String, Object>) answers.get("repeated_from_result_cache");
                Map<String, Object> guard = (Map<String, Object>) answers.get("guard_millis");
                text.append(String.format(Locale.ROOT, "Warm answers over %s: %s questions (%s); answered %s: p50 %s ms, p95 %s ms, max %s ms. "
                                + "Asked again (result cache: %s hits, %s queries run in all): p50 %s ms, p95 %s ms, max %s ms. Guard per query: median %s ms, p95 %s ms.%n",
                        answers.get("suite"), answers.get("questions"), answers.get("statuses"), warm.get("count"), warm.get("p50_millis"), warm.get("p95_millis"),
                        warm.get("max_millis"), answers.get("result_cache_hits"), answers.get("result_cache_queries_run"), repeated.get("p50_millis"),
                        repeated.get("p95_millis"), repeated.get("max_millis"), guard.get("p50_millis"), guard.get("p95_millis")));
            }
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastSteps(Map<String, Object> summary)
    {
        List<Map<String, Object>> runs = (List<Map<String, Object>>) summary.get("runs");
        return runs.isEmpty() ? Map.of() : (Map<String, Object>) runs.get(runs.size() - 1).getOrDefault("step_seconds", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static void row(StringBuilder text, String name, Map<String, Object> summary)
    {
        List<Map<String, Object>> runs = (List<Map<String, Object>>) summary.get("runs");
        StringBuilder walls = new StringBuilder();
        for (Map<String, Object> run : runs) {
            walls.append(walls.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", number(run.get("wall_millis")) / 1000.0));
        }
        text.append(String.format(Locale.ROOT, "| %s | %.1f s | %.1f s | %s | %s | %s | %s |%n", name, number(summary.get("median_wall_millis")) / 1000.0,
                number(summary.get("median_in_process_millis")) / 1000.0, walls, summary.getOrDefault("rows_per_s", "–"), summary.getOrDefault("csv_mb_per_s", "–"),
                bytes(number(summary.get("max_peak_rss_bytes")))));
    }

    private static long number(Object value)
    {
        return value instanceof Number number ? number.longValue() : -1;
    }

    static String bytes(long bytes)
    {
        if (bytes < 0) {
            return "?";
        }
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }
}
