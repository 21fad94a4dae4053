package dev.aurum.render;

import dev.aurum.sql.ResultColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The test lines and the pairwise table of a statistics report ({@code analysis} of route {@code stats}) for the
 * table and markdown formats, after the per-group table and the conclusion.
 */
public final class StatsReportRenderer
{
    private final RenderSettings settings;

    public StatsReportRenderer(RenderSettings settings)
    {
        this.settings = settings;
    }

    public String render(Map<String, Object> analysis, OutputFormat format)
    {
        StringBuilder out = new StringBuilder();
        String bullet = format == OutputFormat.MARKDOWN ? "- " : "  ";
        List<String> lines = new ArrayList<>();
        String test = String.valueOf(analysis.get("test"));
        if (analysis.containsKey("f_statistic")) {
            lines.add("One-way ANOVA: F = " + number(analysis.get("f_statistic")) + ", df = " + analysis.get("df_between") + ", " + analysis.get("df_within")
                    + ", p = " + p(analysis.get("p_value")) + ", eta² = " + number(analysis.get("eta_squared")) + ", omega² = "
                    + number(analysis.get("omega_squared")));
            lines.add("Levene (median-centred): W = " + number(analysis.get("levene_statistic")) + ", p = " + p(analysis.get("levene_p_value")));
            lines.add("Welch's ANOVA: F = " + number(analysis.get("welch_f")) + ", df = " + number(analysis.get("welch_df1")) + ", "
                    + number(analysis.get("welch_df2")) + ", p = " + p(analysis.get("welch_p_value")));
            lines.add("Kruskal–Wallis: H = " + number(analysis.get("kruskal_h")) + ", df = " + analysis.get("kruskal_df") + ", p = "
                    + p(analysis.get("kruskal_p_value")) + ", epsilon² = " + number(analysis.get("epsilon_squared")));
            lines.add("Relied on: " + test + " (alpha " + analysis.get("alpha") + ")");
        }
        else if (analysis.containsKey("t_statistic")) {
            lines.add("Welch's t test: t = " + number(analysis.get("t_statistic")) + ", df = " + number(analysis.get("df")) + ", p = " + p(analysis.get("p_value"))
                    + ", difference = " + number(analysis.get("mean_difference")) + " [" + number(analysis.get("ci_low")) + ", " + number(analysis.get("ci_high"))
                    + "], Cohen's d = " + number(analysis.get("cohens_d")));
        }
        else if (analysis.containsKey("chi_square")) {
            lines.add("Chi-square: chi² = " + number(analysis.get("chi_square")) + ", df = " + analysis.get("df") + ", p = " + p(analysis.get("p_value"))
                    + ", Cramér's V = " + number(analysis.get("cramers_v")) + ", n = " + analysis.get("n"));
        }
        if (analysis.get("filter") != null) {
            lines.add("Rows: " + analysis.get("filter"));
        }
        if (analysis.get("notes") instanceof List<?> notes) {
            notes.forEach(note -> lines.add("Note: " + note));
        }
        out.append(format == OutputFormat.MARKDOWN ? "\n" : "");
        for (String line : lines) {
            out.append(bullet).append(line).append('\n');
        }
        if (analysis.get("pairwise") instanceof List<?> pairs && !pairs.isEmpty()) {
            List<ResultColumn> columns = List.of(new ResultColumn("group_a", "string"), new ResultColumn("group_b", "string"),
                    new ResultColumn("mean_difference", "double"), new ResultColumn("ci_low", "double"), new ResultColumn("ci_high", "double"),
                    new ResultColumn("p_adjusted", "double"));
            List<List<Object>> rows = new ArrayList<>();
            for (Object pair : pairs) {
                Map<?, ?> map = (Map<?, ?>) pair;
                rows.add(java.util.Arrays.asList(map.get("group_a"), map.get("group_b"), map.get("mean_difference"), map.get("ci_low"), map.get("ci_high"),
                        map.get("p_adjusted")));
            }
            out.append(format == OutputFormat.MARKDOWN ? "\n" : "").append("Pairwise comparisons (").append(analysis.get("pairwise_method")).append("):\n");
            if (format == OutputFormat.MARKDOWN) {
                out.append('\n').append(new MarkdownTableRenderer(settings).render(columns, rows));
            }
            else {
                out.append(new BoxTableRenderer(settings.withMaxRows(Math.max(settings.maxRows(), rows.size()))).render(columns, rows, false));
            }
        }
        return out.toString();
    }

    private static String number(Object value)
    {
        if (!(value instanceof Number number)) {
            return "n/a";
        }
        double x = number.doubleValue();
        if (x == Math.rint(x) && Math.abs(x) < 1e12) {
            return String.valueOf((long) x);
        }
        return String.format(Locale.ROOT, Math.abs(x) >= 0.001 ? "%.4f" : "%.3g", x);
    }

    private static String p(Object value)
    {
        if (!(value instanceof Number number)) {
            return "n/a";
        }
        double x = number.doubleValue();
        return x < 1e-4 ? String.format(Locale.ROOT, "%.2e", x) : String.format(Locale.ROOT, "%.4f", x);
    }
}
