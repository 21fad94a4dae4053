package dev.aurum.web;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.SparkSessions;
import dev.aurum.sql.ExecutorSettings;
import dev.aurum.sql.QueryExecutor;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.SqlGuard;
import dev.aurum.testing.GoldFixture;
import dev.aurum.testing.SparkTest;
import dev.aurum.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SparkTest
class DashboardStoreTest
{
    @TempDir
    Path folder;

    @Test
    void aSavedDashboardReadsBackTheSame()
    {
        DashboardStore store = new DashboardStore(folder);
        Dashboard dashboard = new Dashboard("team", "Team view", "for the Monday meeting", List.of(
                new Tile(null, "Revenue by month", "revenue by month", "SELECT 1 AS x", "line", "x", null, "large"),
                new Tile(null, "Revenue by month", null, "SELECT 2 AS x", null, null, null, null)));

        store.save(dashboard);
        Dashboard loaded = store.load("team").orElseThrow();

        assertThat(loaded).isEqualTo(dashboard);
        assertThat(loaded.tiles()).extracting(Tile::id).containsExactly("revenue-by-month", "revenue-by-month-2");
        assertThat(loaded.tiles().get(1).chart()).isEqualTo("bar");
        assertThat(loaded.tiles().get(1).size()).isEqualTo("medium");
        assertThat(store.list()).extracting(Dashboard::name).containsExactly("team");
        assertThat(store.load("other")).isEmpty();
    }

    @Test
    void badNamesAndBadTilesAreRefusedWithAClearMessage()
            throws IOException
    {
        DashboardStore store = new DashboardStore(folder);

        assertThatThrownBy(() -> store.load("../etc/passwd")).isInstanceOfSatisfying(AurumException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT));
        assertThatThrownBy(() -> new Tile(null, "t", null, "SELECT 1", "pie3d", null, null, null)).hasMessageContaining("chart must be one of bar, line, pie, table");
        assertThatThrownBy(() -> new Tile(null, "t", null, " ", null, null, null, null)).hasMessageContaining("non-empty 'sql'");

        Files.writeString(folder.resolve("broken.yaml"), "title: Broken\ntiles:\n  - title: no sql\n");
        assertThatThrownBy(() -> store.load("broken")).isInstanceOfSatisfying(AurumException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).contains("broken.yaml").contains("sql");
        });
        assertThat(store.list()).singleElement().satisfies(listed -> assertThat(listed.title()).contains("unreadable"));
    }

    @Test
    void theShippedSalesOverviewHasItsSixTilesAndEachPassesTheGuardAndRuns()
    {
        GoldFixture.shared();
        SparkSession query = SparkSessions.querySession(TestSpark.get());
        Set<String> gold = GoldFixture.GOLD_TABLES.stream().map(table -> "gold." + table).collect(Collectors.toSet());
        QueryExecutor executor = new QueryExecutor(query, new SqlGuard(query, gold), new ExecutorSettings(1000, Duration.ofSeconds(120)));

        Dashboard overview = new DashboardStore(Path.of("dashboards")).load("sales-overview").orElseThrow();

        assertThat(overview.title()).isEqualTo("Sales overview");
        assertThat(overview.tiles()).extracting(Tile::id).containsExactly("revenue-by-month", "orders-by-status", "top-categories", "revenue-by-state",
                "payment-mix", "late-delivery-rate");
        for (Tile tile : overview.tiles()) {
            QueryResult result = executor.execute(tile.sql());
            assertThat(result.rows()).as(tile.id()).isNotEmpty();
            assertThat(result.tableVersions().values()).as(tile.id() + " reads versioned Delta tables, so it can be cached").allSatisfy(v -> assertThat(v).isNotNegative());
            assertThat(result.columns()).extracting(c -> c.name()).as(tile.id()).contains(tile.x(), tile.y());
        }
    }
}
