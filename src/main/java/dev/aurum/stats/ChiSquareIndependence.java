package dev.aurum.stats;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Pearson's chi-square test of independence of two dimensions (no continuity correction) from the count of each
 * pair of values, with Cramér's V as the effect size.
 */
public final class ChiSquareIndependence
{
    /** The count of rows with one pair of values. */
    public record Cell(String first, String second, long count)
    {
        public Cell
        {
            requireNonNull(first, "first is null");
            requireNonNull(second, "second is null");
        }
    }

    private final double alpha;

    public ChiSquareIndependence(double alpha)
    {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "alpha must be between 0 and 0.5 (for example 0.05), got " + alpha);
        }
        this.alpha = alpha;
    }

    public Map<String, Object> test(List<Cell> cells, String first, String second)
    {
        String firstWords = Wording.words(first);
        String secondWords = Wording.words(second);
        Map<String, Long> rowTotals = new TreeMap<>();
        Map<String, Long> columnTotals = new TreeMap<>();
        Map<String, Long> observed = new LinkedHashMap<>();
        long n = 0;
        for (Cell cell : cells) {
            if (cell.count() <= 0) {
                continue;
            }
            rowTotals.merge(cell.first(), cell.count(), Long::sum);
            columnTotals.merge(cell.second(), cell.count(), Long::sum);
            observed.merge(cell.first() + "\u0000" + cell.second(), cell.count(), Long::sum);
            n += cell.count();
        }
        if (n == 0) {
            throw new AurumException(ErrorCode.BAD_INPUT, "There are no rows to test: no row has both a " + firstWords + " and a " + secondWords
                    + " (after the filter). Loosen the filter or choose other dimensions.");
        }
        if (rowTotals.size() < 2 || columnTotals.size() < 2) {
            String single = rowTotals.size() < 2 ? firstWords + " (" + rowTotals.keySet().iterator().next() + ")"
                    : secondWords + " (" + columnTotals.keySet().iterator().next() + ")";
            throw new AurumException(ErrorCode.BAD_INPUT, "Only one value of " + single
                    + " occurs, so there is nothing to relate; the test needs at least two values of each dimension.");
        }
        double chiSquare = 0;
        long lowExpected = 0;
        for (Map.Entry<String, Long> row : rowTotals.entrySet()) {
            for (Map.Entry<String, Long> column : columnTotals.entrySet()) {
                double expected = (double) row.getValue() * column.getValue() / n;
                long count = observed.getOrDefault(row.getKey() + "\u0000" + column.getKey(), 0L);
                chiSquare += (count - expected) * (count - expected) / expected;
                if (expected < 5) {
                    lowExpected++;
                }
            }
        }
        long cellCount = (long) rowTotals.size() * columnTotals.size();
        long df = (long) (rowTotals.size() - 1) * (columnTotals.size() - 1);
        double p = Distributions.chiSquareUpper(chiSquare, df);
        double cramersV = Math.sqrt(chiSquare / (n * (double) (Math.min(rowTotals.size(), columnTotals.size()) - 1)));
        boolean significant = p < alpha;
        List<String> notes = new ArrayList<>();
        if (lowExpected * 5 > cellCount) {
            notes.add(lowExpected + " of " + cellCount + " cells expect fewer than 5 rows: the chi-square approximation is rough; merge rare values or use more data");
        }
        String strength = cramersV < 0.1 ? "negligible" : cramersV < 0.3 ? "weak" : cramersV < 0.5 ? "moderate" : "strong";
        String conclusion = "Chi-square test of independence: chi² = " + Wording.significant(chiSquare, 4) + " (df " + df + "), " + Wording.p(p) + "; "
                + firstWords + (significant ? " is" : " is not") + " related to " + secondWords + " at the " + Wording.percentLevel(alpha) + " level"
                + " (Cramér's V = " + Wording.significant(cramersV, 2) + ", " + strength + (significant && cramersV < 0.1 ? ": significant but negligible" : "")
                + ")." + (notes.isEmpty() ? "" : " Note: " + notes.get(0) + ".");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("test", "chi_square_independence");
        map.put("first", first);
        map.put("second", second);
        map.put("alpha", alpha);
        map.put("n", n);
        map.put("chi_square", chiSquare);
        map.put("df", df);
        map.put("p_value", p);
        map.put("cramers_v", cramersV);
        map.put("rows", rowTotals.size());
        map.put("columns", columnTotals.size());
        map.put("cells_expected_below_5", lowExpected);
        map.put("significant", significant);
        map.put("notes", notes);
        map.put("conclusion", conclusion);
        return map;
    }
}
