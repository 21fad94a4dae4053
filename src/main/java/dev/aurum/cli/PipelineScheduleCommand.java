package dev.aurum.cli;

import dev.aurum.pipeline.PipelineScheduler;
import dev.aurum.pipeline.RunOptions;
import dev.aurum.pipeline.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.Callable;

@Command(name = "schedule", mixinStandardHelpOptions = true, description = "Run the pipeline every day at a fixed time, in the foreground.")
public class PipelineScheduleCommand
        implements Callable<Integer>
{
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--daily-at", paramLabel = "HH:MM", defaultValue = "23:59", description = "Local time of the daily run (default ${DEFAULT-VALUE}).")
    LocalTime dailyAt;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "4", description = "Attempts per day before giving up until the next day (default ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--backoff", paramLabel = "SECONDS", defaultValue = "60", description = "Wait before the first retry; doubles each retry (default ${DEFAULT-VALUE}).")
    long backoffSeconds;

    @Override
    public Integer call()
            throws InterruptedException
    {
        PrintWriter out = spec.commandLine().getOut();
        PipelineScheduler scheduler = new PipelineScheduler(Clock.systemDefaultZone(), duration -> Thread.sleep(Math.max(0, duration.toMillis())),
                dailyAt, attempts, Duration.ofSeconds(backoffSeconds));
        out.println("Refreshing " + common.layout().root() + " every day at " + dailyAt + " (Ctrl-C to stop).");
        out.flush();
        try (AppContext context = AppContext.of(common)) {
            scheduler.run(() -> {
                RunSummary summary = PipelineRunCommand.run(context, RunOptions.defaults(), new PrintWriter(new StringWriter()));
                return String.format("run %d: %d Bronze rows, %d Silver rows written, %d Gold rows, %d warnings, %.1f s", summary.run().runId(), summary.run().bronzeRows(),
                        summary.run().silverRows(), summary.run().goldRows(), summary.warnings().size(), summary.run().durationMillis() / 1000.0);
            }, line -> {
                out.println(line);
                out.flush();
            }, -1);
        }
        return 0;
    }
}
