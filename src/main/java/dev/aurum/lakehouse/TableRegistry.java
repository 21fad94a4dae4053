package dev.aurum.lakehouse;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.NoSuchDatabaseException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.catalog.CatalogStorageFormat;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTable$;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import org.apache.spark.sql.types.StructType;
import scala.Option;

import java.io.IOException;
import java.net.URI;
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
                if (DeltaTables.exists(table)) {
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
     * JVM, e.g. tests or the eval lakehouse) is re-pointed. Only catalog metadata is read and written: resolving the
     * Delta table would fail when its old folder is gone, and {@code CREATE TABLE ... LOCATION} would load every
     * table's Delta log at start-up (16 s for a built lakehouse's 28 tables in a fresh JVM, measured with
     * {@code TableRegistry} against a direct catalog entry: 3 s). Delta reads a table's schema from its log at query
     * time, so the entry carries none, as a Hive metastore entry of a Delta table does.
     */
    public void registerTable(String qualifiedName, Path location)
    {
        URI uri = location.toAbsolutePath().toUri();
        int dot = qualifiedName.indexOf('.');
        String database = qualifiedName.substring(0, dot);
        TableIdentifier name = new TableIdentifier(qualifiedName.substring(dot + 1), Option.apply(database));
        SessionCatalog catalog = spark.sessionState().catalog();
        if (!catalog.databaseExists(database)) {
            spark.sql("CREATE DATABASE IF NOT EXISTS " + database);
        }
        if (catalog.tableExists(name)) {
            if (normalise(location(catalog, name)).equals(normalise(uri.toString()))) {
                return;
            }
            catalog.dropTable(name, true, false);
        }
        catalog.createTable(deltaTable(name, uri), false, false);
    }

    /** An external Delta table at {@code location}, without a schema (Delta takes it from the table's log). */
    private static CatalogTable deltaTable(TableIdentifier name, URI location)
    {
        CatalogStorageFormat storage = new CatalogStorageFormat(Option.apply(location), Option.empty(), Option.empty(), Option.empty(), false,
                scala.collection.immutable.Map$.MODULE$.empty());
        CatalogTable$ defaults = CatalogTable$.MODULE$;
        return defaults.apply(name, CatalogTableType.EXTERNAL(), storage, new StructType(), Option.apply("delta"), defaults.apply$default$6(),
                defaults.apply$default$7(), defaults.apply$default$8(), defaults.apply$default$9(), defaults.apply$default$10(), defaults.apply$default$11(),
                defaults.apply$default$12(), defaults.apply$default$13(), defaults.apply$default$14(), defaults.apply$default$15(), defaults.apply$default$16(),
                defaults.apply$default$17(), defaults.apply$default$18(), defaults.apply$default$19(), defaults.apply$default$20());
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
