package dev.aurum.semantic;

import java.util.List;

/**
 * One lint check of the semantic model. {@code aurum semantic lint} runs a list of them, assembled in
 * {@code cli.SemanticLintCommand}: the model's own checks ({@link SemanticLint#modelChecks()}), the live-schema check
 * ({@link SchemaLintCheck}), the guard's verdict on verified queries ({@code sql.VerifiedQueryLintCheck}), and checks
 * other packages add there (the eval suite's "question near-duplicates a verified query").
 */
public interface LintCheck
{
    /** Short name shown in every finding, e.g. {@code synonyms}. */
    String name();

    List<LintFinding> check(SemanticModel model);
}
