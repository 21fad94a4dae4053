package dev.aurum.cli;

import dev.aurum.eval.EvalSuite;
import dev.aurum.eval.EvalSuiteLoader;
import dev.aurum.lakehouse.Project;
import dev.aurum.pipeline.PipelineSpec;
import dev.aurum.pipeline.PipelineSpecLoader;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.SemanticModelLoader;

/** Loads a project's definitions (its pipeline, semantic model, default eval suite) from the files {@link Project} names. */
final class ProjectDefinitions
{
    private ProjectDefinitions() {}

    static SemanticModel model(Project project)
    {
        String file = project.semanticModelFile();
        return new SemanticModelLoader().parse(project.files().read(file), source(project, file));
    }

    static PipelineSpec pipeline(Project project)
    {
        return new PipelineSpecLoader(project.files()).load(project.pipelineFile());
    }

    static EvalSuite defaultSuite(Project project)
    {
        String file = project.defaultSuite();
        return new EvalSuiteLoader().parse(project.files().read(file), source(project, file));
    }

    /** Error messages name the checkout's files by their relative path, a project's by their full path. */
    private static String source(Project project, String file)
    {
        return project.isCheckout() ? file : project.root().resolve(file).toString();
    }
}
