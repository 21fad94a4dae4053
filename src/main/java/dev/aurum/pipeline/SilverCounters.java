package dev.aurum.pipeline;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What Silver did with some Bronze rows of one entity: rows read, versions written (inserted as new keys or
 * replacing older versions), versions superseded, exact duplicates dropped, rows quarantined per rule and values
 * nulled per column. {@code bronzeRows = inserted + superseded + duplicates + quarantined()} always holds.
 */
public record SilverCounters(long bronzeRows, long written, long inserted, long superseded, long duplicates, Map<String, Long> quarantinedByRule, Map<String, Long> nulledByColumn)
{
    public SilverCounters
    {
        quarantinedByRule = Map.copyOf(requireNonNull(quarantinedByRule, "quarantinedByRule is null"));
        nulledByColumn = Map.copyOf(requireNonNull(nulledByColumn, "nulledByColumn is null"));
    }

    public static SilverCounters empty()
    {
        return new SilverCounters(0, 0, 0, 0, 0, Map.of(), Map.of());
    }

    public long quarantined()
    {
        return quarantinedByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    public SilverCounters plus(SilverCounters other)
    {
        Map<String, Long> rules = new TreeMap<>(quarantinedByRule);
        other.quarantinedByRule.forEach((rule, count) -> rules.merge(rule, count, Long::sum));
        Map<String, Long> nulled = new TreeMap<>(nulledByColumn);
        other.nulledByColumn.forEach((rule, count) -> nulled.merge(rule, count, Long::sum));
        return new SilverCounters(bronzeRows + other.bronzeRows, written + other.written, inserted + other.inserted,
                superseded + other.superseded, duplicates + other.duplicates, rules, nulled);
    }
}
