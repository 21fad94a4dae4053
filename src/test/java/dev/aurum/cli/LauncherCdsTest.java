package dev.aurum.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's class data sharing and JIT flags (README.md, "Class data sharing"): runs {@code ./aurum} from a copy
 * laid out like a built checkout, with a stub {@code java} first on PATH that logs every invocation's arguments and
 * creates the files the real JVM would (the class list, the archive), and checks the java command lines the launcher
 * makes. A stub {@code mvn} fails and is logged, so the launcher never builds anything here.
 */
class LauncherCdsTest
{
    private static final String MAIN = "dev.aurum.cli.Main";
    private static final Duration DUMP_WAIT = Duration.ofSeconds(60);
    private static final Instant SOURCES_TIME = Instant.now().minus(Duration.ofHours(3));
    private static final Instant BUILD_TIME = Instant.now().minus(Duration.ofHours(1));

    // logs its arguments (tab-separated, after its niceness), one invocation a line, then acts as the JVM would for
    // the CDS flags; STUB_JAVA_FAIL_DUMP makes -Xshare:dump fail
    private static final String JAVA_STUB = """
            line="$(nice)"
            for arg in "$@"; do line+=$'\\t'"$arg"; done
            printf '%s\\n' "$line" >>"$STUB_JAVA_LOG"
            dump=0; archive=""; list=""
            for arg in "$@"; do
              case "$arg" in
                -Xshare:dump) dump=1 ;;
                -XX:DumpLoadedClassList=*) printf 'java/lang/Object\\njava/lang/String\\n' >"${arg#*=}" ;;
                -XX:SharedArchiveFile=*) archive="${arg#*=}" ;;
                -XX:SharedClassListFile=*) list="${arg#*=}" ;;
              esac
            done
            if [ "$dump" = 1 ]; then
              if [ -n "${STUB_JAVA_FAIL_DUMP:-}" ]; then echo "stub java: dump failed" >&2; exit 1; fi
              if [ ! -s "$list" ]; then echo "stub java: no class list $list" >&2; exit 1; fi
              printf 'archive\\n' >"$archive"
            fi
            exit 0
            """;
    private static final String MVN_STUB = """
            printf '%s\\n' "$*" >>"$STUB_JAVA_LOG.mvn"
            exit 1
            """;

    @TempDir
    Path home;

    private Path bash;
    private Path bin;
    private Path log;
    private Path jar;
    private Path classes;
    private Path archive;
    private Path failed;
    private Path lock;

    /** One java invocation: the stub's niceness and its arguments. */
    record Invocation(int niceness, List<String> arguments)
    {
        boolean isMain()
        {
            return arguments.contains(MAIN);
        }

        boolean isDump()
        {
            return arguments.contains("-Xshare:dump");
        }

        List<String> cdsFlags()
        {
            return arguments.stream().filter(argument -> argument.startsWith("-XX:DumpLoadedClassList") || argument.startsWith("-XX:SharedArchiveFile")
                    || argument.startsWith("-XX:SharedClassListFile") || argument.startsWith("-Xshare") || argument.startsWith("-Xlog:cds")).toList();
        }

        /** The JVM options, i.e. the arguments before the main class. */
        List<String> jvmOptions()
        {
            int main = arguments.indexOf(MAIN);
            return main < 0 ? arguments : arguments.subList(0, main);
        }
    }

    record Run(int exitCode, String output) {}

    @BeforeEach
    void checkout()
            throws IOException
    {
        bash = onPath("bash");
        assumeTrue(bash != null, "bash is not on PATH");

        Path script = home.resolve("aurum");
        Files.copy(Path.of("aurum"), script, StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(home.resolve("pom.xml"), "<project/>\n");
        Path source = home.resolve("src/main/java/dev/aurum/cli/Main.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Main {}\n");
        jar = home.resolve("target/aurum.jar");
        Files.createDirectories(home.resolve("target/lib"));
        Files.writeString(jar, "not a jar\n");
        Files.writeString(home.resolve("target/lib/dependency.jar"), "not a jar\n");
        // the jar and its libraries are newer than every source, so the launcher does not build
        touchTree(home.resolve("src"), SOURCES_TIME);
        touch(home.resolve("pom.xml"), SOURCES_TIME);
        touch(home.resolve("target/lib/dependency.jar"), BUILD_TIME);
        touch(home.resolve("target/lib"), BUILD_TIME);
        touch(jar, BUILD_TIME);

        bin = home.resolve("stub-bin");
        Files.createDirectories(bin);
        executable(bin.resolve("java"), JAVA_STUB);
        executable(bin.resolve("mvn"), MVN_STUB);
        log = home.resolve("java-invocations.log");

        classes = home.resolve("target/aurum-classes.lst");
        archive = home.resolve("target/aurum.jsa");
        failed = home.resolve("target/aurum.jsa.failed");
        lock = home.resolve("target/aurum-cds.lock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat", "ask", "batch", "sql", "serve", "stats"})
    void theFirstInteractiveStartAfterABuildRecordsTheLoadedClasses(String command)
            throws Exception
    {
        aurum(Map.of(), command);

        Invocation main = single(mains());
        assertThat(main.cdsFlags()).containsExactly("-XX:DumpLoadedClassList=" + classes);
        assertThat(main.jvmOptions()).contains("-XX:DumpLoadedClassList=" + classes);
        assertThat(dumps()).isEmpty();
        assertThat(classes).isNotEmptyFile();
        assertThat(archive).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pipeline", "data", "eval"})
    void batchCommandsRecordNoClassesAndKeepBothJitTiers(String command)
            throws Exception
    {
        aurum(Map.of(), command, "run");

        Invocation main = single(mains());
        assertThat(main.cdsFlags()).isEmpty();
        assertThat(main.jvmOptions()).noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
        assertThat(main.jvmOptions()).contains("-XX:+UseParallelGC");
        assertThat(classes).doesNotExist();
        assertThat(lock).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat", "ask", "batch", "sql"})
    void shortInteractiveCommandsStopAtTheFirstJitTier(String command)
            throws Exception
    {
        aurum(Map.of(), command);

        assertThat(single(mains()).jvmOptions()).contains("-XX:TieredStopAtLevel=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "stats", "pipeline"})
    void longerCommandsKeepBothJitTiers(String command)
            throws Exception
    {
        aurum(Map.of(), command);

        assertThat(single(mains()).arguments()).noneMatch(argument -> argument.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    void recordsThenDumpsInTheBackgroundThenMapsTheArchive()
            throws Exception
    {
        aurum(Map.of(), "ask", "orders by status");
        assertThat(single(mains()).cdsFlags()).containsExactly("-XX:DumpLoadedClassList=" + classes);

        // the second start dumps the archive from the list, in the background and at the lowest priority
        aurum(Map.of(), "ask", "orders by status");
        awaitNoLock();
        assertThat(mains()).hasSize(2);
        assertThat(mains().get(1).cdsFlags()).isEmpty();
        Invocation dump = single(dumps());
        assertThat(dump.niceness()).isEqualTo(19);
        assertThat(dump.arguments()).contains("-XX:SharedClassListFile=" + classes, "-XX:SharedArchiveFile=" + archive + ".tmp");
        assertThat(dump.arguments()).containsSequence("-cp", jar + ":" + home.resolve("target/lib") + "/*");
        assertThat(dump.arguments()).doesNotContain(MAIN);
        assertThat(archive).isNotEmptyFile();
        assertThat(Path.of(archive + ".tmp")).doesNotExist();
        assertThat(failed).doesNotExist();

        // the starts after it map the archive, and nothing is recorded or dumped again
        aurum(Map.of(), "ask", "orders by status");
        aurum(Map.of(), "chat");
        assertThat(mains()).hasSize(4);
        for (Invocation main : mains().subList(2, 4)) {
            assertThat(main.cdsFlags()).contains("-XX:SharedArchiveFile=" + archive).noneMatch(flag -> flag.startsWith("-XX:DumpLoadedClassList"));
            assertThat(main.jvmOptions()).contains("-XX:SharedArchiveFile=" + archive);
        }
        assertThat(dumps()).hasSize(1);
    }

    @Test
    void aFailedDumpIsMarkedAndNotRetriedForTheSameJar()
            throws Exception
    {
        Map<String, String> failing = Map.of("STUB_JAVA_FAIL_DUMP", "1");
        aurum(failing, "ask");
        aurum(failing, "ask");
        awaitNoLock();
        assertThat(dumps()).hasSize(1);
        assertThat(failed).exists();
        assertThat(archive).doesNotExist();
        assertThat(Path.of(archive + ".tmp")).doesNotExist();
        assertThat(home.resolve("target/aurum-cds.log")).content(StandardCharsets.UTF_8).contains("stub java: dump failed");

        // later starts neither dump again nor record a list no dump will read, nor map anything
        aurum(failing, "ask");
        aurum(failing, "chat");
        assertThat(lock).doesNotExist();
        assertThat(dumps()).hasSize(1);
        assertThat(mains()).hasSize(4);
        assertThat(mains().get(2).cdsFlags()).isEmpty();
        assertThat(mains().get(3).cdsFlags()).isEmpty();

        // a new jar (built after the marker and the list) starts over: record, then dump
        touch(failed, BUILD_TIME.minus(Duration.ofMinutes(30)));
        touch(classes, BUILD_TIME.minus(Duration.ofMinutes(30)));
        aurum(Map.of(), "ask");
        assertThat(mains().get(4).cdsFlags()).containsExactly("-XX:DumpLoadedClassList=" + classes);
        aurum(Map.of(), "ask");
        awaitNoLock();
        assertThat(dumps()).hasSize(2);
        assertThat(archive).isNotEmptyFile();
    }

    @Test
    void aurumCdsZeroPassesNoCdsFlagsInAnyState()
            throws Exception
    {
        Map<String, String> off = Map.of("AURUM_CDS", "0");
        // after a build: nothing recorded
        aurum(off, "ask");
        assertThat(classes).doesNotExist();
        // with a recorded list: no dump
        Files.writeString(classes, "java/lang/Object\n");
        aurum(off, "ask");
        assertThat(lock).doesNotExist();
        // with an archive: not mapped
        Files.writeString(archive, "archive\n");
        aurum(off, "chat");

        assertThat(mains()).hasSize(3).allSatisfy(main -> assertThat(main.cdsFlags()).isEmpty());
        assertThat(dumps()).isEmpty();
    }

    @Test
    void aDumpInProgressIsLeftAloneAndAStaleLockIsTakenOver()
            throws Exception
    {
        Files.writeString(classes, "java/lang/Object\n");
        Files.createDirectory(lock);

        // another dump holds the lock: this start neither dumps nor records nor maps
        aurum(Map.of(), "ask");
        assertThat(dumps()).isEmpty();
        assertThat(single(mains()).cdsFlags()).isEmpty();
        assertThat(lock).isDirectory();

        // a lock older than ten minutes is from a dump that died: the next start takes it over
        touch(lock, Instant.now().minus(Duration.ofMinutes(20)));
        aurum(Map.of(), "ask");
        awaitNoLock();
        assertThat(dumps()).hasSize(1);
        assertThat(archive).isNotEmptyFile();
    }

    /** Runs the launcher copy with the stubs first on PATH and waits for it (not for a dump it left running). */
    private Run aurum(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(bash.toString(), home.resolve("aurum").toString()));
        command.addAll(Arrays.asList(arguments));
        Path output = Files.createTempFile(home, "aurum", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.remove("AURUM_CDS");
        env.remove("AURUM_JAVA_OPTS");
        env.remove("STUB_JAVA_FAIL_DUMP");
        env.put("PATH", bin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("STUB_JAVA_LOG", log.toString());
        env.putAll(new HashMap<>(environment));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("aurum " + String.join(" ", arguments) + " did not finish in 60 s: " + Files.readString(output));
        }
        Run run = new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        assertThat(run.exitCode()).as("exit code of aurum %s, output: %s", String.join(" ", arguments), run.output()).isZero();
        assertThat(Path.of(log + ".mvn")).as("the launcher tried to build").doesNotExist();
        return run;
    }

    /** Waits (bounded) for a background dump to release its lock. */
    private void awaitNoLock()
            throws InterruptedException
    {
        long deadline = System.nanoTime() + DUMP_WAIT.toNanos();
        while (Files.exists(lock)) {
            if (System.nanoTime() > deadline) {
                fail("the background dump still holds " + lock + " after " + DUMP_WAIT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    private List<Invocation> invocations()
            throws IOException
    {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<Invocation> invocations = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            List<String> fields = Arrays.asList(line.split("\t", -1));
            invocations.add(new Invocation(Integer.parseInt(fields.get(0).trim()), List.copyOf(fields.subList(1, fields.size()))));
        }
        return invocations;
    }

    private List<Invocation> mains()
            throws IOException
    {
        List<Invocation> all = invocations();
        assertThat(all).allMatch(invocation -> invocation.isMain() != invocation.isDump(), "every java invocation is either the main class or a dump");
        return all.stream().filter(Invocation::isMain).toList();
    }

    private List<Invocation> dumps()
            throws IOException
    {
        return invocations().stream().filter(Invocation::isDump).toList();
    }

    private static Invocation single(List<Invocation> invocations)
    {
        assertThat(invocations).hasSize(1);
        return invocations.get(0);
    }

    private void executable(Path file, String body)
            throws IOException
    {
        Files.writeString(file, "#!" + bash + "\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void touch(Path path, Instant time)
            throws IOException
    {
        Files.setLastModifiedTime(path, FileTime.from(time));
    }

    /** Sets the time of everything under {@code root}, deepest first, so a folder's time is not moved by its children. */
    private static void touchTree(Path root, Instant time)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                touch(path, time);
            }
        }
    }

    private static Path onPath(String name)
    {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
