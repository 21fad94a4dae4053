package dev.aurum.eval;

import dev.aurum.semantic.LintCheck;
import dev.aurum.semantic.LintFinding;
import dev.aurum.semantic.SemanticModel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The eval suite's lint check for {@code aurum semantic lint}: an eval question that near-duplicates a verified
 * query's question is an error (a suite a lookup table could pass measures nothing).
 */
public final class EvalNearDuplicateLintCheck
        implements LintCheck
{
    private final EvalSuite suite;
    private final EvalNearDuplicateCheck check;

    public EvalNearDuplicateLintCheck(EvalSuite suite, EvalNearDuplicateCheck check)
    {
        this.suite = requireNonNull(suite, "suite is null");
        this.check = requireNonNull(check, "check is null");
    }

    @Override
    public String name()
    {
        return "eval_near_duplicates";
    }

    @Override
    public List<LintFinding> check(SemanticModel model)
    {
        return check.check(suite, model).stream()
                .map(pair -> LintFinding.error(name(), "verified query " + pair.verifiedQuery(),
                        pair.describe() + "; rephrase or replace the eval question in " + suite.source() + ", or change the verified query"))
                .toList();
    }
}
