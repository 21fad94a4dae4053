package dev.aurum.assistant.offline;

import dev.aurum.assistant.proposal.ChartHint;
import dev.aurum.assistant.proposal.DateRange;
import dev.aurum.assistant.proposal.PlanSpec;
import dev.aurum.assistant.proposal.Proposal;
import dev.aurum.assistant.proposal.TimeGrain;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.Metric;
import dev.aurum.semantic.NamedFilter;
import dev.aurum.semantic.Relationship;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Prints the Spark SQL of a spec the {@link Binder} bound to its table (docs/architecture.md, "The planner's rules"):
 * the table, its joins and its time axis are the binder's; this class only writes them out, with the measures, the
 * grouping, the filters, and the chart the answer's shape calls for ({@link ChartChoice}).
 */
final class SqlWriter
{
    private final SemanticModel model;

    SqlWriter(SemanticModel model)
    {
        this.model = requireNonNull(model, "model is null");
    }

    /** The SQL, the table it reads and its provenance. */
    record Written(String sql, String table, List<String> joins, List<String> filterTexts, ChartHint chart,
            Map<String, String> columnFormats, Proposal.ExclusionCheck exclusionCheck) {}

    /** One output column of a time bucket: its SQL expression and its name. */
    record BucketColumn(String expression, String name) {}

    /** The SQL of a bound spec: the binder already chose the table, its joins and its time axis. */
    Written write(Binder.Bound bound)
    {
        return new Query(bound).write();
    }

    static String literal(LocalDate date)
    {
        return "DATE '" + date + "'";
    }

    static String quote(String value)
    {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** One query being written for one table. */
    private final class Query
    {
        private final Binder.Bound bound;
        private final SemanticTable table;
        private final PlanSpec spec;
        private final Binder.TimeAxis axis;
        private final List<String> joins = new ArrayList<>();
        private final List<String> filterTexts = new ArrayList<>();
        private final Map<String, String> formats = new LinkedHashMap<>();
        private final Map<String, String> joinedColumns = new LinkedHashMap<>();

        Query(Binder.Bound bound)
        {
            this.bound = bound;
            this.table = bound.table();
            this.spec = bound.spec();
            this.axis = bound.axis();
        }

        Written write()
        {
            String source = source();
            List<String> conditions = conditions();
            if (spec.compare() && spec.ranges().size() == 2) {
                DateRange first = spec.ranges().get(0);
                DateRange second = spec.ranges().get(1);
                DateRange later = first.start().isAfter(second.start()) ? first : second;
                DateRange earlier = later == first ? second : first;
                return comparison(source, conditions, later, earlier, "_" + later.identifier(), "_" + earlier.identifier(), "change_pct");
            }
            if (spec.growth()) {
                TimeGrain series = spec.grain();
                DateRange range = spec.ranges().isEmpty() ? null : spec.ranges().get(0);
                if (series == null && spec.growthGrain() != null
                        && (range == null || !range.exactGrain().map(grain -> grain.ordinal() <= spec.growthGrain().ordinal()).orElse(false))) {
                    series = spec.growthGrain();
                }
                if (series != null) {
                    return growthSeries(source, conditions, series, spec.growthGrain() != null ? spec.growthGrain() : series, range);
                }
                DateRange previous = Binder.previousPeriod(spec, range).orElseThrow();
                return comparison(source, conditions, range, previous, "", "_previous", "growth_pct");
            }
            return plain(source, conditions);
        }

        /** The FROM clause: the base table, or a derived table adding dimensions of many-to-one neighbours. */
        private String source()
        {
            Map<String, List<String>> pulled = new LinkedHashMap<>();
            Map<String, Relationship> via = new LinkedHashMap<>();
            List<String> names = new ArrayList<>(spec.dimensions());
            spec.valueFilters().forEach(filter -> names.add(filter.dimension()));
            spec.measures().stream().map(PlanSpec.Measure::distinctDimension).filter(name -> name != null).forEach(names::add);
            for (String name : names) {
                Optional<Binder.Reach> found = bound.reach(name);
                if (found.isEmpty()) {
                    continue;
                }
                Binder.Reach reach = found.get();
                if (reach.via() != null && !joinedColumns.containsKey(name)) {
                    pulled.computeIfAbsent(reach.from().name(), key -> new ArrayList<>()).add(reach.dimension().expression() + " AS " + name);
                    via.put(reach.from().name(), reach.via());
                    joinedColumns.put(name, name);
                }
            }
            StringBuilder childSelect = new StringBuilder();
            StringBuilder childJoins = new StringBuilder();
            Map<String, List<Binder.ChildReach>> grouped = new LinkedHashMap<>();
            for (String name : spec.dimensions()) {
                if (bound.reach(name).isEmpty()) {
                    Binder.ChildReach child = bound.child(name).orElseThrow();
                    grouped.computeIfAbsent(child.child().name(), key -> new ArrayList<>()).add(child);
                    joinedColumns.put(name, name);
                }
            }
            int childIndex = 0;
            for (List<Binder.ChildReach> reaches : grouped.values()) {
                String alias = "c" + childIndex++;
                Binder.ChildReach first = reaches.get(0);
                List<String> columns = new ArrayList<>(first.childColumns());
                reaches.forEach(reach -> columns.add(reach.dimension().expression() + " AS " + reach.dimension().name()));
                List<String> on = new ArrayList<>();
                for (int i = 0; i < first.ownColumns().size(); i++) {
                    on.add("t." + first.ownColumns().get(i) + " = " + alias + "." + first.childColumns().get(i));
                }
                reaches.forEach(reach -> childSelect.append(", ").append(alias).append('.').append(reach.dimension().name()));
                childJoins.append(" JOIN (SELECT DISTINCT ").append(String.join(", ", columns)).append(" FROM ").append(first.child().baseTable())
                        .append(") ").append(alias).append(" ON ").append(String.join(" AND ", on));
                joins.add(first.via().name() + " (each row once per " + reaches.stream().map(reach -> reach.dimension().name()).collect(Collectors.joining(", ")) + ")");
            }
            int filterIndex = 0;
            for (PlanSpec.FilterUse use : spec.namedFilters()) {
                if (Binder.namedFilter(table, use.name()).isPresent()) {
                    continue;
                }
                Binder.ParentFilter parent = bound.parentFilter(use.name()).orElseThrow();
                String alias = "f" + filterIndex++;
                boolean tableIsLeft = model.table(parent.via().leftTable()).map(SemanticTable::name).equals(Optional.of(table.name()));
                List<String> keys = new ArrayList<>();
                List<String> on = new ArrayList<>();
                for (Relationship.ColumnPair pair : parent.via().columns()) {
                    String own = tableIsLeft ? pair.leftColumn() : pair.rightColumn();
                    String far = tableIsLeft ? pair.rightColumn() : pair.leftColumn();
                    keys.add(far);
                    on.add("t." + own + " = " + alias + "." + far);
                }
                String flag = "is_" + parent.filter().name();
                childSelect.append(", ").append(alias).append('.').append(flag);
                childJoins.append(" LEFT JOIN (SELECT ").append(String.join(", ", keys)).append(", COALESCE((").append(parent.filter().expression())
                        .append("), false) AS ").append(flag).append(" FROM ").append(parent.parent().baseTable()).append(") ").append(alias)
                        .append(" ON ").append(String.join(" AND ", on));
                joins.add(parent.via().name());
            }
            if (pulled.isEmpty() && childJoins.length() == 0) {
                return table.baseTable();
            }
            StringBuilder sql = new StringBuilder("(SELECT t.*").append(childSelect);
            StringBuilder joinText = new StringBuilder(childJoins);
            int index = 0;
            for (Map.Entry<String, List<String>> entry : pulled.entrySet()) {
                String alias = "j" + index++;
                SemanticTable other = model.table(entry.getKey()).orElseThrow();
                for (String column : entry.getValue()) {
                    sql.append(", ").append(alias).append('.').append(column);
                }
                Relationship relationship = via.get(entry.getKey());
                boolean tableIsLeft = model.table(relationship.leftTable()).orElseThrow().name().equals(table.name());
                List<String> on = new ArrayList<>();
                for (Relationship.ColumnPair pair : relationship.columns()) {
                    String own = tableIsLeft ? pair.leftColumn() : pair.rightColumn();
                    String far = tableIsLeft ? pair.rightColumn() : pair.leftColumn();
                    on.add("t." + own + " = " + alias + "." + far);
                }
                joinText.append(" LEFT JOIN ").append(other.baseTable()).append(' ').append(alias).append(" ON ").append(String.join(" AND ", on));
                joins.add(relationship.name());
            }
            sql.append(" FROM ").append(table.baseTable()).append(" t").append(joinText).append(") src");
            return sql.toString();
        }

        private String dimensionExpression(String name)
        {
            if (joinedColumns.containsKey(name)) {
                return name;
            }
            return bound.reach(name).orElseThrow().dimension().expression();
        }

        private List<String> conditions()
        {
            List<String> conditions = new ArrayList<>();
            for (PlanSpec.FilterUse use : spec.namedFilters()) {
                Optional<NamedFilter> own = Binder.namedFilter(table, use.name());
                if (own.isEmpty()) {
                    String flag = "is_" + use.name();
                    conditions.add(use.negated() ? "NOT " + flag : flag);
                    filterTexts.add((use.negated() ? "not " : "") + use.name());
                    continue;
                }
                NamedFilter filter = own.get();
                conditions.add(use.negated() ? "NOT (" + filter.expression() + ")" : guarded(filter.expression()));
                filterTexts.add((use.negated() ? "not " : "") + filter.name());
            }
            for (PlanSpec.ValueFilter filter : spec.valueFilters()) {
                if (bound.reach(filter.dimension()).isEmpty() && !joinedColumns.containsKey(filter.dimension())) {
                    // rows that have (or have no) child row with the value: a semi-join, never a fan-out
                    Binder.ChildReach child = bound.child(filter.dimension()).orElseThrow();
                    Dimension dimension = child.dimension();
                    boolean numeric = dimension.dataType().toLowerCase(Locale.ROOT).matches("int|integer|bigint|long|double|decimal.*|boolean");
                    String list = filter.values().stream().map(value -> numeric ? value : quote(value)).collect(Collectors.joining(", "));
                    String inner = "SELECT " + String.join(", ", child.childColumns()) + " FROM " + child.child().baseTable() + " WHERE " + dimension.expression()
                            + " IN (" + list + ")";
                    String key = child.ownColumns().size() == 1 ? child.ownColumns().get(0) : "(" + String.join(", ", child.ownColumns()) + ")";
                    conditions.add(filter.negated() ? "NOT " + key + " IN (" + inner + ")" : key + " IN (" + inner + ")");
                    filterTexts.add((filter.negated() ? "no " : "some ") + child.child().name() + " row with " + filter.dimension() + " in " + filter.values());
                    continue;
                }
                Dimension dimension = joinedColumns.containsKey(filter.dimension()) && bound.reach(filter.dimension()).isEmpty()
                        ? bound.child(filter.dimension()).orElseThrow().dimension()
                        : bound.reach(filter.dimension()).orElseThrow().dimension();
                String expression = dimensionExpression(filter.dimension());
                boolean numeric = dimension.dataType().toLowerCase(Locale.ROOT).matches("int|integer|bigint|long|double|decimal.*|boolean");
                List<String> literals = filter.values().stream().map(value -> numeric ? value : quote(value)).toList();
                String list = String.join(", ", literals);
                if (filter.negated()) {
                    // SQL semantics: an unknown value is not known to be outside the list, so it is left out
                    conditions.add(literals.size() == 1 ? expression + " <> " + list : expression + " NOT IN (" + list + ")");
                }
                else {
                    conditions.add(literals.size() == 1 ? expression + " = " + list : expression + " IN (" + list + ")");
                }
                filterTexts.add(filter.dimension() + (filter.negated() ? " not in " : " in ") + filter.values());
            }
            return conditions;
        }

        /**
         * A condition safe to put first after WHERE: Spark reads {@code FROM t WHERE (x)} as a table alias with
         * column names, so a condition never starts with a parenthesis, and an OR stays inside its own function call.
         */
        private String guarded(String expression)
        {
            String trimmed = expression.trim();
            if (trimmed.startsWith("(") || trimmed.toUpperCase(Locale.ROOT).contains(" OR ")) {
                return "COALESCE((" + trimmed + "), false)";
            }
            return trimmed;
        }

        private String rangeCondition(DateRange range)
        {
            String expression = axis.dateExpression();
            if (range.start().getYear() <= 1900) {
                return expression + " < " + literal(range.endExclusive());
            }
            return expression + " >= " + literal(range.start()) + " AND " + expression + " < " + literal(range.endExclusive());
        }

        /**
         * The output columns of a time bucket, as the Gold tables hold them: the date for days, {@code year} and
         * {@code week_of_year} (ISO week) for weeks, {@code year} and {@code month}, {@code year} and
         * {@code quarter}, and {@code year}.
         */
        private List<BucketColumn> bucketColumns(TimeGrain grain)
        {
            String date = axis.dateExpression();
            return switch (grain) {
                case DAY -> List.of(new BucketColumn(date, "date"));
                case WEEK -> List.of(new BucketColumn("year(" + date + ")", "year"), new BucketColumn("weekofyear(" + date + ")", "week_of_year"));
                case MONTH -> List.of(new BucketColumn("year(" + date + ")", "year"), new BucketColumn("month(" + date + ")", "month"));
                case QUARTER -> List.of(new BucketColumn("year(" + date + ")", "year"), new BucketColumn("quarter(" + date + ")", "quarter"));
                case YEAR -> List.of(new BucketColumn("year(" + date + ")", "year"));
            };
        }

        private String periodStartExpression(TimeGrain grain)
        {
            return "CAST(date_trunc('" + grain.name() + "', " + axis.dateExpression() + ") AS DATE)";
        }

        /** The chart x axis of a bucket: its column names joined by a comma ("year,month"). */
        private String bucketAxis(List<BucketColumn> columns)
        {
            return columns.stream().map(BucketColumn::name).collect(Collectors.joining(","));
        }

        /** The aggregate SQL of one measure (not rounded). */
        private String measureExpression(PlanSpec.Measure measure)
        {
            if (measure.distinctDimension() != null) {
                return "COUNT(DISTINCT " + dimensionExpression(measure.distinctDimension()) + ")";
            }
            String numerator = table.metricSql(Binder.metric(table, measure.metric()).orElseThrow());
            if (measure.per() != null) {
                String denominator = table.metricSql(Binder.metric(table, measure.per()).orElseThrow());
                return "(" + numerator + ") / NULLIF(" + denominator + ", 0)";
            }
            return numerator;
        }

        private String format(PlanSpec.Measure measure)
        {
            if (measure.distinctDimension() != null) {
                return "integer";
            }
            Metric metric = Binder.metric(table, measure.metric()).orElseThrow();
            if (measure.per() != null) {
                return metric.format().equals("money") ? "money" : "decimal";
            }
            return metric.format();
        }

        /**
         * The measure's SELECT expression: a metric as its declaration renders it (already rounded; a count is 0, not
         * NULL, over nothing), a distinct count the same, a metric per another rounded to two decimals.
         */
        private String finishedMeasure(PlanSpec.Measure measure)
        {
            String expression = measureExpression(measure);
            if (measure.distinctDimension() != null) {
                return "COALESCE(" + expression + ", 0)";
            }
            if (measure.per() != null) {
                return "ROUND(" + expression + ", 2)";
            }
            return Binder.metric(table, measure.metric()).orElseThrow().isCount() ? "COALESCE(" + expression + ", 0)" : expression;
        }

        /** A measure's column of an inner query, rounded as its format says. */
        private String finish(String column, PlanSpec.Measure measure)
        {
            return format(measure).equals("integer") ? column : "ROUND(" + column + ", 2)";
        }

        private Written plain(String source, List<String> conditions)
        {
            List<String> where = new ArrayList<>(conditions);
            spec.ranges().forEach(range -> where.add(rangeCondition(range)));
            if (spec.ranges().size() > 1) {
                // several named periods without a comparison: any of them
                where.removeIf(condition -> spec.ranges().stream().anyMatch(range -> condition.equals(rangeCondition(range))));
                where.add("COALESCE(" + spec.ranges().stream().map(this::rangeCondition).map(text -> "(" + text + ")").collect(Collectors.joining(" OR ")) + ", false)");
            }
            List<String> select = new ArrayList<>();
            List<String> groupBy = new ArrayList<>();
            String bucket = null;
            List<BucketColumn> bucketColumns = List.of();
            if (spec.grain() != null) {
                bucketColumns = bucketColumns(spec.grain());
                bucket = bucketAxis(bucketColumns);
                for (BucketColumn column : bucketColumns) {
                    select.add(column.expression().equals(column.name()) ? column.name() : column.expression() + " AS " + column.name());
                    groupBy.add(column.expression());
                    if (!column.name().equals("date")) {
                        formats.put(column.name(), "integer");
                    }
                }
            }
            for (String dimension : spec.dimensions()) {
                select.add(dimensionExpression(dimension) + (dimensionExpression(dimension).equals(dimension) ? "" : " AS " + dimension));
                groupBy.add(dimensionExpression(dimension));
            }
            for (PlanSpec.Measure measure : spec.measures()) {
                select.add(finishedMeasure(measure) + " AS " + columnName(measure));
                formats.put(columnName(measure), format(measure));
            }
            String first = columnName(spec.measures().get(0));
            StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ").append(source);
            if (!where.isEmpty()) {
                sql.append(" WHERE ").append(String.join(" AND ", where));
            }
            if (!groupBy.isEmpty()) {
                sql.append(" GROUP BY ").append(String.join(", ", groupBy));
            }
            String query = sql.toString();
            if (spec.share() && !groupBy.isEmpty()) {
                String partition = bucket != null && !spec.dimensions().isEmpty() ? "PARTITION BY " + bucket.replace(",", ", ") + " " : "";
                StringBuilder outer = new StringBuilder("SELECT *");
                for (PlanSpec.Measure measure : spec.measures()) {
                    String name = columnName(measure);
                    outer.append(", ROUND(100 * ").append(name).append(" / NULLIF(SUM(").append(name).append(") OVER (").append(partition).append("), 0), 2) AS ")
                            .append(name).append("_share_pct");
                    formats.put(name + "_share_pct", "percent");
                }
                query = outer.append(" FROM (").append(query).append(") grouped").toString();
            }
            else if (spec.share()) {
                query = shareOfFiltered(source, conditions, where);
            }
            List<String> orderBy = new ArrayList<>();
            boolean ranked = spec.limit() != null;
            if (!groupBy.isEmpty()) {
                if (bucket != null && !ranked) {
                    bucketColumns.forEach(column -> orderBy.add(column.name()));
                    spec.dimensions().forEach(orderBy::add);
                }
                else {
                    orderBy.add(first + (spec.ascending() ? " ASC" : " DESC"));
                    bucketColumns.forEach(column -> orderBy.add(column.name()));
                    spec.dimensions().forEach(orderBy::add);
                }
            }
            if (!orderBy.isEmpty()) {
                query += " ORDER BY " + String.join(", ", orderBy);
            }
            if (ranked && !groupBy.isEmpty()) {
                query += " LIMIT " + spec.limit();
            }
            return written(query, chartFor(bucket, ranked, groupBy.isEmpty(), first), exclusionCheck(source, where));
        }

        /**
         * When a measure's metric counts only rows where a boolean column of the table holds and the question has
         * filters: the query that says whether those filters leave any such row (see {@link Proposal.ExclusionCheck}).
         */
        private Proposal.ExclusionCheck exclusionCheck(String source, List<String> where)
        {
            if (where.isEmpty() || spec.share()) {
                return null;
            }
            for (PlanSpec.Measure measure : spec.measures()) {
                if (measure.metric() == null || measure.per() != null || measure.distinctDimension() != null) {
                    continue;
                }
                Metric metric = Binder.metric(table, measure.metric()).orElseThrow();
                if (!metric.isSimple() || metric.filter() == null) {
                    continue;
                }
                String column = metric.filter();
                Optional<Dimension> flag = Binder.dimension(table, column).filter(dimension -> dimension.dataType().equalsIgnoreCase("boolean"));
                if (flag.isEmpty()) {
                    continue;
                }
                // the same aggregate over every row, if the model declares it ("gross_order_value")
                String counterpart = table.metrics().stream()
                        .filter(other -> other.isSimple() && other.filter() == null && other.agg().equals(metric.agg()) && java.util.Objects.equals(other.expr(), metric.expr()))
                        .map(Metric::name).findFirst().orElse(null);
                String sql = "SELECT COUNT(*) AS matching, COUNT(CASE WHEN " + flag.get().expression() + " THEN 1 END) AS counted FROM " + source
                        + whereClause(where);
                return new Proposal.ExclusionCheck(sql, columnName(measure), column, flag.get().description(), counterpart);
            }
            return null;
        }

        /** "the part of all purchases that got canceled": the filtered metric as a percentage of the same metric without the value and named filters. */
        private String shareOfFiltered(String source, List<String> conditions, List<String> where)
        {
            List<String> base = new ArrayList<>(where);
            base.removeAll(conditions);
            PlanSpec.Measure measure = spec.measures().get(0);
            String expression = measureExpression(measure);
            String name = columnName(measure);
            formats.clear();
            formats.put(name + "_share_pct", "percent");
            return "SELECT ROUND(100 * part." + name + " / NULLIF(whole." + name + ", 0), 2) AS " + name + "_share_pct"
                    + " FROM (SELECT " + expression + " AS " + name + " FROM " + source + whereClause(where) + ") part"
                    + " CROSS JOIN (SELECT " + expression + " AS " + name + " FROM " + source + whereClause(base) + ") whole";
        }

        private String whereClause(List<String> conditions)
        {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        private ChartHint chartFor(String bucket, boolean ranked, boolean single, String firstMeasure)
        {
            if (single) {
                return ChartChoice.choose(spec.chart(), null, ranked, null, firstMeasure);
            }
            return ChartChoice.choose(spec.chart(), bucket, ranked, spec.dimensions().isEmpty() ? null : spec.dimensions().get(0), firstMeasure);
        }

        /** A monthly (or other) series with the previous period beside each row and the growth in percent. */
        private Written growthSeries(String source, List<String> conditions, TimeGrain series, TimeGrain lag, DateRange range)
        {
            List<BucketColumn> bucketColumns = bucketColumns(series);
            String bucket = bucketAxis(bucketColumns);
            List<String> select = new ArrayList<>();
            List<String> groupBy = new ArrayList<>();
            select.add(periodStartExpression(series) + " AS period_start");
            groupBy.add(periodStartExpression(series));
            for (BucketColumn column : bucketColumns) {
                if (!column.expression().equals(periodStartExpression(series))) {
                    select.add(column.expression() + " AS " + column.name());
                    groupBy.add(column.expression());
                }
            }
            for (String dimension : spec.dimensions()) {
                select.add(dimensionExpression(dimension) + " AS " + dimension);
                groupBy.add(dimensionExpression(dimension));
            }
            PlanSpec.Measure measure = spec.measures().get(0);
            String name = columnName(measure);
            select.add(measureExpression(measure) + " AS " + name);
            String inner = "SELECT " + String.join(", ", select) + " FROM " + source + whereClause(conditions) + " GROUP BY " + String.join(", ", groupBy);
            String shift = switch (lag) {
                case DAY -> "date_add(cur.period_start, -1)";
                case WEEK -> "date_add(cur.period_start, -7)";
                case MONTH -> "add_months(cur.period_start, -1)";
                case QUARTER -> "add_months(cur.period_start, -3)";
                case YEAR -> "add_months(cur.period_start, -12)";
            };
            List<String> on = new ArrayList<>();
            on.add("prev.period_start = " + shift);
            spec.dimensions().forEach(dimension -> on.add("prev." + dimension + " <=> cur." + dimension));
            List<String> outer = new ArrayList<>();
            for (BucketColumn column : bucketColumns) {
                outer.add(column.expression().equals(periodStartExpression(series)) ? "cur.period_start AS " + column.name() : "cur." + column.name());
                if (!column.name().equals("date")) {
                    formats.put(column.name(), "integer");
                }
            }
            spec.dimensions().forEach(dimension -> outer.add("cur." + dimension));
            outer.add(finish("cur." + name, measure) + " AS " + name);
            outer.add(finish("prev." + name, measure) + " AS previous_" + name);
            outer.add("ROUND(100 * (cur." + name + " - prev." + name + ") / NULLIF(prev." + name + ", 0), 2) AS growth_pct");
            formats.put(name, format(measure));
            formats.put("previous_" + name, format(measure));
            formats.put("growth_pct", "percent");
            StringBuilder sql = new StringBuilder("WITH series AS (").append(inner).append(") SELECT ").append(String.join(", ", outer))
                    .append(" FROM series cur LEFT JOIN series prev ON ").append(String.join(" AND ", on));
            if (range != null) {
                sql.append(" WHERE cur.period_start >= ").append(literal(range.start())).append(" AND cur.period_start < ").append(literal(range.endExclusive()));
            }
            sql.append(" ORDER BY cur.period_start");
            spec.dimensions().forEach(dimension -> sql.append(", cur.").append(dimension));
            return written(sql.toString(), ChartChoice.choose(spec.chart(), bucket, false, null, "growth_pct"));
        }

        /** Two periods side by side (growth vs the previous period, or two named periods) and the change in percent. */
        private Written comparison(String source, List<String> conditions, DateRange current, DateRange previous, String currentSuffix,
                String previousSuffix, String changeName)
        {
            PlanSpec.Measure measure = spec.measures().get(0);
            String name = columnName(measure);
            String currentName = previousSuffix.equals("_previous") ? name : name + currentSuffix;
            String previousName = previousSuffix.equals("_previous") ? "previous_" + name : name + previousSuffix;
            List<String> groupBy = spec.dimensions().stream().map(this::dimensionExpression).toList();
            String dimensions = spec.dimensions().stream().map(dimension -> dimensionExpression(dimension) + " AS " + dimension + ", ").collect(Collectors.joining());
            String group = groupBy.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupBy);
            List<String> currentWhere = new ArrayList<>(conditions);
            currentWhere.add(rangeCondition(current));
            List<String> previousWhere = new ArrayList<>(conditions);
            previousWhere.add(rangeCondition(previous));
            String expression = measureExpression(measure);
            String currentQuery = "SELECT " + dimensions + expression + " AS v FROM " + source + whereClause(currentWhere) + group;
            String previousQuery = "SELECT " + dimensions + expression + " AS v FROM " + source + whereClause(previousWhere) + group;
            List<String> outer = new ArrayList<>();
            spec.dimensions().forEach(dimension -> outer.add("c." + dimension));
            outer.add(finish("c.v", measure) + " AS " + currentName);
            outer.add(finish("p.v", measure) + " AS " + previousName);
            outer.add("ROUND(100 * (c.v - p.v) / NULLIF(p.v, 0), 2) AS " + changeName);
            formats.put(currentName, format(measure));
            formats.put(previousName, format(measure));
            formats.put(changeName, "percent");
            String join = spec.dimensions().isEmpty()
                    ? " CROSS JOIN "
                    : " LEFT JOIN ";
            String on = spec.dimensions().isEmpty() ? "" : " ON " + spec.dimensions().stream().map(dimension -> "p." + dimension + " <=> c." + dimension).collect(Collectors.joining(" AND "));
            StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", outer)).append(" FROM (").append(currentQuery).append(") c")
                    .append(join).append('(').append(previousQuery).append(") p").append(on);
            if (!spec.dimensions().isEmpty()) {
                sql.append(" ORDER BY c.v").append(spec.ascending() ? " ASC" : " DESC");
                spec.dimensions().forEach(dimension -> sql.append(", c.").append(dimension));
                if (spec.limit() != null) {
                    sql.append(" LIMIT ").append(spec.limit());
                }
            }
            filterTexts.add("compare " + current.label() + " with " + previous.label());
            ChartHint chart = ChartChoice.choose(spec.chart(), null, true, spec.dimensions().isEmpty() ? null : spec.dimensions().get(0), changeName);
            return written(sql.toString(), chart);
        }

        private Written written(String sql, ChartHint chart)
        {
            return written(sql, chart, null);
        }

        private Written written(String sql, ChartHint chart, Proposal.ExclusionCheck exclusionCheck)
        {
            List<String> filters = new ArrayList<>(filterTexts);
            if (axis != null) {
                spec.ranges().forEach(range -> filters.add(axis.name() + " in " + range.label() + " (" + range.start() + " to " + range.endInclusive() + ")"));
            }
            return new Written(sql, table.name(), joins, filters, chart, formats, exclusionCheck);
        }
    }

    /** A measure's output column name. */
    static String columnName(PlanSpec.Measure measure)
    {
        if (measure.distinctDimension() != null) {
            return "distinct_" + measure.distinctDimension();
        }
        if (measure.per() != null) {
            return measure.metric() + "_per_" + Words.canonical(measure.per());
        }
        return measure.metric();
    }
}
