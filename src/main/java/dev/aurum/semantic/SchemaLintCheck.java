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
 * expression analyses against its own base table alone, and every metric's declaration fits the live columns
 * (expr and filter exist, a sum or average is over a number, a filter is boolean).
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
                checkMetric(findings, table, metric, rows);
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

    /**
     * A metric's declaration against live Gold: its expr and filter (and those of inline ratio parts) analyse over the
     * base table, a sum or average aggregates a number, a filter is a boolean, and the rendered SQL is one aggregate.
     */
    private void checkMetric(List<LintFinding> findings, SemanticTable table, Metric metric, Dataset<Row> rows)
    {
        String location = table.name() + "." + metric.name();
        int before = findings.size();
        if (metric.isSimple()) {
            checkAggregated(findings, location, "expr", metric.agg(), metric.expr(), table, rows);
            checkFilter(findings, location, "filter", metric.filter(), table, rows);
        }
        for (MetricPart part : java.util.Arrays.asList(metric.numerator(), metric.denominator())) {
            if (part != null) {
                String side = part == metric.numerator() ? "numerator" : "denominator";
                if (part.metric() == null) {
                    checkAggregated(findings, location, side + " expr", part.agg(), part.expr(), table, rows);
                }
                checkFilter(findings, location, side + " filter", part.filter(), table, rows);
            }
        }
        if (findings.size() > before) {
            return;
        }
        String sql = table.metricSql(metric);
        try {
            rows.groupBy().agg(expr(sql)).queryExecution().assertAnalyzed();
        }
        catch (Exception e) {
            findings.add(LintFinding.error(name(), location, "the metric's SQL " + sql + " does not analyse as one aggregate over "
                    + table.baseTable() + ": " + clean(e.getMessage())));
        }
    }

    private void checkAggregated(List<LintFinding> findings, String location, String key, String agg, String expression, SemanticTable table, Dataset<Row> rows)
    {
        if (expression == null) {
            return;
        }
        String type;
        try {
            type = rows.select(expr(expression)).schema().fields()[0].dataType().simpleString();
        }
        catch (Exception e) {
            findings.add(LintFinding.error(name(), location, "its " + key + " '" + expression + "' does not analyse against " + table.baseTable() + ": "
                    + clean(e.getMessage())));
            return;
        }
        boolean numeric = type.matches("(tinyint|smallint|int|bigint|float|double|decimal).*");
        if (("sum".equals(agg) || "avg".equals(agg)) && !numeric) {
            findings.add(LintFinding.error(name(), location, "it takes the " + agg + " of " + key + " '" + expression + "', which is " + type
                    + " in " + table.baseTable() + ", not a number; aggregate a numeric column or use count"));
        }
    }

    private void checkFilter(List<LintFinding> findings, String location, String key, String filter, SemanticTable table, Dataset<Row> rows)
    {
        if (filter == null) {
            return;
        }
        try {
            String type = rows.select(expr(filter)).schema().fields()[0].dataType().simpleString();
            if (!type.equals("boolean")) {
                findings.add(LintFinding.error(name(), location, "its " + key + " '" + filter + "' is " + type + ", not a true/false condition"));
            }
        }
        catch (Exception e) {
            findings.add(LintFinding.error(name(), location, "its " + key + " '" + filter + "' does not analyse against " + table.baseTable() + ": "
                    + clean(e.getMessage())));
        }
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
