package dev.aurum.cli;

import dev.aurum.pipeline.PipelineRunner;
import dev.aurum.pipeline.PipelineSpecLoader;
import dev.aurum.pipeline.RunOptions;
import dev.aurum.pipeline.RunSummary;
import dev.aurum.pipeline.TableSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the medallion pipeline: landing -> Bronze -> Silver -> Gold.")
public class PipelineRunCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--full-refresh", description = "Rebuild Silver and Gold from Bronze.")
    boolean fullRefresh;

    @Option(names = "--until", paramLabel = "DATE", description = "Ingest landing drops up to this day (yyyy-MM-dd) only.")
    LocalDate until;

    @Option(names = "--param", paramLabel = "K=V", description = "Set a parameter declared in pipelines/ecommerce.yaml (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext context = AppContext.of(common)) {
            RunSummary summary = run(context, new RunOptions(fullRefresh, Optional.ofNullable(until), parameters), out);
            printSummary(summary, out);
        }
        return 0;
    }

    static RunSummary run(AppContext context, RunOptions options, PrintWriter out)
    {
        var pipelineSpec = ProjectDefinitions.pipeline(context.project());
        PipelineRunner runner = new PipelineRunner(context.spark(), context.layout(), pipelineSpec);
        RunSummary summary = runner.run(options, line -> {
            out.println(LocalTime.now().withNano(0) + " " + line);
            out.flush();
        });
        if (summary.changed()) {
            // "in SP" and "paid by boleto" must match values that only arrived with this run
            out.println(LocalTime.now().withNano(0) + " value index: reading the values of Gold's enum columns for the assistant");
            out.flush();
            AfterPipelineRun.rebuildValueIndex(context, out);
        }
        return summary;
    }

    static void printSummary(RunSummary summary, PrintWriter out)
    {
        out.println();
        out.printf("%-36s %10s %10s %12s %10s %8s %9s  %s%n", "table", "read", "written", "quarantined", "duplicates", "orphans", "seconds", "quarantined/nulled by rule");
        for (TableSummary table : summary.tables()) {
            long quarantined = table.quarantinedByRule().entrySet().stream().filter(entry -> !entry.getKey().startsWith("nulled_")).mapToLong(Map.Entry::getValue).sum();
            String rules = table.quarantinedByRule().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
            out.printf("%-36s %10d %10d %12d %10d %8d %9.1f  %s%n", table.table(), table.rowsRead(), table.rowsWritten(), quarantined, table.duplicates(),
                    table.orphans(), table.durationMillis() / 1000.0, rules);
        }
        summary.warnings().forEach(warning -> out.println("warning: " + warning));
        out.printf("run %d %s in %.1f s: %d Bronze rows, %d Silver rows written, %d Gold rows%s%n", summary.run().runId(), summary.run().outcome(),
                summary.run().durationMillis() / 1000.0, summary.run().bronzeRows(), summary.run().silverRows(), summary.run().goldRows(),
                summary.changed() ? "" : " (nothing new)");
        out.flush();
    }
}
