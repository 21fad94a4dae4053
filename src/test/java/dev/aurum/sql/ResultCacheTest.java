package dev.aurum.sql;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one result cache of answers and dashboard tiles: a repeated query over tables at the versions it read is not
 * run again; a new version of one table it read runs it again; other queries are unaffected. Queries are counted.
 */
class ResultCacheTest
{
    private final Map<String, Long> versions = new ConcurrentHashMap<>(Map.of("gold.order_facts", 3L, "gold.daily_sales", 7L));
    private final AtomicInteger runs = new AtomicInteger();
    private final ResultCache cache = new ResultCache(table -> versions.getOrDefault(table, -1L));

    /** A fake executor: records each run and reads the tables' current versions, as the real one does. */
    private Function<String, QueryResult> executor(String... tables)
    {
        return sql -> {
            int run = runs.incrementAndGet();
            Map<String, Long> read = new LinkedHashMap<>();
            for (String table : tables) {
                read.put(table, versions.getOrDefault(table, -1L));
            }
            return new QueryResult(sql, List.of(new ResultColumn("run", "int")), List.of(List.of(run)), 1, false, 0, 0, null, read);
        };
    }

    @Test
    void repeatedQueryOnUnchangedTablesIsAnsweredFromTheCache()
    {
        ResultCache.Lookup first = cache.lookup("SELECT count(*) FROM gold.order_facts", executor("gold.order_facts"));
        ResultCache.Lookup second = cache.lookup("SELECT  count(*)\n FROM gold.order_facts ", executor("gold.order_facts"));

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.result()).isSameAs(first.result());
        assertThat(runs).hasValue(1);
        assertThat(cache.queriesRun()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void newVersionOfATableItReadRunsItAgainAndLeavesOtherQueriesCached()
    {
        String facts = "SELECT count(*) FROM gold.order_facts";
        String daily = "SELECT sum(revenue) FROM gold.daily_sales";
        cache.lookup(facts, executor("gold.order_facts"));
        cache.lookup(daily, executor("gold.daily_sales"));

        versions.put("gold.order_facts", 4L);
        ResultCache.Lookup afterRun = cache.lookup(facts, executor("gold.order_facts"));
        ResultCache.Lookup untouched = cache.lookup(daily, executor("gold.daily_sales"));

        assertThat(afterRun.cached()).isFalse();
        assertThat(afterRun.result().rows()).containsExactly(List.of(3));
        assertThat(afterRun.result().tableVersions()).containsEntry("gold.order_facts", 4L);
        assertThat(untouched.cached()).isTrue();
        assertThat(runs).hasValue(3);

        assertThat(cache.lookup(facts, executor("gold.order_facts")).cached()).isTrue();
        assertThat(runs).hasValue(3);
    }

    @Test
    void tableOfUnknownVersionIsNeverServedFromTheCache()
    {
        String sql = "SELECT * FROM gold.vanished";
        cache.lookup(sql, executor("gold.vanished"));
        ResultCache.Lookup again = cache.lookup(sql, executor("gold.vanished"));

        assertThat(again.cached()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void failedRunIsNotCachedAndItsErrorReachesTheCaller()
    {
        String sql = "SELECT count(*) FROM gold.order_facts";
        cache.lookup(sql, executor("gold.order_facts"));
        versions.put("gold.order_facts", 5L);

        assertThatThrownBy(() -> cache.lookup(sql, query -> {
            runs.incrementAndGet();
            throw new AurumException(ErrorCode.RUN_FAILED, "the query failed while running");
        })).isInstanceOf(AurumException.class).hasMessageContaining("failed while running");

        // the stale entry went with the failure: the same versions as the failed run still run the query
        ResultCache.Lookup next = cache.lookup(sql, executor("gold.order_facts"));
        assertThat(next.cached()).isFalse();
        assertThat(runs).hasValue(3);
    }
}
