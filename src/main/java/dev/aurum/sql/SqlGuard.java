package dev.aurum.sql;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.EliminateSubqueryAliases$;
import org.apache.spark.sql.catalyst.analysis.PlanWithUnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.RelationTimeTravel;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedGenerator;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.HiveTableRelation;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.PlanExpression;
import org.apache.spark.sql.catalyst.optimizer.InlineCTE;
import org.apache.spark.sql.catalyst.optimizer.PushDownPredicates$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.SqlBaseLexer;
import org.apache.spark.sql.catalyst.parser.UpperCaseCharStream;
import org.apache.spark.sql.catalyst.planning.ExtractEquiJoinKeys;
import org.apache.spark.sql.catalyst.plans.LeftAnti$;
import org.apache.spark.sql.catalyst.plans.LeftSemi$;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationRef;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.ScriptTransformation;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.View;
import org.apache.spark.sql.execution.CommandExecutionMode;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.delta.SnapshotDescriptor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;
import static scala.collection.JavaConverters.seqAsJavaList;

/**
 * Accepts one read-only query over allow-listed tables and nothing else, deciding on Spark's parsed and analysed
 * plan (never on regular expressions over the text).
 *
 * <p>The checks, in order: Spark's lexer splits statements (a {@code ;} inside a string or comment is not a
 * separator; a trailing {@code ;} is fine); Spark's parser (with the Delta extension, so Delta commands are
 * recognised as commands) builds the plan. Every node is then judged by what it is, not by its class name, so that
 * any read-only shape (HAVING, windows, CTEs, set operations, subqueries, grouping sets, generators, ...) passes and a
 * new Spark operator does not break the guard: the statement must start like a query; no node may be a command, a
 * statement or a write ({@link Command}, {@link ParsedStatement}, {@link InsertIntoDir}) or run a program
 * ({@link ScriptTransformation}); every leaf, i.e. everything that produces rows from outside the query, must be a
 * named table (never a path), inline values or a table function on the function allow list; every function must be
 * on the function allow list. Then the analyser resolves the plan (without running anything) and the same holds of
 * the analysed plan: no command, and every leaf, through views, CTEs and subqueries, is an allow-listed catalog
 * table, inline values or a CTE reference; no expression may reflect, read file names or call user code. Only then
 * is the Dataset built. See the docs/reference.md, "aurum sql: validated, read-only SQL".
 */
public final class SqlGuard
{
    /** Join-strategy hints; partitioning hints (REPARTITION, COALESCE, ...) are refused. */
    private static final Set<String> HINTS = Set.of("broadcast", "broadcastjoin", "mapjoin", "merge", "shuffle_merge", "mergejoin",
            "shuffle_hash", "shuffle_replicate_nl");

    /** Expressions refused even when reached without a function call (keywords, resolved functions). */
    private static final Set<String> FORBIDDEN_EXPRESSIONS = Set.of("CallMethodViaReflection", "TryReflect", "InputFileName",
            "InputFileBlockStart", "InputFileBlockLength", "CurrentUser", "ScalaUDF", "ScalaUDAF", "ScalaAggregator", "PythonUDF",
            "HiveSimpleUDF", "HiveGenericUDF", "HiveUDAFFunction", "HiveGenericUDTF", "JavaUDF", "UserDefinedGenerator");

    /** Data source names that, as the first part of a table name, mean "read this path". */
    private static final Set<String> FILE_FORMATS = Set.of("csv", "json", "parquet", "orc", "text", "delta", "avro", "binaryfile",
            "jdbc", "hive", "image", "libsvm", "xml", "noop", "file", "files", "tahoe");

    /** Rows the small side of a join without equality condition may have. */
    public static final long MAX_CROSS_JOIN_SIDE_ROWS = 10_000;

    private final SparkSession querySession;
    private final Set<String> allowedTables;
    private final String allowedList;

    /**
     * @param querySession the session queries will run in (from {@code SparkSessions.querySession})
     * @param allowedTables qualified lower-case names, e.g. {@code gold.order_facts}
     */
    public SqlGuard(SparkSession querySession, Set<String> allowedTables)
    {
        this.querySession = requireNonNull(querySession, "querySession is null");
        this.allowedTables = Set.copyOf(requireNonNull(allowedTables, "allowedTables is null")).stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.allowedList = String.join(", ", new TreeSet<>(this.allowedTables));
    }

    /**
     * Checks one statement.
     *
     * @return the verdict for an accepted query: its text without a trailing {@code ;} and the tables it reads
     * @throws AurumException with {@link ErrorCode#SQL_REJECTED} and a one-line reason when the statement is refused
     */
    public GuardVerdict check(String sql)
    {
        return inspect(sql).verdict();
    }

    /**
     * Checks one statement and keeps what the check learned: the analysed {@link Dataset} (not yet run) and the Delta
     * version of every table it reads, as resolved by the analyser. The executor runs exactly this Dataset, so the
     * versions recorded are the versions read.
     */
    public GuardedQuery inspect(String sql)
    {
        long start = System.nanoTime();
        if (sql == null || sql.isBlank()) {
            throw reject("the query is empty; write one SELECT statement");
        }
        String statement = singleStatement(sql);
        LogicalPlan parsed = parse(statement);
        checkParsed(parsed, statement, true);
        LogicalPlan analyzed = analyse(parsed);
        Map<String, Long> versions = new LinkedHashMap<>();
        checkAnalyzed(analyzed, versions);
        checkJoins(joinShape(analyzed));
        Dataset<Row> dataset = dataset(analyzed);
        long guardMillis = (System.nanoTime() - start) / 1_000_000;
        GuardVerdict verdict = new GuardVerdict(statement, versions.keySet(), guardMillis);
        return new GuardedQuery(verdict, dataset, versions);
    }

    // ---- statements ------------------------------------------------------------------------------------------------

    /** Splits with Spark's own lexer; returns the one statement without trailing {@code ;} (and what follows them). */
    private static String singleStatement(String sql)
    {
        SqlBaseLexer lexer = new SqlBaseLexer(new UpperCaseCharStream(CharStreams.fromString(sql)));
        lexer.removeErrorListeners();
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : lexer.getAllTokens()) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (token.getType() == SqlBaseLexer.SEMICOLON) {
                if (!current.isEmpty()) {
                    statements.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            current.add(token);
        }
        if (!current.isEmpty()) {
            statements.add(current);
        }
        if (statements.isEmpty()) {
            throw reject("the query is empty; write one SELECT statement");
        }
        if (statements.size() > 1) {
            throw reject("only one statement is allowed, and this text holds " + statements.size() + " (the second starts with '"
                    + abbreviate(statements.get(1).get(0).getText()) + "'); send them one at a time");
        }
        List<Token> tokens = statements.get(0);
        return sql.substring(tokens.get(0).getStartIndex(), tokens.get(tokens.size() - 1).getStopIndex() + 1);
    }

    private LogicalPlan parse(String statement)
    {
        try {
            return querySession.sessionState().sqlParser().parsePlan(statement);
        }
        catch (ParseException e) {
            throw reject("the SQL does not parse: " + SparkMessages.clean(e.getMessage()));
        }
        catch (AnalysisException e) {
            throw reject("the SQL is not allowed: " + SparkMessages.clean(e.getMessage()));
        }
        catch (RuntimeException e) {
            throw reject("the SQL does not parse: " + SparkMessages.clean(String.valueOf(e.getMessage())));
        }
    }

    // ---- parsed plan -----------------------------------------------------------------------------------------------

    private void checkParsed(LogicalPlan plan, String statement, boolean root)
    {
        if (writesOrCommands(plan) || (root && !startsLikeAQuery(statement))) {
            throw reject("only SELECT queries are allowed: " + describeStatement(plan, statement) + " is a command");
        }
        if (plan instanceof ScriptTransformation) {
            throw reject("only plain queries are allowed: SCRIPT TRANSFORMATION (TRANSFORM ... USING) runs a program and is not supported here");
        }
        if (plan instanceof UnresolvedHint hint && !HINTS.contains(hint.name().toLowerCase(Locale.ROOT))) {
            throw reject("the hint " + hint.name().toUpperCase(Locale.ROOT) + " is not allowed; only join hints such as BROADCAST are");
        }
        if (plan.children().isEmpty()) {
            checkParsedLeaf(plan);
        }
        for (Expression expression : allExpressions(plan)) {
            checkParsedExpression(expression, statement);
        }
        for (LogicalPlan child : seqAsJavaList(plan.children())) {
            checkParsed(child, statement, false);
        }
        for (LogicalPlan inner : innerChildren(plan)) {
            checkParsed(inner, statement, false);
        }
    }

    /** Commands, statements and writes: whatever is not a query, including writes Spark only turns into commands when it analyses them. */
    private static boolean writesOrCommands(LogicalPlan plan)
    {
        return plan instanceof Command || plan instanceof ParsedStatement || plan instanceof InsertIntoDir;
    }

    /**
     * A leaf produces rows from outside the query, so it is refused unless it is a table name (checked against the allow list
     * and never a path), inline values, or a table function that is on the function allow list (generators such as
     * {@code explode}, whose rows come from their arguments; never {@code range} or a file reader).
     */
    private void checkParsedLeaf(LogicalPlan plan)
    {
        if (plan instanceof UnresolvedRelation relation) {
            checkTableName(seqAsJavaList(relation.multipartIdentifier()));
        }
        else if (plan instanceof RelationTimeTravel travel) {
            if (!(travel.relation() instanceof UnresolvedRelation relation)) {
                throw reject("time travel is only allowed on a table name; query the Gold tables: " + allowedList);
            }
            checkTableName(seqAsJavaList(relation.multipartIdentifier()));
        }
        else if (plan instanceof UnresolvedTableValuedFunction function) {
            List<String> nameParts = seqAsJavaList(function.name());
            String name = String.join(".", nameParts).toLowerCase(Locale.ROOT);
            if (nameParts.size() != 1 || !AllowedFunctions.NAMES.contains(name)) {
                throw reject("table functions such as " + name + "(...) are not allowed; read from the Gold tables: " + allowedList);
            }
        }
        else if (plan instanceof PlanWithUnresolvedIdentifier) {
            throw reject("IDENTIFIER(...) table names are not allowed; name the table directly, one of " + allowedList);
        }
        else if (!(plan instanceof UnresolvedInlineTable || plan instanceof LocalRelation || plan instanceof OneRowRelation)) {
            throw reject("the query reads from " + humanize(plan.getClass().getSimpleName()) + ", which is not allowed; query the Gold tables: "
                    + allowedList);
        }
    }

    /**
     * Every expression a parsed node holds, in any field: {@code expressions()} misses some (the named windows of a
     * {@code WINDOW} clause live in a map), and a node Spark adds later may hold them in yet another shape.
     */
    private static List<Expression> allExpressions(LogicalPlan plan)
    {
        List<Expression> found = new ArrayList<>(seqAsJavaList(plan.expressions()));
        scala.collection.Iterator<Object> fields = plan.productIterator();
        while (fields.hasNext()) {
            collectExpressions(fields.next(), found);
        }
        Set<Expression> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        return found.stream().filter(distinct::add).toList();
    }

    private static void collectExpressions(Object field, List<Expression> found)
    {
        if (field instanceof Expression expression) {
            found.add(expression);
        }
        else if (field instanceof scala.collection.Map<?, ?> map) {
            collectExpressions(map.values(), found);
        }
        else if (field instanceof scala.collection.Iterable<?> iterable) {
            scala.collection.Iterator<?> elements = iterable.iterator();
            while (elements.hasNext()) {
                collectExpressions(elements.next(), found);
            }
        }
        else if (field instanceof scala.Option<?> option && option.isDefined()) {
            collectExpressions(option.get(), found);
        }
        else if (field instanceof scala.Tuple2<?, ?> pair) {
            collectExpressions(pair._1(), found);
            collectExpressions(pair._2(), found);
        }
    }

    /** CTE definitions of {@code WITH} live outside {@code children()} in the parsed plan. */
    private static List<LogicalPlan> innerChildren(LogicalPlan plan)
    {
        List<LogicalPlan> inner = new ArrayList<>();
        for (Object node : seqAsJavaList(plan.innerChildren())) {
            if (node instanceof LogicalPlan logical) {
                inner.add(logical);
            }
        }
        return inner;
    }

    private void checkParsedExpression(Expression expression, String statement)
    {
        if (expression instanceof UnresolvedFunction function) {
            checkFunction(seqAsJavaList(function.nameParts()));
        }
        if (expression instanceof UnresolvedGenerator generator) {
            checkFunction(List.of(generator.name().funcName()));
        }
        checkForbiddenExpression(expression);
        if (expression instanceof PlanExpression<?> subquery && subquery.plan() instanceof LogicalPlan inner) {
            checkParsed(inner, statement, false);
        }
        for (Expression child : seqAsJavaList(expression.children())) {
            checkParsedExpression(child, statement);
        }
    }

    private static void checkFunction(List<String> nameParts)
    {
        String name = String.join(".", nameParts).toLowerCase(Locale.ROOT);
        if (nameParts.size() != 1 || !AllowedFunctions.NAMES.contains(name)) {
            throw reject("the function " + name + " is not allowed; use aggregate, math, string, date, conditional or window functions");
        }
    }

    private void checkTableName(List<String> parts)
    {
        if (parts.size() < 2) {
            if (parts.size() == 1 && looksLikePath(parts.get(0))) {
                throw reject("reading files by path is not allowed (`" + abbreviate(parts.get(0)) + "`); query the Gold tables: " + allowedList);
            }
            return; // a CTE name or a table of the current database: decided on the analysed plan
        }
        String first = parts.get(0).toLowerCase(Locale.ROOT);
        if (parts.size() == 2 && (FILE_FORMATS.contains(first) || looksLikePath(parts.get(1)))) {
            throw reject("reading files by path is not allowed (" + first + ".`" + abbreviate(parts.get(1)) + "`); query the Gold tables: " + allowedList);
        }
        String name = qualifiedName(parts);
        if (!allowedTables.contains(name)) {
            throw notAvailable(name);
        }
    }

    private static boolean looksLikePath(String name)
    {
        return name.contains("/") || name.contains("\\") || name.contains(":");
    }

    private static String qualifiedName(List<String> parts)
    {
        List<String> lower = parts.stream().map(part -> part.toLowerCase(Locale.ROOT)).toList();
        if (lower.size() == 3 && lower.get(0).equals("spark_catalog")) {
            lower = lower.subList(1, 3);
        }
        return String.join(".", lower);
    }

    // ---- analysed plan ---------------------------------------------------------------------------------------------

    /** Resolves the plan without running anything: commands would only run when a Dataset is built from them. */
    private LogicalPlan analyse(LogicalPlan parsed)
    {
        try {
            QueryExecution execution = querySession.sessionState().executePlan(parsed, CommandExecutionMode.SKIP());
            return execution.analyzed();
        }
        catch (Exception e) {
            if (e instanceof AnalysisException analysis && "TABLE_OR_VIEW_NOT_FOUND".equals(analysis.getErrorClass())) {
                String name = analysis.getMessageParameters().getOrDefault("relationName", "?").replace("`", "");
                throw notAvailable(name.toLowerCase(Locale.ROOT));
            }
            throw reject("the query does not analyse: " + SparkMessages.clean(String.valueOf(e.getMessage())));
        }
    }

    /** The Dataset the executor runs: built only now that the plan is known to be a query (building it runs commands). */
    private Dataset<Row> dataset(LogicalPlan analyzed)
    {
        try {
            return Dataset.ofRows(querySession, analyzed); // analysed already: Spark does not resolve it again
        }
        catch (RuntimeException e) {
            throw reject("the query cannot be planned: " + SparkMessages.clean(String.valueOf(e.getMessage())));
        }
    }

    private void checkAnalyzed(LogicalPlan plan, Map<String, Long> versions)
    {
        if (plan instanceof Command || plan instanceof ScriptTransformation) {
            throw reject("only SELECT queries are allowed: " + humanize(plan.getClass().getSimpleName()) + " is not a query");
        }
        if (plan instanceof View view) {
            String name = name(view.desc());
            if (!allowedTables.contains(name)) {
                throw reject("the view " + name + " is not available; you can query " + allowedList);
            }
            versions.putIfAbsent(name, -1L);
            return; // an allow-listed view is trusted as a whole
        }
        else if (plan instanceof LogicalRelation relation) {
            if (relation.catalogTable().isEmpty()) {
                throw reject("reading files by path is not allowed; query the Gold tables: " + allowedList);
            }
            String name = name(relation.catalogTable().get());
            if (!allowedTables.contains(name)) {
                throw notAvailable(name);
            }
            versions.put(name, version(relation));
            return;
        }
        else if (plan instanceof DataSourceV2Relation relation) {
            if (relation.identifier().isEmpty()) {
                throw reject("reading data sources by path is not allowed; query the Gold tables: " + allowedList);
            }
            String name = qualifiedName(concat(relation.identifier().get().namespace(), relation.identifier().get().name()));
            if (!allowedTables.contains(name)) {
                throw notAvailable(name);
            }
            versions.putIfAbsent(name, -1L);
            return;
        }
        else if (plan instanceof HiveTableRelation relation) {
            String name = name(relation.tableMeta());
            if (!allowedTables.contains(name)) {
                throw notAvailable(name);
            }
            versions.putIfAbsent(name, -1L);
            return;
        }
        else if (plan.children().isEmpty() && !(plan instanceof LocalRelation || plan instanceof OneRowRelation || plan instanceof CTERelationRef)) {
            throw reject("the query reads from " + humanize(plan.getClass().getSimpleName()) + ", which is not allowed; query the Gold tables: "
                    + allowedList);
        }
        for (Expression expression : seqAsJavaList(plan.expressions())) {
            checkAnalyzedExpression(expression, versions);
        }
        for (LogicalPlan child : seqAsJavaList(plan.children())) {
            checkAnalyzed(child, versions);
        }
        for (LogicalPlan inner : innerChildren(plan)) {
            checkAnalyzed(inner, versions);
        }
    }

    private void checkAnalyzedExpression(Expression expression, Map<String, Long> versions)
    {
        checkForbiddenExpression(expression);
        if (expression instanceof PlanExpression<?> subquery && subquery.plan() instanceof LogicalPlan inner) {
            checkAnalyzed(inner, versions);
        }
        for (Expression child : seqAsJavaList(expression.children())) {
            checkAnalyzedExpression(child, versions);
        }
    }

    private static void checkForbiddenExpression(Expression expression)
    {
        String name = expression.getClass().getSimpleName();
        if (FORBIDDEN_EXPRESSIONS.contains(name)) {
            throw reject("the function " + expression.prettyName() + " is not allowed; use aggregate, math, string, date, conditional or window functions");
        }
    }

    /**
     * The analysed plan with CTEs inlined, subquery aliases removed and filters pushed into joins: enough for
     * {@code WHERE a.k = b.k} to become the join's equality condition, without the full optimiser (whose Delta scan
     * preparation costs far more than the whole guard and happens anyway when the query runs).
     */
    public static LogicalPlan joinShape(LogicalPlan analyzed)
    {
        try {
            LogicalPlan plan = new InlineCTE(true).apply(analyzed);
            plan = EliminateSubqueryAliases$.MODULE$.apply(plan);
            for (int i = 0; i < 10; i++) {
                LogicalPlan pushed = PushDownPredicates$.MODULE$.apply(plan);
                if (pushed.fastEquals(plan)) {
                    break;
                }
                plan = pushed;
            }
            return plan;
        }
        catch (RuntimeException e) {
            throw reject("the query cannot be planned: " + SparkMessages.clean(String.valueOf(e.getMessage())));
        }
    }

    /**
     * A join without an equality condition (a cartesian or theta join) multiplies rows, and Spark cannot stop its
     * inner loop when the timeout cancels the job, so one side must be small: at most {@value #MAX_CROSS_JOIN_SIDE_ROWS}
     * rows by construction (a global aggregate, a LIMIT, VALUES). Semi and anti joins (EXISTS, IN) do not multiply.
     */
    private static void checkJoins(LogicalPlan plan)
    {
        if (plan instanceof Join join && !(join.joinType() instanceof LeftSemi$) && !(join.joinType() instanceof LeftAnti$)
                && ExtractEquiJoinKeys.unapply(join).isEmpty() && !small(join.left()) && !small(join.right())) {
            throw reject("joins without an equality condition (cartesian products) need one side of at most " + MAX_CROSS_JOIN_SIDE_ROWS
                    + " rows; join on keys such as a.id = b.id, or aggregate one side first");
        }
        for (Expression expression : seqAsJavaList(plan.expressions())) {
            checkJoinsIn(expression);
        }
        for (LogicalPlan child : seqAsJavaList(plan.children())) {
            checkJoins(child);
        }
    }

    private static void checkJoinsIn(Expression expression)
    {
        if (expression instanceof PlanExpression<?> subquery && subquery.plan() instanceof LogicalPlan inner) {
            checkJoins(inner);
        }
        for (Expression child : seqAsJavaList(expression.children())) {
            checkJoinsIn(child);
        }
    }

    private static boolean small(LogicalPlan plan)
    {
        scala.Option<Object> rows = plan.maxRows();
        return rows.isDefined() && (Long) rows.get() <= MAX_CROSS_JOIN_SIDE_ROWS;
    }

    private static long version(LogicalRelation relation)
    {
        if (relation.relation() instanceof HadoopFsRelation files && files.location() instanceof SnapshotDescriptor snapshot) {
            return snapshot.version();
        }
        return -1L;
    }

    private static String name(CatalogTable table)
    {
        TableIdentifier identifier = table.identifier();
        String database = identifier.database().isDefined() ? identifier.database().get() : "";
        return (database.isEmpty() ? "" : database + ".") + identifier.table().toLowerCase(Locale.ROOT);
    }

    private static List<String> concat(String[] namespace, String name)
    {
        List<String> parts = new ArrayList<>(List.of(namespace));
        parts.add(name);
        return parts;
    }

    // ---- messages --------------------------------------------------------------------------------------------------

    private AurumException notAvailable(String name)
    {
        return reject("table " + name + " is not available; you can query " + allowedList);
    }

    private static AurumException reject(String reason)
    {
        return new AurumException(ErrorCode.SQL_REJECTED, reason);
    }

    /** "DROP TABLE" from the statement's first words, or from the plan node when the statement starts with WITH. */
    private static String describeStatement(LogicalPlan plan, String statement)
    {
        SqlBaseLexer lexer = new SqlBaseLexer(new UpperCaseCharStream(CharStreams.fromString(statement)));
        lexer.removeErrorListeners();
        List<String> words = new ArrayList<>();
        for (Token token : lexer.getAllTokens()) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            String text = token.getText().toUpperCase(Locale.ROOT);
            if (!text.matches("[A-Z_]+") || (words.size() == 2 && !LAST_WORDS.contains(text))) {
                break;
            }
            words.add(text);
            if (words.size() == 3) {
                break;
            }
            if (words.size() == 1 && !SECOND_WORDS_AFTER.contains(text)) {
                break;
            }
            if (words.size() == 2 && !THIRD_WORDS_AFTER.contains(text)) {
                break;
            }
        }
        if (words.isEmpty() || words.get(0).equals("WITH") || words.get(0).equals("FROM")) {
            return humanize(plan.getClass().getSimpleName());
        }
        return String.join(" ", words);
    }

    private static boolean startsLikeAQuery(String statement)
    {
        SqlBaseLexer lexer = new SqlBaseLexer(new UpperCaseCharStream(CharStreams.fromString(statement)));
        lexer.removeErrorListeners();
        for (Token token : lexer.getAllTokens()) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                return Set.of("SELECT", "WITH", "FROM", "VALUES", "TABLE", "(").contains(token.getText().toUpperCase(Locale.ROOT));
            }
        }
        return false;
    }

    private static final Set<String> SECOND_WORDS_AFTER = Set.of("DROP", "CREATE", "ALTER", "INSERT", "ADD", "LIST", "CACHE", "UNCACHE",
            "CLEAR", "SHOW", "DESCRIBE", "DESC", "TRUNCATE", "MSCK", "REFRESH", "LOAD", "REPLACE", "DELETE", "MERGE", "CONVERT", "RESTORE",
            "ANALYZE", "RESET", "REPAIR", "COMMENT", "GRANT", "REVOKE", "USE");
    private static final Set<String> THIRD_WORDS_AFTER = Set.of("OR", "TEMPORARY", "TEMP", "GLOBAL", "OVERWRITE", "INTO", "LAZY", "EXTERNAL", "LOCAL");
    private static final Set<String> LAST_WORDS = Set.of("TABLE", "VIEW", "FUNCTION", "DIRECTORY", "REPLACE", "TEMPORARY", "LOCAL", "DATABASE", "SCHEMA");

    private static String humanize(String className)
    {
        String name = className.replaceAll("(Command|Statement|Exec)$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    private static String abbreviate(String text)
    {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
