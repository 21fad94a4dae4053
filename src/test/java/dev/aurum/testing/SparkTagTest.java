package dev.aurum.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick loop ({@code mvn -B test -Pquick}) leaves out the tests tagged {@link SparkTest}; a test class that starts
 * Spark in a child JVM (through {@link ChildAurum} or the crash harness) must carry the tag too, or the quick loop
 * pays for a whole pipeline run.
 */
class SparkTagTest
{
    @Test
    void everyTestClassThatRunsAurumInAChildJvmIsTaggedSpark()
            throws IOException
    {
        List<Path> untagged;
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            untagged = files.filter(file -> file.toString().endsWith("Test.java") && !file.endsWith("SparkTagTest.java"))
                    .filter(file -> {
                        String source = read(file);
                        boolean startsAurum = source.contains("ChildAurum.command(") || source.contains("CrashHarness.");
                        return startsAurum && source.lines().noneMatch(line -> line.strip().equals("@SparkTest"));
                    })
                    .toList();
        }
        assertThat(untagged).as("test classes that start Aurum (and so Spark) in a child JVM without @SparkTest").isEmpty();
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
