package dev.aurum.cli;

import dev.aurum.pipeline.PipelineSpecLoader;
import dev.aurum.pipeline.PipelineStatus;
import dev.aurum.pipeline.TableStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show every table's version, rows, last batch, quarantine and orphans.")
public class PipelineStatusCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext context = AppContext.of(common)) {
            PipelineStatus.Report report = new PipelineStatus(context.spark(), context.layout(), ProjectDefinitions.pipeline(context.project())).report();
            if (report.tables().isEmpty()) {
                out.println("No pipeline tables in " + context.layout().root() + " yet; run `aurum pipeline run` (or `aurum chat` to bootstrap sample data).");
            }
            out.printf("%-36s %8s %10s %15s %-20s  %s%n", "table", "version", "rows", "last batch", "last ingested", "counts");
            for (TableStatus table : report.tables()) {
                String counts = table.counts().entrySet().stream().filter(entry -> entry.getValue() != 0).sorted(Map.Entry.comparingByKey())
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
                out.printf("%-36s %8d %10d %15s %-20s  %s%n", table.table(), table.version(), table.rows(), table.lastBatch().map(String::valueOf).orElse("-"),
                        table.lastIngestedAt().map(time -> time.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z")).orElse("-"), counts);
                table.warnings().forEach(warning -> out.println("  warning: " + warning));
            }
            out.println("landing files pending: " + report.pendingFiles().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", ")));
            // what a crash left, with the command that resolves it (the full-refresh line among them)
            report.recovery().forEach(line -> out.println("recovery: " + line));
        }
        return 0;
    }
}
