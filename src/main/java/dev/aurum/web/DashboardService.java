package dev.aurum.web;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.sql.QueryResult;
import dev.aurum.sql.ResultCache;
import dev.aurum.sql.TableVersions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import static java.util.Objects.requireNonNull;

/**
 * Opens dashboards with their tiles' results. A tile's result is cached with the Delta versions of the tables it
 * read ({@link QueryResult#tableVersions()}); on the next open the current versions are read from the Delta logs
 * ({@link TableVersions}, no Spark job) and the query runs again only when one of its tables changed. So an unchanged
 * dashboard opens without a query, and after a pipeline run only the tiles over the changed tables re-run. The cache
 * is {@link ResultCache}, the one the assistant's answers use too.
 */
public final class DashboardService
{
    /** A tile with its result (or the error that stopped it), whether it came from the cache, and what it cost. */
    public record TileView(Tile tile, QueryResult result, String error, boolean cached, long millis)
    {
        public TileView
        {
            requireNonNull(tile, "tile is null");
        }
    }

    public record DashboardView(Dashboard dashboard, List<TileView> tiles, int queriesRun, long millis)
    {
        public DashboardView
        {
            requireNonNull(dashboard, "dashboard is null");
            tiles = List.copyOf(tiles);
        }
    }

    private final DashboardStore store;
    private final TileQueries queries;
    private final ResultCache cache;
    private final ExecutorService tileThreads;

    /** @param tileThreads runs the tiles of one dashboard side by side (a small pool: Spark shares the cores anyway) */
    public DashboardService(DashboardStore store, TileQueries queries, TableVersions versions, ExecutorService tileThreads)
    {
        this(store, queries, new ResultCache(versions), tileThreads);
    }

    /** @param cache the result cache, shared with the assistant's answers when both run in one process */
    public DashboardService(DashboardStore store, TileQueries queries, ResultCache cache, ExecutorService tileThreads)
    {
        this.store = requireNonNull(store, "store is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.cache = requireNonNull(cache, "cache is null");
        this.tileThreads = requireNonNull(tileThreads, "tileThreads is null");
    }

    public List<Dashboard> list()
    {
        return store.list();
    }

    /** @throws AurumException BAD_INPUT for a bad name, UNKNOWN_COLUMN when there is no such dashboard */
    public Dashboard definition(String name)
    {
        return store.load(name).orElseThrow(() -> new AurumException(ErrorCode.UNKNOWN_COLUMN, "There is no dashboard '" + name + "'; GET /api/dashboards lists them."));
    }

    /** The dashboard with every tile's result, from the cache where the tile's tables have not changed. */
    public DashboardView open(String name)
    {
        long start = System.nanoTime();
        Dashboard dashboard = definition(name);
        List<Future<TileView>> futures = new ArrayList<>();
        for (Tile tile : dashboard.tiles()) {
            futures.add(tileThreads.submit(() -> view(tile)));
        }
        List<TileView> views = new ArrayList<>();
        int ran = 0;
        for (Future<TileView> future : futures) {
            TileView view = await(future);
            views.add(view);
            if (!view.cached()) {
                ran++;
            }
        }
        return new DashboardView(dashboard, views, ran, (System.nanoTime() - start) / 1_000_000);
    }

    /** Adds a tile at the end of a dashboard, creating the dashboard when it does not exist yet. */
    public Dashboard pin(String name, String titleIfNew, Tile tile)
    {
        requireNonNull(tile, "tile is null");
        synchronized (store) {
            Dashboard dashboard = store.load(name).orElseGet(() -> new Dashboard(name, titleIfNew, "", List.of()));
            Dashboard pinned = dashboard.withTile(tile);
            store.save(pinned);
            return pinned;
        }
    }

    /** Replaces a dashboard's title, description and tiles (the page's editor: order, size, chart type, removal). */
    public Dashboard replace(String name, Dashboard edited)
    {
        Dashboard named = edited.withName(name);
        synchronized (store) {
            store.save(named);
        }
        return named;
    }

    /**
     * Runs again, now, every tile that was opened before and whose tables have changed since (a pipeline run here or
     * in another process), so the next open after a refresh finds them in the cache. Tiles never opened are left
     * alone. Returns how many ran. {@code aurum serve} calls it every few seconds.
     */
    public int refreshStale()
    {
        List<Future<TileView>> futures = new ArrayList<>();
        for (Dashboard dashboard : store.list()) {
            for (Tile tile : dashboard.tiles()) {
                if (cache.isStale(tile.sql())) {
                    futures.add(tileThreads.submit(() -> view(tile)));
                }
            }
        }
        int ran = 0;
        for (Future<TileView> future : futures) {
            if (!await(future).cached()) {
                ran++;
            }
        }
        return ran;
    }

    /** Queries run for tiles since start (cache misses), for the status page and tests. */
    public long queriesRun()
    {
        return cache.queriesRun();
    }

    private TileView view(Tile tile)
    {
        long start = System.nanoTime();
        try {
            // one run per SQL at a time: two people opening the same dashboard share the query
            ResultCache.Lookup lookup = cache.lookup(tile.sql(), queries::run);
            return new TileView(tile, lookup.result(), null, lookup.cached(), elapsed(start));
        }
        catch (AurumException e) {
            return new TileView(tile, null, e.getMessage(), false, elapsed(start));
        }
        catch (RuntimeException e) {
            // one broken tile must not take the dashboard down
            return new TileView(tile, null, "the tile's query failed: " + e, false, elapsed(start));
        }
    }

    private static TileView await(Future<TileView> future)
    {
        try {
            return future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AurumException(ErrorCode.CANCELLED, "Interrupted while the dashboard's tiles were loading.");
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AurumException(ErrorCode.INTERNAL, "A tile failed: " + cause, cause);
        }
    }

    private static long elapsed(long start)
    {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
