package dev.aurum.cli;

import dev.aurum.assistant.Assistant;
import dev.aurum.assistant.Engine;
import dev.aurum.eval.ErrorClassifier;
import dev.aurum.eval.GoldQueryRunner;
import dev.aurum.semantic.SemanticModel;

import java.util.Optional;

/**
 * What {@code aurum eval} needs from the rest of Aurum, wired once: the gold SQL runner and the assistant over the same
 * data, the guard's verdict for error answers, and the semantic model for coverage. Tests pass a scripted one.
 */
interface EvalEnvironment
        extends AutoCloseable
{
    GoldQueryRunner gold();

    ErrorClassifier errors();

    Assistant assistant(Engine engine);

    Optional<SemanticModel> model();

    /** The data the suite runs on, in words. */
    String data();

    Optional<String> dataDate();

    @Override
    void close();

    @FunctionalInterface
    interface Factory
    {
        EvalEnvironment open(CommonOptions common);
    }
}
