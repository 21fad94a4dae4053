package dev.aurum.lakehouse;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.NoSuchDatabaseException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import scala.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Registers the lakehouse's Delta tables in Spark's (in-memory, non persistent) catalog, so that every command can
 * query {@code gold.order_facts} and friends by name. Run once when a session starts, and again after a pipeline
 * run creates new tables.
 */
public final class TableRegistry
{
    private final SparkSession spark;
    private final LakehouseLayout layout;

    public TableRegistry(SparkSession spark, LakehouseLayout layout)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.layout = requireNonNull(layout, "layout is null");
    }

    /** Registers every Delta table found under bronze, silver, gold and state; returns the qualified names. */
    public List<String> registerAll()
    {
        List<String> names = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            names.addAll(register(layer));
        }
        return names;
    }

    public List<String> register(Layer layer)
    {
        Path folder = layout.root().resolve(layer.folder());
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.database());
        try (Stream<Path> children = Files.list(folder)) {
            for (Path table : children.sorted().toList()) {
                if (Files.isDirectory(table.resolve("_delta_log"))) {
                    String name = layer.database() + "." + table.getFileName();
                    registerTable(name, table);
                    names.add(name);
                }
            }
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    /**
     * Registers one table name at a Delta folder. A name already registered elsewhere (another lakehouse in the same
     * JVM, e.g. tests or the eval lakehouse) is re-pointed. Only catalog metadata is read: resolving the Delta table
     * would fail when its old folder is gone.
     */
    public void registerTable(String qualifiedName, Path location)
    {
        String uri = location.toAbsolutePath().toUri().toString();
        int dot = qualifiedName.indexOf('.');
        String database = qualifiedName.substring(0, dot);
        TableIdentifier name = new TableIdentifier(qualifiedName.substring(dot + 1), Option.apply(database));
        SessionCatalog catalog = spark.sessionState().catalog();
        if (!catalog.databaseExists(database)) {
            spark.sql("CREATE DATABASE IF NOT EXISTS " + database);
        }
        if (catalog.tableExists(name)) {
            if (normalise(location(catalog, name)).equals(normalise(uri))) {
                return;
            }
            catalog.dropTable(name, true, false);
        }
        spark.sql("CREATE TABLE " + qualifiedName + " USING delta LOCATION '" + uri.replace("'", "\\'") + "'");
    }

    private static String location(SessionCatalog catalog, TableIdentifier name)
    {
        try {
            return catalog.getTableMetadata(name).location().toString();
        }
        catch (NoSuchDatabaseException | NoSuchTableException e) {
            return "";
        }
    }

    private static String normalise(String uri)
    {
        String result = uri.replace("file:///", "file:/");
        return result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }
}
