package dev.aurum.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aurum bench}'s arguments: bad ones exit 2 with a message that says what to change, before anything runs; good
 * ones reach the benchmark suite as parsed. The suite is a fake here (the real one is built only with -Pbench).
 */
class BenchCommandTest
{
    @TempDir
    Path folder;

    private final List<BenchSettings> ran = new ArrayList<>();

    private CommandRun bench(List<BenchSuite> suites, String... args)
    {
        CommandLine.IFactory factory = new CommandLine.IFactory()
        {
            @Override
            public <K> K create(Class<K> type)
                    throws Exception
            {
                if (type == BenchCommand.class) {
                    Iterator<BenchSuite> none = Collections.emptyIterator();
                    return type.cast(new BenchCommand(() -> suites.isEmpty() ? none : suites.iterator()));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        String[] full = new String[args.length + 1];
        full[0] = "bench";
        System.arraycopy(args, 0, full, 1, args.length);
        return CommandRun.run(Main.commandLine(false, factory), full);
    }

    private CommandRun bench(String... args)
    {
        return bench(List.of((settings, out) -> {
            ran.add(settings);
            return 0;
        }), args);
    }

    @Test
    void badScaleExitsTwoWithTheAllowedRange()
    {
        for (String scale : List.of("0", "-1", "101", "NaN")) {
            CommandRun run = bench("--scale", scale, "--workdir", folder.toString());
            assertThat(run.exitCode()).as(scale).isEqualTo(2);
            assertThat(run.err()).as(scale).contains("--scale must be above 0 and at most 100");
        }
        CommandRun text = bench("--scale", "big");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err()).contains("--scale");
        assertThat(ran).isEmpty();
    }

    @Test
    void badRepeatExitsTwo()
    {
        CommandRun zero = bench("--repeat", "0", "--workdir", folder.toString());
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--repeat must be between 1 and 20; got 0");
        assertThat(bench("--repeat", "three").exitCode()).isEqualTo(2);
        assertThat(ran).isEmpty();
    }

    @Test
    void outMustBeAJsonFileAndWorkdirAFolder()
            throws IOException
    {
        CommandRun notJson = bench("--out", folder.resolve("report.txt").toString(), "--workdir", folder.toString());
        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.err()).contains("--out must name a .json file");

        Path aFolder = Files.createDirectories(folder.resolve("taken.json"));
        CommandRun isFolder = bench("--out", aFolder.toString(), "--workdir", folder.toString());
        assertThat(isFolder.exitCode()).isEqualTo(2);
        assertThat(isFolder.err()).contains("is a folder");

        Path aFile = Files.writeString(folder.resolve("work"), "x");
        CommandRun fileWorkdir = bench("--workdir", aFile.toString());
        assertThat(fileWorkdir.exitCode()).isEqualTo(2);
        assertThat(fileWorkdir.err()).contains("--workdir " + aFile + " is a file, not a folder");
        assertThat(bench("--no-such-flag").exitCode()).isEqualTo(2);
        assertThat(ran).isEmpty();
    }

    @Test
    void goodArgumentsReachTheSuiteWithTheMarkdownBesideTheJson()
    {
        Path out = folder.resolve("docs").resolve("sf1.json");
        CommandRun run = bench("--scale", "0.5", "--repeat", "2", "--out", out.toString(), "--workdir", folder.resolve("work").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(ran).hasSize(1);
        BenchSettings settings = ran.get(0);
        assertThat(settings.scale()).isEqualTo(0.5);
        assertThat(settings.repeat()).isEqualTo(2);
        assertThat(settings.out()).isEqualTo(out);
        assertThat(settings.markdown()).isEqualTo(folder.resolve("docs").resolve("sf1.md"));
        assertThat(settings.workdir()).isEqualTo(folder.resolve("work"));
    }

    @Test
    void defaultsAreScaleOneThreeRepeatsAndAReportInTheWorkdir()
    {
        assertThat(bench("--workdir", folder.toString()).exitCode()).isZero();
        assertThat(ran.get(0).scale()).isEqualTo(1.0);
        assertThat(ran.get(0).repeat()).isEqualTo(3);
        assertThat(ran.get(0).out()).isEqualTo(folder.resolve("bench-sf1.json"));
    }

    @Test
    void withoutTheBenchmarkClassesItSaysHowToGetThem()
    {
        CommandRun run = bench(List.of(), "--workdir", folder.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("./aurum bench").contains("mvn -Pbench");
    }
}
