package dev.aurum.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs {@code aurum ARGUMENTS} in a child JVM from a test, as the launcher would: this JVM's
 * java, the given JVM options, the {@code --add-opens} flags Surefire got from pom.xml's {@code spark.opens}, the
 * checkout as Aurum's home and the test classpath.
 */
public final class ChildAurum
{
    private ChildAurum() {}

    public static List<String> command(List<String> jvmOptions, List<String> arguments)
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens") || argument.startsWith("-Djdk.reflect"))
                .forEach(command::add);
        command.add("-Daurum.home=" + Path.of("").toAbsolutePath().normalize());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.aurum.cli.Main");
        command.addAll(arguments);
        return command;
    }
}
