package dev.aurum.sql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Query results kept with the Delta versions of the tables they read ({@link QueryResult#tableVersions()}). A lookup
 * reads the current versions from the Delta logs ({@link TableVersions}: a directory listing per table, no Spark job)
 * and runs the query again only when one of its tables changed, so a repeated question over unchanged Gold costs no
 * guard, no planning and no scan. The web app's dashboard tiles and the assistant's answers share this one cache
 * (docs/architecture.md, "Answers sooner"). The key is the SQL text with runs of white space made one space.
 */
public final class ResultCache
{
    /** A result and whether it came from the cache (false: the query ran for this lookup). */
    public record Lookup(QueryResult result, boolean cached)
    {
        public Lookup
        {
            requireNonNull(result, "result is null");
        }
    }

    private final TableVersions versions;
    private final Map<String, QueryResult> results = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicLong queriesRun = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();

    public ResultCache(TableVersions versions)
    {
        this.versions = requireNonNull(versions, "versions is null");
    }

    /**
     * The cached result of {@code sql} when every table it read is still at the version it read; otherwise runs it
     * with {@code run} and keeps the result. A failed run removes the entry and its exception propagates. Two threads
     * asking the same SQL at once share one run.
     */
    public Lookup lookup(String sql, Function<String, QueryResult> run)
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(run, "run is null");
        String key = key(sql);
        synchronized (locks.computeIfAbsent(key, ignored -> new Object())) {
            QueryResult cached = results.get(key);
            if (cached != null && unchanged(cached)) {
                hits.incrementAndGet();
                return new Lookup(cached, true);
            }
            queriesRun.incrementAndGet();
            try {
                QueryResult result = run.apply(sql);
                results.put(key, result);
                return new Lookup(result, false);
            }
            catch (RuntimeException | Error e) {
                results.remove(key);
                throw e;
            }
        }
    }

    /** True when {@code sql} has a result here that one of its tables has moved past (a refresh would run it again). */
    public boolean isStale(String sql)
    {
        QueryResult cached = results.get(key(requireNonNull(sql, "sql is null")));
        return cached != null && !unchanged(cached);
    }

    /** Queries run since this cache was made (misses), for status pages and tests. */
    public long queriesRun()
    {
        return queriesRun.get();
    }

    /** Lookups answered from the cache. */
    public long hits()
    {
        return hits.get();
    }

    static String key(String sql)
    {
        return sql.replaceAll("\\s+", " ").trim();
    }

    private boolean unchanged(QueryResult result)
    {
        return versions.allCurrent(result.tableVersions());
    }
}
