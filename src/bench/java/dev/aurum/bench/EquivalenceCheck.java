package dev.aurum.bench;

import dev.aurum.cli.AppContext;
import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.lakehouse.SparkSettings;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The benchmark's equivalence check on its own: a lakehouse's Gold against a DuckDB database built by
 * {@code bench/duckdb/gold.sql} ({@link DuckDbGold}) over the same drops. Prints every figure that differs; exit 1 if any.
 *
 * <p>{@code java <add-opens> -Daurum.home=. -cp "target/aurum.jar:target/lib/*:target/test-classes:target/bench-lib/*" dev.aurum.bench.EquivalenceCheck LAKEHOUSE DATABASE}
 */
public final class EquivalenceCheck
{
    private EquivalenceCheck() {}

    public static void main(String[] args)
            throws Exception
    {
        Map<String, Map<String, BigDecimal>> aurum;
        try (AppContext context = new AppContext(new LakehouseLayout(Path.of(args[0])), SparkSettings.defaults())) {
            aurum = GoldChecksums.of(context.spark());
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, Map<String, BigDecimal>> duckdb;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + Path.of(args[1]).toAbsolutePath(), readOnly)) {
            duckdb = GoldChecksums.of(connection);
        }
        List<GoldChecksums.Difference> differences = GoldChecksums.compare(aurum, duckdb);
        int figures = GoldChecksums.FIGURES.values().stream().mapToInt(List::size).sum();
        System.out.println(figures + " figures compared over " + aurum.size() + " Gold tables; " + differences.size() + " differ");
        differences.forEach(difference -> System.out.println("  gold." + difference.table() + " " + difference.figure() + ": Aurum " + difference.aurum() + ", DuckDB " + difference.duckdb()));
        aurum.forEach((table, values) -> System.out.println("  gold." + table + " " + values));
        System.exit(differences.isEmpty() ? 0 : 1);
    }
}
