package dev.aurum.lakehouse;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Where everything lives inside one lakehouse folder: {@code landing/}, {@code bronze/}, {@code silver/},
 * {@code gold/} and Aurum's own state under {@code _aurum/}.
 */
public record LakehouseLayout(Path root)
{
    public LakehouseLayout
    {
        requireNonNull(root, "root is null");
        root = root.toAbsolutePath().normalize();
    }

    public Path landing()
    {
        return root.resolve("landing");
    }

    public Path landingDay(String entity, String isoDate)
    {
        return landing().resolve(entity).resolve(isoDate).resolve(entity + ".csv");
    }

    public Path bronze()
    {
        return root.resolve("bronze");
    }

    public Path silver()
    {
        return root.resolve("silver");
    }

    public Path gold()
    {
        return root.resolve("gold");
    }

    /** Aurum's own state: run history, locks, value index, audit log, feedback. */
    public Path state()
    {
        return root.resolve("_aurum");
    }

    /** The folder of one Delta table, for example {@code table(Layer.GOLD, "order_facts")}. */
    public Path table(Layer layer, String name)
    {
        requireNonNull(layer, "layer is null");
        requireNonNull(name, "name is null");
        return root.resolve(layer.folder()).resolve(name);
    }
}
