package dev.aurum.web;

import dev.aurum.testing.SparkTest;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tiles are cached with the Delta versions they read: a second open of an unchanged dashboard runs no query (and no
 * Spark job at all), and after one table gets a new version only the tiles reading it run again.
 */
@SparkTest
class DashboardCacheTest
{
    @TempDir
    Path folder;

    private WebFixture fixture;
    private ExecutorService threads;
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicInteger sparkJobs = new AtomicInteger();
    private final SparkListener jobCounter = new SparkListener()
    {
        @Override
        public void onJobStart(SparkListenerJobStart jobStart)
        {
            sparkJobs.incrementAndGet();
        }
    };

    @BeforeEach
    void setUp()
            throws IOException
    {
        fixture = WebFixture.shared();
        fixture.createCategorySales("cache_categories");
        fixture.createOrderStatus("cache_status");
        threads = Executors.newFixedThreadPool(2);
        Files.writeString(folder.resolve("overview.yaml"), """
                title: Overview
                tiles:
                  - id: categories
                    sql: SELECT product_category, revenue FROM webtest.cache_categories ORDER BY revenue DESC
                  - id: top-category
                    sql: SELECT product_category FROM webtest.cache_categories ORDER BY revenue DESC LIMIT 1
                    chart: table
                  - id: statuses
                    sql: SELECT order_status, orders FROM webtest.cache_status ORDER BY orders DESC
                  - id: both
                    sql: |
                      SELECT (SELECT COUNT(*) FROM webtest.cache_status) + (SELECT COUNT(*) FROM webtest.cache_categories) AS n
                """);
        fixture.spark().sparkContext().addSparkListener(jobCounter);
    }

    @AfterEach
    void tearDown()
    {
        fixture.spark().sparkContext().removeSparkListener(jobCounter);
        threads.shutdownNow();
    }

    private DashboardService service()
    {
        TileQueries counting = sql -> {
            queries.incrementAndGet();
            return fixture.executor().execute(sql);
        };
        return new DashboardService(new DashboardStore(folder), counting, fixture.versions(), threads);
    }

    @Test
    void aSecondOpenOfAnUnchangedDashboardRunsNoQuery()
    {
        DashboardService dashboards = service();

        DashboardService.DashboardView first = dashboards.open("overview");
        assertThat(first.tiles()).allSatisfy(tile -> assertThat(tile.error()).isNull());
        assertThat(queries).hasValue(4);
        assertThat(first.queriesRun()).isEqualTo(4);

        waitForSparkEvents();
        int jobsBefore = sparkJobs.get();
        DashboardService.DashboardView second = dashboards.open("overview");
        waitForSparkEvents();

        assertThat(queries).as("no tile query ran").hasValue(4);
        assertThat(second.queriesRun()).isZero();
        assertThat(second.tiles()).allSatisfy(tile -> assertThat(tile.cached()).isTrue());
        assertThat(sparkJobs.get()).as("reading the versions ran nothing on Spark").isEqualTo(jobsBefore);
        assertThat(rows(second).get("categories")).isEqualTo(rows(first).get("categories"));
        assertThat(dashboards.queriesRun()).isEqualTo(4);
    }

    @Test
    void afterOneTableChangesOnlyTheTilesReadingItRunAgain()
    {
        DashboardService dashboards = service();
        dashboards.open("overview");
        long statusVersion = fixture.versions().current("webtest.cache_status");

        fixture.appendOrderStatus("cache_status", "invoiced", 2);
        assertThat(fixture.versions().current("webtest.cache_status")).isEqualTo(statusVersion + 1);
        DashboardService.DashboardView afterRun = dashboards.open("overview");

        Map<String, Boolean> cached = afterRun.tiles().stream().collect(Collectors.toMap(tile -> tile.tile().id(), DashboardService.TileView::cached));
        assertThat(cached).containsExactlyInAnyOrderEntriesOf(Map.of("categories", true, "top-category", true, "statuses", false, "both", false));
        assertThat(queries).hasValue(4 + 2);
        DashboardService.TileView statuses = afterRun.tiles().stream().filter(tile -> tile.tile().id().equals("statuses")).findFirst().orElseThrow();
        assertThat(statuses.result().rows()).extracting(row -> row.get(0)).contains("invoiced");
        assertThat(statuses.result().tableVersions()).containsEntry("webtest.cache_status", statusVersion + 1);

        assertThat(dashboards.open("overview").queriesRun()).as("and then they are cached again").isZero();
    }

    @Test
    void stalenessIsRefreshedInTheBackgroundSoTheNextOpenAfterARunIsCached()
    {
        DashboardService dashboards = service();
        assertThat(dashboards.refreshStale()).as("nothing opened yet: nothing to refresh").isZero();
        dashboards.open("overview");
        assertThat(dashboards.refreshStale()).as("nothing changed").isZero();
        assertThat(queries).hasValue(4);

        fixture.appendOrderStatus("cache_status", "returned", 1);

        assertThat(dashboards.refreshStale()).as("the two tiles reading the changed table").isEqualTo(2);
        assertThat(queries).hasValue(4 + 2);
        DashboardService.DashboardView afterRun = dashboards.open("overview");
        assertThat(afterRun.queriesRun()).as("the open after the run finds every tile cached").isZero();
        DashboardService.TileView statuses = afterRun.tiles().stream().filter(tile -> tile.tile().id().equals("statuses")).findFirst().orElseThrow();
        assertThat(statuses.result().rows()).extracting(row -> row.get(0)).contains("returned");
    }

    @Test
    void aTileThatFailsIsShownWithItsErrorAndTriedAgainNextTime()
            throws IOException
    {
        Files.writeString(folder.resolve("broken.yaml"), """
                title: Broken
                tiles:
                  - title: Deletes
                    sql: DELETE FROM webtest.cache_status
                  - title: Fine
                    sql: SELECT COUNT(*) AS n FROM webtest.cache_status
                """);
        DashboardService dashboards = service();

        DashboardService.DashboardView view = dashboards.open("broken");
        dashboards.open("broken");

        assertThat(view.tiles().get(0).error()).isNotBlank();
        assertThat(view.tiles().get(0).result()).isNull();
        assertThat(view.tiles().get(1).result().rows()).hasSize(1);
        assertThat(queries).as("the failing tile runs again, the good one is cached").hasValue(3);
        assertThat(fixture.spark().sql("SELECT COUNT(*) FROM webtest.cache_status").first().getLong(0)).isEqualTo(3);
    }

    private static Map<String, List<List<Object>>> rows(DashboardService.DashboardView view)
    {
        return view.tiles().stream().collect(Collectors.toMap(tile -> tile.tile().id(), tile -> tile.result().rows(), (a, b) -> a));
    }

    private void waitForSparkEvents()
    {
        // Scala's private[spark] is public in the bytecode: wait until the listener has seen every event posted so far
        try {
            fixture.spark().sparkContext().listenerBus().waitUntilEmpty();
        }
        catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Spark's listener bus did not drain", e);
        }
    }
}
