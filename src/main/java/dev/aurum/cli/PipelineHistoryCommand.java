package dev.aurum.cli;

import dev.aurum.pipeline.RunRecord;
import dev.aurum.pipeline.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true, description = "Show past pipeline runs.")
public class PipelineHistoryCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Show the last N runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext context = AppContext.of(common)) {
            List<RunRecord> runs = new RunState(context.spark(), context.layout()).runs(limit);
            if (runs.isEmpty()) {
                out.println("No pipeline runs recorded in " + context.layout().root() + "; run `aurum pipeline run`.");
                return 0;
            }
            out.printf("%-14s %-20s %-9s %8s %10s %10s %10s %11s  %s%n", "run", "started", "outcome", "seconds", "bronze", "silver", "gold", "quarantined", "parameters / message");
            for (RunRecord run : runs) {
                out.printf("%-14d %-20s %-9s %8.1f %10d %10d %10d %11d  %s%s%s%n", run.runId(), run.startedAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                        run.outcome(), run.durationMillis() / 1000.0, run.bronzeRows(), run.silverRows(), run.goldRows(), run.quarantined(),
                        run.fullRefresh() ? "full-refresh " : "", run.until().map(day -> "until=" + day + " ").orElse(""),
                        RunRecord.SUCCEEDED.equals(run.outcome()) ? "" : run.message());
            }
        }
        return 0;
    }
}
