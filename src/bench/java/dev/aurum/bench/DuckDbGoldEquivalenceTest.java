package dev.aurum.bench;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.testing.TestLakehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's DuckDB build ({@code bench/duckdb/gold.sql}) gives the Gold Aurum's pipeline gives, on the shared
 * small test lakehouse (its landing holds every kind of bad row, re-dropped orders and a reordered header): every
 * count and sum per table. Built with -Pbench only; it also starts DuckDB and Spark in one JVM.
 */
class DuckDbGoldEquivalenceTest
{
    @TempDir
    Path folder;

    @Test
    void duckDbGoldEqualsAurumGoldOnTheTestLakehouse()
            throws Exception
    {
        LakehouseLayout layout = TestLakehouse.layout();
        Map<String, Map<String, BigDecimal>> aurum = GoldChecksums.of(TestLakehouse.spark());
        String lastDay = TestLakehouse.SETTINGS.lastDay().toString();

        Map<String, Map<String, BigDecimal>> duckdb;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("equivalence.duckdb"))) {
            DuckDbGold.build(connection, Path.of("bench", "duckdb", "gold.sql"), layout.landing(), lastDay);
            duckdb = GoldChecksums.of(connection);
        }

        assertThat(aurum.get("order_facts").get("rows")).isPositive();
        assertThat(GoldChecksums.compare(aurum, duckdb)).isEmpty();
    }
}
