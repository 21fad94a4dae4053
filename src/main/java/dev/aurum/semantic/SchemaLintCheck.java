package dev.aurum.semantic;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.expr;

/**
 * Checks the model against the live Gold schema: every base table exists, every column named (dimension
 * expressions, primary keys, relationship columns) exists with the declared type, every dimension, filter and metric
 * expression analyses against its own base table alone, and every metric is an aggregate.
 */
public final class SchemaLintCheck
        implements LintCheck
{
    private final SparkSession spark;

    public SchemaLintCheck(SparkSession spark)
    {
        this.spark = requireNonNull(spark, "spark is null");
    }

    @Override
    public String name()
    {
        return "schema";
    }

    @Override
    public List<LintFinding> check(SemanticModel model)
    {
        List<LintFinding> findings = new ArrayList<>();
        Map<String, StructType> schemas = new HashMap<>();
        for (SemanticTable table : model.tables()) {
            Dataset<Row> rows;
            try {
                rows = spark.table(table.baseTable());
            }
            catch (RuntimeException e) {
                findings.add(LintFinding.error(name(), table.name(), "the base table " + table.baseTable() + " does not exist in the lakehouse; build it or fix base_table"));
                continue;
            }
            StructType schema = rows.schema();
            schemas.put(table.name(), schema);
            for (String key : table.primaryKey()) {
                if (field(schema, key) == null) {
                    findings.add(LintFinding.error(name(), table.name(), "primary key column " + key + " is missing from " + table.baseTable()));
                }
            }
            for (Dimension dimension : table.dimensions()) {
                checkColumn(findings, table, dimension.name(), dimension.expression(), dimension.dataType(), rows);
            }
            for (TimeDimension time : table.timeDimensions()) {
                checkColumn(findings, table, time.name(), time.expression(), time.dataType(), rows);
            }
            for (NamedFilter filter : table.filters()) {
                try {
                    rows.filter(expr(filter.expression())).queryExecution().assertAnalyzed();
                }
                catch (Exception e) {
                    findings.add(LintFinding.error(name(), table.name() + "." + filter.name(), "the filter expression does not analyse against "
                            + table.baseTable() + ": " + clean(e.getMessage())));
                }
            }
            for (Metric metric : table.metrics()) {
                try {
                    rows.groupBy().agg(expr(metric.expression())).queryExecution().assertAnalyzed();
                }
                catch (Exception e) {
                    findings.add(LintFinding.error(name(), table.name() + "." + metric.name(), "the metric expression does not analyse as one aggregate over "
                            + table.baseTable() + ": " + clean(e.getMessage())));
                }
            }
        }
        for (Relationship relationship : model.relationships()) {
            StructType left = schemas.get(relationship.leftTable());
            StructType right = schemas.get(relationship.rightTable());
            for (Relationship.ColumnPair pair : relationship.columns()) {
                if (left != null && field(left, pair.leftColumn()) == null) {
                    findings.add(LintFinding.error(name(), "relationship " + relationship.name(), "column " + pair.leftColumn() + " is missing from " + relationship.leftTable()));
                }
                if (right != null && field(right, pair.rightColumn()) == null) {
                    findings.add(LintFinding.error(name(), "relationship " + relationship.name(), "column " + pair.rightColumn() + " is missing from " + relationship.rightTable()));
                }
            }
        }
        return findings;
    }

    private void checkColumn(List<LintFinding> findings, SemanticTable table, String name, String expression, String declaredType, Dataset<Row> rows)
    {
        String location = table.name() + "." + name;
        StructField field = field(rows.schema(), expression);
        if (field == null && expression.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            findings.add(LintFinding.error(name(), location, "column " + expression + " is missing from the live " + table.baseTable()
                    + " (it has " + String.join(", ", rows.columns()) + ")"));
            return;
        }
        String actualType;
        try {
            actualType = rows.select(expr(expression)).schema().fields()[0].dataType().simpleString();
        }
        catch (Exception e) {
            findings.add(LintFinding.error(name(), location, "the expression does not analyse against " + table.baseTable() + ": " + clean(e.getMessage())));
            return;
        }
        if (!actualType.equalsIgnoreCase(declaredType)) {
            findings.add(LintFinding.error(name(), location, "declared data_type " + declaredType + " but " + table.baseTable() + " has " + actualType
                    + "; set data_type: " + actualType));
        }
    }

    private static StructField field(StructType schema, String column)
    {
        return Arrays.stream(schema.fields())
                .filter(field -> field.name().toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
    }

    private static String clean(String message)
    {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip().lines().findFirst().orElse("unknown error");
        return line.replaceAll("^\\[[A-Z0-9_.]+]\\s*", "").replaceAll(";\\s*line \\d+ pos \\d+.*$", "");
    }
}
