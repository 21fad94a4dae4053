package dev.aurum.bench;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Counts and sums per Gold table, in SQL both Spark and DuckDB run unchanged: the equivalence check of Aurum's Gold
 * against DuckDB's. Each table gets its row count, the sum of every measure and a few counts of flags and keys; two
 * builds agree when every figure does (doubles within a relative 1e-9, everything else exactly).
 */
final class GoldChecksums
{
    /** One figure of one table, and whether it is a double (compared with a tolerance). */
    record Figure(String name, String expression, boolean approximate)
    {
        Figure
        {
            requireNonNull(name, "name is null");
            requireNonNull(expression, "expression is null");
        }
    }

    /** A figure that differs: both values. */
    record Difference(String table, String figure, BigDecimal aurum, BigDecimal duckdb) {}

    static final Map<String, List<Figure>> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("order_facts", List.of(
                exact("rows", "count(*)"),
                exact("customers", "count(DISTINCT customer_id)"),
                exact("with_state", "count(customer_state)"),
                exact("order_value", "sum(order_value)"),
                exact("items_value", "sum(items_value)"),
                exact("shipping_value", "sum(shipping_value)"),
                exact("payment_value", "sum(payment_value)"),
                exact("item_count", "sum(item_count)"),
                exact("payment_installments", "sum(payment_installments)"),
                exact("with_primary_payment_type", "count(primary_payment_type)"),
                exact("boleto_primary", "sum(CASE WHEN primary_payment_type = 'boleto' THEN 1 ELSE 0 END)"),
                exact("delivered", "count(delivery_days)"),
                exact("delivery_days", "sum(delivery_days)"),
                exact("late", "sum(CASE WHEN is_late THEN 1 ELSE 0 END)"),
                exact("revenue_orders", "sum(CASE WHEN is_revenue THEN 1 ELSE 0 END)"),
                exact("weekend_orders", "sum(CASE WHEN is_weekend THEN 1 ELSE 0 END)"),
                exact("days_since_first_order", "sum(days_since_first_order)"),
                exact("week_of_year", "sum(week_of_year)"),
                exact("day_of_week_num", "sum(day_of_week_num)"),
                exact("mondays", "sum(CASE WHEN day_of_week = 'Monday' THEN 1 ELSE 0 END)"),
                exact("summer_orders", "sum(CASE WHEN season = 'Summer' THEN 1 ELSE 0 END)"),
                exact("hour", "sum(hour)"),
                exact("year_month", "sum(year * 100 + month)"),
                exact("quarter", "sum(quarter)")));
        FIGURES.put("order_items", List.of(
                exact("rows", "count(*)"),
                exact("price", "sum(price)"),
                exact("shipping_charges", "sum(shipping_charges)"),
                exact("item_value", "sum(item_value)"),
                exact("categories", "count(DISTINCT product_category)"),
                exact("unknown_category", "sum(CASE WHEN product_category = 'unknown' THEN 1 ELSE 0 END)"),
                exact("revenue_items", "sum(CASE WHEN is_revenue THEN 1 ELSE 0 END)"),
                exact("with_state", "count(customer_state)")));
        FIGURES.put("daily_sales", List.of(
                exact("rows", "count(*)"),
                exact("orders", "sum(orders)"),
                exact("customers", "sum(customers)"),
                exact("items_sold", "sum(items_sold)"),
                exact("revenue", "sum(revenue)"),
                exact("avg_order_value", "sum(avg_order_value)")));
        FIGURES.put("customer_spend_quarterly", List.of(
                exact("rows", "count(*)"),
                exact("orders", "sum(orders)"),
                exact("total_spend", "sum(total_spend)")));
        FIGURES.put("category_sales_monthly", List.of(
                exact("rows", "count(*)"),
                exact("orders", "sum(orders)"),
                exact("items_sold", "sum(items_sold)"),
                exact("revenue", "sum(revenue)")));
        FIGURES.put("state_sales_monthly", List.of(
                exact("rows", "count(*)"),
                exact("orders", "sum(orders)"),
                exact("customers", "sum(customers)"),
                exact("revenue", "sum(revenue)")));
        FIGURES.put("payment_mix_monthly", List.of(
                exact("rows", "count(*)"),
                exact("payments", "sum(payments)"),
                exact("payment_value", "sum(payment_value)"),
                approximate("avg_installments", "sum(avg_installments)")));
        FIGURES.put("customers", List.of(
                exact("rows", "count(*)"),
                exact("with_city", "count(customer_city)"),
                exact("orders", "sum(orders)"),
                exact("lifetime_value", "sum(lifetime_value)"),
                exact("first_last_span", "sum(CASE WHEN first_order_date < last_order_date THEN 1 ELSE 0 END)")));
    }

    private GoldChecksums() {}

    private static Figure exact(String name, String expression)
    {
        return new Figure(name, expression, false);
    }

    private static Figure approximate(String name, String expression)
    {
        return new Figure(name, expression, true);
    }

    /** The one query per table: {@code SELECT <figures> FROM gold.<table>}. */
    static String query(String table)
    {
        List<String> columns = new ArrayList<>();
        for (Figure figure : FIGURES.get(table)) {
            columns.add(figure.expression() + " AS " + figure.name());
        }
        return "SELECT " + String.join(", ", columns) + " FROM gold." + table;
    }

    /**
     * Every table's figures, by running {@link #query} with {@code run} (which returns the single row's values in
     * order, as numbers or null).
     */
    static Map<String, Map<String, BigDecimal>> collect(Function<String, List<Object>> run)
    {
        Map<String, Map<String, BigDecimal>> tables = new LinkedHashMap<>();
        for (String table : FIGURES.keySet()) {
            List<Object> values = run.apply(query(table));
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            List<Figure> names = FIGURES.get(table);
            for (int i = 0; i < names.size(); i++) {
                figures.put(names.get(i).name(), number(values.get(i)));
            }
            tables.put(table, figures);
        }
        return tables;
    }

    /** Aurum's figures: the queries over the gold.* tables registered in {@code spark}. */
    static Map<String, Map<String, BigDecimal>> of(SparkSession spark)
    {
        return collect(sql -> {
            Row row = spark.sql(sql).collectAsList().get(0);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            return values;
        });
    }

    /** DuckDB's figures: the same queries over its gold schema. */
    static Map<String, Map<String, BigDecimal>> of(Connection duckdb)
    {
        return collect(sql -> {
            try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                result.next();
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    values.add(result.getObject(i));
                }
                return values;
            }
            catch (SQLException e) {
                throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
            }
        });
    }

    static List<Difference> compare(Map<String, Map<String, BigDecimal>> aurum, Map<String, Map<String, BigDecimal>> duckdb)
    {
        List<Difference> differences = new ArrayList<>();
        for (Map.Entry<String, List<Figure>> table : FIGURES.entrySet()) {
            for (Figure figure : table.getValue()) {
                BigDecimal left = aurum.get(table.getKey()).get(figure.name());
                BigDecimal right = duckdb.get(table.getKey()).get(figure.name());
                if (!same(left, right, figure.approximate())) {
                    differences.add(new Difference(table.getKey(), figure.name(), left, right));
                }
            }
        }
        return differences;
    }

    static boolean same(BigDecimal left, BigDecimal right, boolean approximate)
    {
        if (left == null || right == null) {
            return left == right;
        }
        if (!approximate) {
            return left.compareTo(right) == 0;
        }
        BigDecimal scale = left.abs().max(right.abs()).max(BigDecimal.ONE);
        return left.subtract(right).abs().divide(scale, MathContext.DECIMAL64).compareTo(new BigDecimal("1e-9")) <= 0;
    }

    private static BigDecimal number(Object value)
    {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(((Number) value).doubleValue(), MathContext.DECIMAL64);
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return new BigDecimal(value.toString());
    }
}
