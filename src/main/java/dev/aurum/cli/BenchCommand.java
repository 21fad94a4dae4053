package dev.aurum.cli;

import dev.aurum.AurumException;
import dev.aurum.ErrorCode;
import dev.aurum.lakehouse.SparkSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * {@code aurum bench}: one run on one machine (README.md, "aurum bench"). This command checks the arguments; the
 * measurements are a {@link BenchSuite} from the benchmark classpath.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark the pipeline (full build and one-day refresh, against DuckDB over the same drops) and the assistant's answer times.",
                "Writes FILE.json and a Markdown summary beside it. Run it as ./aurum bench, which builds the benchmark classes (mvn -Pbench)."})
public class BenchCommand
        implements Callable<Integer>
{
    static final double MAX_SCALE = 100;
    static final int MAX_REPEAT = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--scale", paramLabel = "F", defaultValue = "1", description = "Sample size: 1 is about 100,000 orders over 730 days (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Times each build is timed; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Where the JSON report goes (default: bench-sf<scale>.json in the work folder); the Markdown summary goes beside it.")
    Path out;

    @Option(names = "--workdir", paramLabel = "DIR", defaultValue = "${env:AURUM_BENCH_WORKDIR:-bench-work}",
            description = "Folder for the generated landing (kept and reused for the same scale) and the lakehouses built from it (default: ${DEFAULT-VALUE}).")
    Path workdir;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "${env:AURUM_SPARK_MASTER:-local[*]}", description = "Spark master for the measured commands (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--verbose", description = "Show the measured commands' output as they run.")
    boolean verbose;

    private final Supplier<Iterator<BenchSuite>> suites;

    public BenchCommand()
    {
        this(() -> ServiceLoader.load(BenchSuite.class).iterator());
    }

    BenchCommand(Supplier<Iterator<BenchSuite>> suites)
    {
        this.suites = requireNonNull(suites, "suites is null");
    }

    @Override
    public Integer call()
    {
        BenchSettings settings = settings();
        Iterator<BenchSuite> found = suites.get();
        if (!found.hasNext()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "The benchmark classes are not on the classpath (they are built only with mvn -Pbench, as they need DuckDB). "
                    + "Run it as ./aurum bench, which builds them.");
        }
        PrintWriter out = spec.commandLine().getOut();
        return found.next().run(settings, out);
    }

    /** @throws AurumException BAD_INPUT (exit 2) with what to change */
    BenchSettings settings()
    {
        if (!(scale > 0) || scale > MAX_SCALE || Double.isNaN(scale)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--scale must be above 0 and at most " + (int) MAX_SCALE + " (1 is about 100,000 orders); got " + scale + ".");
        }
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--repeat must be between 1 and " + MAX_REPEAT + "; got " + repeat + ".");
        }
        if (Files.exists(workdir) && !Files.isDirectory(workdir)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--workdir " + workdir + " is a file, not a folder.");
        }
        Path report = out != null ? out : workdir.resolve("bench-sf" + number(scale) + ".json");
        String name = report.getFileName() == null ? "" : report.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".json") || name.length() <= ".json".length()) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--out must name a .json file (the Markdown summary is written beside it); got " + report + ".");
        }
        if (Files.isDirectory(report)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--out " + report + " is a folder; name a .json file.");
        }
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new AurumException(ErrorCode.BAD_INPUT, "--out " + report + ": " + parent + " is a file, not a folder.");
        }
        return new BenchSettings(scale, repeat, report, workdir, SparkSettings.defaults().withMaster(master).withVerbose(verbose));
    }

    static String number(double value)
    {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
