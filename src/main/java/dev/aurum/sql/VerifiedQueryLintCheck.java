package dev.aurum.sql;

import dev.aurum.AurumException;
import dev.aurum.semantic.Dimension;
import dev.aurum.semantic.LintCheck;
import dev.aurum.semantic.LintFinding;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticTable;
import dev.aurum.semantic.VerifiedQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Runs every verified query through the guard and the executor, each parameter filled with the first sample value of
 * the dimension it is bound to (year, quarter and month: the first sample value of a dimension of that name). A
 * rejection or a failure is an error.
 */
public final class VerifiedQueryLintCheck
        implements LintCheck
{
    private final QueryExecutor executor;

    public VerifiedQueryLintCheck(QueryExecutor executor)
    {
        this.executor = requireNonNull(executor, "executor is null");
    }

    @Override
    public String name()
    {
        return "verified_queries";
    }

    @Override
    public List<LintFinding> check(SemanticModel model)
    {
        List<LintFinding> findings = new ArrayList<>();
        for (VerifiedQuery query : model.verifiedQueries()) {
            String location = "verified query " + query.name();
            Map<String, String> values = new LinkedHashMap<>();
            boolean complete = true;
            for (Map.Entry<String, String> parameter : query.parameters().entrySet()) {
                Optional<String> sample = sampleValue(model, parameter.getValue());
                if (sample.isEmpty()) {
                    findings.add(LintFinding.error(name(), location, "parameter {" + parameter.getKey() + "} is bound to " + parameter.getValue()
                            + ", which has no sample value to test with; add sample_values to that dimension"));
                    complete = false;
                }
                else {
                    values.put(parameter.getKey(), sample.get());
                }
            }
            if (!complete) {
                continue;
            }
            try {
                executor.execute(query.bind(values));
            }
            catch (AurumException e) {
                String what = switch (e.code()) {
                    case SQL_REJECTED -> "the SQL guard rejects it: ";
                    case TIMEOUT -> "it timed out: ";
                    default -> "it fails to run: ";
                };
                findings.add(LintFinding.error(name(), location, what + e.getMessage()));
            }
            catch (IllegalArgumentException e) {
                findings.add(LintFinding.error(name(), location, e.getMessage()));
            }
        }
        return findings;
    }

    static Optional<String> sampleValue(SemanticModel model, String binding)
    {
        int dot = binding.indexOf('.');
        String tableName = dot < 0 ? null : binding.substring(0, dot);
        String dimensionName = dot < 0 ? binding : binding.substring(dot + 1);
        for (SemanticTable table : model.tables()) {
            if (tableName != null && !table.name().equals(tableName)) {
                continue;
            }
            for (Dimension dimension : table.dimensions()) {
                if (dimension.name().equals(dimensionName) && !dimension.sampleValues().isEmpty()) {
                    return Optional.of(dimension.sampleValues().get(0));
                }
            }
        }
        return Optional.empty();
    }
}
