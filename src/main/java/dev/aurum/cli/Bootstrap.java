package dev.aurum.cli;

import dev.aurum.ErrorCode;
import dev.aurum.AurumException;
import dev.aurum.lakehouse.DeltaTables;
import dev.aurum.lakehouse.Layer;
import dev.aurum.pipeline.PipelineSpec;
import dev.aurum.pipeline.RunOptions;
import dev.aurum.pipeline.RunSummary;
import dev.aurum.pipeline.generator.SampleDataGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * First-run experience: when the lakehouse has no complete Gold yet, generate the SF1 sample (if landing is empty) and run
 * the pipeline with progress; otherwise do nothing.
 */
public final class Bootstrap
{
    private Bootstrap() {}

    public static void ensureLakehouse(AppContext context, PrintWriter out)
    {
        // every Gold table committed: a first run killed part-way (docs/reference.md, "Crash safety") is finished here
        PipelineSpec spec = ProjectDefinitions.pipeline(context.project());
        if (spec.gold().stream().allMatch(step -> DeltaTables.exists(context.layout().table(Layer.GOLD, step.table())))) {
            return;
        }
        if (!context.project().isCheckout()) {
            // a user's project has no sample generator: its data is what lands in landing/
            if (isEmpty(context.layout().landing())) {
                throw new AurumException(ErrorCode.NO_LAKEHOUSE, "The lakehouse " + context.layout().root() + " of " + context.project()
                        + " has no Gold tables and no landing files; put CSV drops in " + context.layout().landing()
                        + "/<entity>/<YYYY-MM-DD>/<entity>.csv, then run ./aurum pipeline run --project " + context.project().root() + ".");
            }
        }
        else if (isEmpty(context.layout().landing())) {
            out.println("No lakehouse yet in " + context.layout().root() + ": generating the sample data (scale 1, 730 days)...");
            out.flush();
            SampleData.generateDefault(context.layout(), out);
        }
        else if (new SampleDataGenerator(context.layout()).unfinished()) {
            out.println("The sample data in " + context.layout().landing() + " was stopped part-way: finishing it (scale 1, 730 days)...");
            out.flush();
            SampleData.generateDefault(context.layout(), out);
        }
        out.println("Building the lakehouse (Bronze -> Silver -> Gold); this takes a few minutes the first time...");
        out.flush();
        RunSummary summary = PipelineRunCommand.run(context, RunOptions.defaults(), out);
        PipelineRunCommand.printSummary(summary, out);
    }

    private static boolean isEmpty(Path folder)
    {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
