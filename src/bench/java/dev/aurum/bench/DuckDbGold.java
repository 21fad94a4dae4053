package dev.aurum.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The same Gold build done by DuckDB ({@code bench/duckdb/gold.sql}): one child JVM per build, so its peak memory is
 * measured apart from Aurum's. Prints {@code duckdb_millis=N} (the build inside the process) and the DuckDB version.
 *
 * <p>{@code java -cp target/test-classes:target/bench-lib/* dev.aurum.bench.DuckDbGold SQL_FILE LANDING UNTIL DATABASE}
 */
public final class DuckDbGold
{
    private DuckDbGold() {}

    public static void main(String[] args)
            throws Exception
    {
        if (args.length != 4) {
            System.err.println("usage: DuckDbGold SQL_FILE LANDING_FOLDER UNTIL(yyyy-MM-dd) DATABASE_FILE");
            System.exit(2);
        }
        Path database = Path.of(args[3]);
        Files.deleteIfExists(database);
        Files.deleteIfExists(Path.of(args[3] + ".wal"));
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath())) {
            build(connection, Path.of(args[0]), Path.of(args[1]), args[2]);
            System.out.println("duckdb_version=" + version(connection));
        }
        System.out.println("duckdb_millis=" + (System.nanoTime() - start) / 1_000_000);
    }

    /** Runs every statement of the script with {@code ${landing}} and {@code ${until}} filled in. */
    static void build(Connection connection, Path script, Path landing, String until)
            throws IOException, SQLException
    {
        for (String statement : statements(Files.readString(script, StandardCharsets.UTF_8), landing, until)) {
            try (Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
            catch (SQLException e) {
                throw new SQLException("DuckDB failed on: " + statement.lines().filter(line -> !line.isBlank()).findFirst().orElse(statement) + ": " + e.getMessage(), e);
            }
        }
    }

    static List<String> statements(String script, Path landing, String until)
    {
        if (!until.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("UNTIL must be yyyy-MM-dd: " + until);
        }
        String filled = script.replace("${landing}", landing.toAbsolutePath().toString().replace("'", "''")).replace("${until}", until);
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : filled.split("\n", -1)) {
            if (line.trim().equals(";")) {
                add(statements, current);
                current.setLength(0);
            }
            else if (!line.trim().startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder statement)
    {
        String text = statement.toString().trim();
        if (!text.isEmpty()) {
            statements.add(text);
        }
    }

    static String version(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT version()")) {
            result.next();
            return result.getString(1).toLowerCase(Locale.ROOT);
        }
    }
}
