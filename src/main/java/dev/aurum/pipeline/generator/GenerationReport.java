package dev.aurum.pipeline.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What one generator call wrote: the days, the data lines per entity (defective lines included), the defects
 * injected per kind (keys as in {@link DefectKind#key()}: {@code duplicate}, {@code malformed_row},
 * {@code missing_key}, {@code invalid_<column>}, {@code nulled_<column>}, {@code unknown_status},
 * {@code orphan_order_items}, {@code orphan_payments}, {@code unknown_product}) and the files.
 * Odd-cased statuses such as {@code " Delivered"} are valid values and are not counted as defects.
 */
public record GenerationReport(LocalDate firstDay, LocalDate lastDay, Map<String, Long> rowsPerEntity, Map<String, Long> defectsPerKind, List<Path> files)
{
    public GenerationReport
    {
        requireNonNull(firstDay, "firstDay is null");
        requireNonNull(lastDay, "lastDay is null");
        rowsPerEntity = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(rowsPerEntity, "rowsPerEntity is null")));
        defectsPerKind = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(defectsPerKind, "defectsPerKind is null")));
        files = List.copyOf(requireNonNull(files, "files is null"));
    }

    /** Number of days written. */
    public long days()
    {
        return firstDay.datesUntil(lastDay.plusDays(1)).count();
    }

    public long totalRows()
    {
        return rowsPerEntity.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalDefects()
    {
        return defectsPerKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
