package dev.aurum.assistant.llm;

import dev.aurum.semantic.Relationship;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Compares every join of checked SQL with the semantic model's relationships (docs/reference.md, "The LLM route"): a join on
 * columns no relationship declares, and a SUM of a column of the "one" side of a one-to-many join (every value is
 * repeated once per matching row of the "many" side, so the sum is inflated), are problems sent back to the model.
 */
public final class JoinCheck
{
    private final SemanticModel model;

    public JoinCheck(SemanticModel model)
    {
        this.model = requireNonNull(model, "model is null");
    }

    /** The problems of the SQL's joins, each a sentence for the repair request; empty when every join is declared and safe. */
    public List<String> problems(CheckedSql sql)
    {
        Set<String> problems = new LinkedHashSet<>();
        for (CheckedSql.JoinKey join : sql.joins()) {
            if (relationship(join).isEmpty() && !sameKeyOnBothSides(join)) {
                problems.add("the join " + join.left() + " = " + join.right() + " is not a relationship of the semantic model; "
                        + declared(join.left().table(), join.right().table()));
            }
        }
        for (CheckedSql.Aggregation aggregation : sql.aggregations()) {
            for (CheckedSql.JoinKey join : aggregation.joins()) {
                Optional<Relationship> relationship = relationship(join);
                if (relationship.isEmpty()) {
                    continue;
                }
                for (String one : repeatedSides(relationship.get(), join)) {
                    for (CheckedSql.Column summed : aggregation.summed()) {
                        if (summed.table().equals(one)) {
                            String many = one.equals(join.left().table()) ? join.right().table() : join.left().table();
                            problems.add("SUM over " + summed + " is fanned out: the join " + relationship.get().name() + " ("
                                    + relationship.get().cardinality().replace('_', '-') + ") repeats each row of " + one + " once per matching row of "
                                    + many + ", so the sum counts its values several times; aggregate " + many
                                    + " in a subquery grouped by the join key first, or sum a column of " + many);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(problems);
    }

    /** A table joined to itself (or a CTE of it) on the same column is a self-join by key, not an undeclared path. */
    private static boolean sameKeyOnBothSides(CheckedSql.JoinKey join)
    {
        return join.left().equals(join.right());
    }

    /** The tables of the join whose rows repeat: the "one" side of a many-to-one, unless the "many" side was aggregated first. */
    private List<String> repeatedSides(Relationship relationship, CheckedSql.JoinKey join)
    {
        String leftBase = base(relationship.leftTable());
        String rightBase = base(relationship.rightTable());
        boolean joinLeftIsRelationshipLeft = join.left().table().equals(leftBase);
        boolean relationshipLeftAggregated = joinLeftIsRelationshipLeft ? join.leftAggregated() : join.rightAggregated();
        boolean relationshipRightAggregated = joinLeftIsRelationshipLeft ? join.rightAggregated() : join.leftAggregated();
        List<String> repeated = new ArrayList<>();
        switch (relationship.cardinality().toLowerCase(Locale.ROOT)) {
            case "many_to_one" -> {
                if (!relationshipLeftAggregated) {
                    repeated.add(rightBase);
                }
            }
            case "one_to_many" -> {
                if (!relationshipRightAggregated) {
                    repeated.add(leftBase);
                }
            }
            case "many_to_many" -> {
                if (!relationshipRightAggregated) {
                    repeated.add(leftBase);
                }
                if (!relationshipLeftAggregated) {
                    repeated.add(rightBase);
                }
            }
            default -> {
                // one_to_one repeats nothing
            }
        }
        return repeated;
    }

    /** The declared relationship whose key columns are exactly this join's (in either direction). */
    private Optional<Relationship> relationship(CheckedSql.JoinKey join)
    {
        for (Relationship relationship : model.relationships()) {
            String left = base(relationship.leftTable());
            String right = base(relationship.rightTable());
            for (Relationship.ColumnPair pair : relationship.columns()) {
                CheckedSql.Column declaredLeft = new CheckedSql.Column(left, pair.leftColumn().toLowerCase(Locale.ROOT));
                CheckedSql.Column declaredRight = new CheckedSql.Column(right, pair.rightColumn().toLowerCase(Locale.ROOT));
                CheckedSql.Column joinLeft = lower(join.left());
                CheckedSql.Column joinRight = lower(join.right());
                if ((joinLeft.equals(declaredLeft) && joinRight.equals(declaredRight)) || (joinLeft.equals(declaredRight) && joinRight.equals(declaredLeft))) {
                    return Optional.of(relationship);
                }
            }
        }
        return Optional.empty();
    }

    private String declared(String leftTable, String rightTable)
    {
        List<String> declared = model.relationships().stream()
                .filter(relationship -> {
                    Set<String> ends = Set.of(base(relationship.leftTable()), base(relationship.rightTable()));
                    return ends.contains(leftTable) || ends.contains(rightTable);
                })
                .map(relationship -> relationship.columns().stream()
                        .map(pair -> base(relationship.leftTable()) + "." + pair.leftColumn() + " = " + base(relationship.rightTable()) + "." + pair.rightColumn())
                        .collect(Collectors.joining(" AND ")))
                .toList();
        return declared.isEmpty() ? "no relationship joins these tables, so answer from one table"
                : "join only on a declared relationship: " + String.join("; ", declared);
    }

    private String base(String table)
    {
        return model.table(table).map(SemanticTable::baseTable).orElse(table).toLowerCase(Locale.ROOT);
    }

    private static CheckedSql.Column lower(CheckedSql.Column column)
    {
        return new CheckedSql.Column(column.table().toLowerCase(Locale.ROOT), column.column().toLowerCase(Locale.ROOT));
    }
}
