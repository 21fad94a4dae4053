package dev.aurum.cli;

import dev.aurum.lakehouse.LakehouseLayout;
import dev.aurum.semantic.SemanticModel;
import dev.aurum.semantic.ValueIndex;
import dev.aurum.semantic.ValueIndexBuilder;

import java.io.PrintWriter;

/**
 * What follows a pipeline run: the value index is rebuilt from the new Gold, so "in SP" or "paid by boleto" match
 * values that only arrived today. Call it after every successful run ({@code PipelineRunCommand}, the chat's first-run
 * bootstrap); the assistant also rebuilds a missing index on start.
 */
public final class AfterPipelineRun
{
    private AfterPipelineRun() {}

    public static ValueIndex rebuildValueIndex(AppContext context, PrintWriter out)
    {
        SemanticModel model = ProjectDefinitions.model(context.project());
        return rebuildValueIndex(context, model, out);
    }

    static ValueIndex rebuildValueIndex(AppContext context, SemanticModel model, PrintWriter out)
    {
        LakehouseLayout layout = context.layout();
        ValueIndex index = new ValueIndexBuilder().rebuild(context.querySession(), model, layout);
        out.println("Value index rebuilt: " + ValueIndexBuilder.file(layout));
        out.flush();
        return index;
    }
}
