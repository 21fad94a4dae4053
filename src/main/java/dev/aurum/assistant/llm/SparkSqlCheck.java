package dev.aurum.assistant.llm;

import dev.aurum.sql.GuardedQuery;
import dev.aurum.sql.SqlGuard;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.EqualNullSafe;
import org.apache.spark.sql.catalyst.expressions.EqualTo;
import org.apache.spark.sql.catalyst.expressions.ExprId;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.aggregate.AggregateExpression;
import org.apache.spark.sql.catalyst.expressions.aggregate.Sum;
import org.apache.spark.sql.catalyst.plans.LeftAnti$;
import org.apache.spark.sql.catalyst.plans.LeftSemi$;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;
import static scala.collection.JavaConverters.seqAsJavaList;

/**
 * The production {@link SqlCheck}: {@link SqlGuard#inspect} parses, guards and analyzes the SQL without running it
 * (its refusal or Spark's analysis error is the verdict), then the analyzed plan is read for the join check: the
 * equality keys of every join and the columns every aggregate sums, each traced to the table column it comes from.
 */
public final class SparkSqlCheck
        implements SqlCheck
{
    private final SqlGuard guard;

    public SparkSqlCheck(SqlGuard guard)
    {
        this.guard = requireNonNull(guard, "guard is null");
    }

    @Override
    public CheckedSql check(String sql)
    {
        GuardedQuery guarded = guard.inspect(sql);
        LogicalPlan plan = shape(guarded.dataset().queryExecution().analyzed());
        Map<ExprId, CheckedSql.Column> origins = new HashMap<>();
        trace(plan, origins);
        List<CheckedSql.JoinKey> joins = new ArrayList<>();
        List<CheckedSql.Aggregation> aggregations = new ArrayList<>();
        walk(plan, origins, joins, aggregations);
        return new CheckedSql(guarded.verdict().sql(), aggregations, joins);
    }

    /** CTEs inlined, subquery aliases gone and WHERE equalities pushed into joins, exactly as the guard reads joins. */
    private static LogicalPlan shape(LogicalPlan analyzed)
    {
        return SqlGuard.joinShape(analyzed);
    }

    /** Maps every attribute that is a table column, or an alias of one, to that column (bottom-up). */
    private static void trace(LogicalPlan plan, Map<ExprId, CheckedSql.Column> origins)
    {
        for (LogicalPlan child : seqAsJavaList(plan.children())) {
            trace(child, origins);
        }
        String table = tableName(plan);
        if (table != null) {
            for (Attribute attribute : seqAsJavaList(plan.output())) {
                origins.put(attribute.exprId(), new CheckedSql.Column(table, attribute.name().toLowerCase(Locale.ROOT)));
            }
            return;
        }
        for (Expression expression : seqAsJavaList(plan.expressions())) {
            if (expression instanceof Alias alias && alias.child() instanceof AttributeReference reference && origins.containsKey(reference.exprId())) {
                origins.put(alias.exprId(), origins.get(reference.exprId()));
            }
        }
    }

    private static String tableName(LogicalPlan plan)
    {
        if (plan instanceof LogicalRelation relation && relation.catalogTable().isDefined()) {
            var identifier = relation.catalogTable().get().identifier();
            String database = identifier.database().isDefined() ? identifier.database().get() + "." : "";
            return (database + identifier.table()).toLowerCase(Locale.ROOT);
        }
        if (plan instanceof DataSourceV2Relation relation && relation.identifier().isDefined()) {
            var identifier = relation.identifier().get();
            List<String> parts = new ArrayList<>(List.of(identifier.namespace()));
            parts.add(identifier.name());
            if (parts.size() == 3 && parts.get(0).equalsIgnoreCase("spark_catalog")) {
                parts = parts.subList(1, 3);
            }
            return String.join(".", parts).toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static void walk(LogicalPlan plan, Map<ExprId, CheckedSql.Column> origins, List<CheckedSql.JoinKey> joins, List<CheckedSql.Aggregation> aggregations)
    {
        if (plan instanceof Join join) {
            joins.addAll(keys(join, origins));
        }
        if (plan instanceof Aggregate aggregate) {
            List<CheckedSql.JoinKey> below = new ArrayList<>();
            joinsBelow(aggregate.child(), origins, below);
            List<CheckedSql.Column> summed = new ArrayList<>();
            for (NamedExpression expression : seqAsJavaList(aggregate.aggregateExpressions())) {
                sums((Expression) expression, origins, summed);
            }
            aggregations.add(new CheckedSql.Aggregation(below, summed));
        }
        for (LogicalPlan child : seqAsJavaList(plan.children())) {
            walk(child, origins, joins, aggregations);
        }
        for (Expression expression : seqAsJavaList(plan.expressions())) {
            subqueries(expression, origins, joins, aggregations);
        }
    }

    private static void subqueries(Expression expression, Map<ExprId, CheckedSql.Column> origins, List<CheckedSql.JoinKey> joins,
            List<CheckedSql.Aggregation> aggregations)
    {
        if (expression instanceof org.apache.spark.sql.catalyst.expressions.PlanExpression<?> subquery && subquery.plan() instanceof LogicalPlan inner) {
            LogicalPlan shaped = shape(inner);
            trace(shaped, origins);
            walk(shaped, origins, joins, aggregations);
        }
        for (Expression child : seqAsJavaList(expression.children())) {
            subqueries(child, origins, joins, aggregations);
        }
    }

    private static void joinsBelow(LogicalPlan plan, Map<ExprId, CheckedSql.Column> origins, List<CheckedSql.JoinKey> joins)
    {
        if (plan instanceof Aggregate) {
            return;
        }
        if (plan instanceof Join join) {
            joins.addAll(keys(join, origins));
        }
        for (LogicalPlan child : seqAsJavaList(plan.children())) {
            joinsBelow(child, origins, joins);
        }
    }

    private static List<CheckedSql.JoinKey> keys(Join join, Map<ExprId, CheckedSql.Column> origins)
    {
        List<CheckedSql.JoinKey> keys = new ArrayList<>();
        if (join.joinType() == LeftSemi$.MODULE$ || join.joinType() == LeftAnti$.MODULE$ || join.condition().isEmpty()) {
            return keys; // EXISTS / IN / NOT EXISTS filter rows, they never repeat them
        }
        boolean leftAggregated = aggregated(join.left());
        boolean rightAggregated = aggregated(join.right());
        for (Expression conjunct : conjuncts(join.condition().get())) {
            Expression left = null;
            Expression right = null;
            if (conjunct instanceof EqualTo equal) {
                left = equal.left();
                right = equal.right();
            }
            else if (conjunct instanceof EqualNullSafe equal) {
                left = equal.left();
                right = equal.right();
            }
            if (left instanceof AttributeReference leftReference && right instanceof AttributeReference rightReference) {
                CheckedSql.Column leftColumn = origins.get(leftReference.exprId());
                CheckedSql.Column rightColumn = origins.get(rightReference.exprId());
                if (leftColumn != null && rightColumn != null) {
                    boolean leftFromLeft = join.left().outputSet().contains(leftReference);
                    keys.add(leftFromLeft
                            ? new CheckedSql.JoinKey(leftColumn, rightColumn, leftAggregated, rightAggregated)
                            : new CheckedSql.JoinKey(leftColumn, rightColumn, rightAggregated, leftAggregated));
                }
            }
        }
        return keys;
    }

    private static boolean aggregated(LogicalPlan plan)
    {
        if (plan instanceof Aggregate) {
            return true;
        }
        if (plan instanceof Join) {
            return false;
        }
        List<LogicalPlan> children = seqAsJavaList(plan.children());
        return children.size() == 1 && aggregated(children.get(0));
    }

    private static List<Expression> conjuncts(Expression condition)
    {
        if (condition instanceof And and) {
            List<Expression> all = new ArrayList<>(conjuncts(and.left()));
            all.addAll(conjuncts(and.right()));
            return all;
        }
        return List.of(condition);
    }

    private static void sums(Expression expression, Map<ExprId, CheckedSql.Column> origins, List<CheckedSql.Column> summed)
    {
        if (expression instanceof AggregateExpression aggregate && aggregate.aggregateFunction() instanceof Sum sum && !aggregate.isDistinct()) {
            columns(sum.child(), origins, summed);
            return;
        }
        for (Expression child : seqAsJavaList(expression.children())) {
            sums(child, origins, summed);
        }
    }

    private static void columns(Expression expression, Map<ExprId, CheckedSql.Column> origins, List<CheckedSql.Column> columns)
    {
        if (expression instanceof AttributeReference reference && origins.containsKey(reference.exprId())) {
            columns.add(origins.get(reference.exprId()));
        }
        for (Expression child : seqAsJavaList(expression.children())) {
            columns(child, origins, columns);
        }
    }
}
