package dev.aurum.cli;

import dev.aurum.pipeline.PipelineLock;
import dev.aurum.pipeline.PipelineMaintenance;
import dev.aurum.pipeline.PipelineRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "maintain", mixinStandardHelpOptions = true, description = "Compact small files (OPTIMIZE) and VACUUM old ones.")
public class PipelineMaintainCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--retain-days", paramLabel = "N", defaultValue = "7", description = "Keep files needed for time travel this many days (default ${DEFAULT-VALUE}).")
    int retainDays;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext context = AppContext.of(common);
                PipelineLock ignored = PipelineLock.acquire(context.layout().state().resolve(PipelineRunner.LOCK_FILE))) {
            List<String> tables = new PipelineMaintenance(context.spark(), context.layout()).maintain(retainDays, line -> {
                out.println(line);
                out.flush();
            });
            out.println(tables.size() + " tables maintained (retention " + retainDays + " days).");
        }
        return 0;
    }
}
