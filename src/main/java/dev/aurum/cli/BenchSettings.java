package dev.aurum.cli;

import dev.aurum.lakehouse.SparkSettings;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * What one {@code aurum bench} run measures (README.md, "aurum bench"): the sample's scale, how many times each
 * pipeline build is timed (the median is reported), where the JSON goes (the Markdown summary lands beside it) and the
 * folder that keeps the generated landing between runs.
 */
public record BenchSettings(double scale, int repeat, Path out, Path workdir, SparkSettings spark)
{
    public BenchSettings
    {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1: " + repeat);
        }
        requireNonNull(out, "out is null");
        requireNonNull(workdir, "workdir is null");
        requireNonNull(spark, "spark is null");
    }

    /** The Markdown summary: the JSON file's name with {@code .md} for {@code .json}. */
    public Path markdown()
    {
        String name = out.getFileName().toString();
        return out.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".md");
    }
}
