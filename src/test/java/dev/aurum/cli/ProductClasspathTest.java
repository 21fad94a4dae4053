package dev.aurum.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DuckDB is the benchmark's yardstick, never part of the product (README.md, "aurum bench"): the pom declares it only
 * inside the {@code bench} profile and only test-scoped, so neither target/lib nor the jar can carry it.
 */
class ProductClasspathTest
{
    private static final Path POM = Path.of("pom.xml");
    private static final java.util.regex.Pattern MAIN = java.util.regex.Pattern.compile("public\\s+static\\s+void\\s+main\\s*\\(");

    @Test
    void duckDbIsDeclaredOnlyTestScopedInTheBenchProfile()
            throws Exception
    {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile());
        Element project = pom.getDocumentElement();

        List<Element> productDependencies = dependencies(child(project, "dependencies"));
        assertThat(productDependencies).isNotEmpty();
        assertThat(productDependencies).extracting(ProductClasspathTest::groupAndArtifact).noneMatch(name -> name.contains("duckdb"));

        List<Element> benchDependencies = new ArrayList<>();
        for (Element profile : children(child(project, "profiles"), "profile")) {
            List<Element> declared = dependencies(child(profile, "dependencies"));
            boolean bench = text(profile, "id").equals("bench");
            for (Element dependency : declared) {
                if (groupAndArtifact(dependency).contains("duckdb")) {
                    assertThat(bench).as("DuckDB declared in profile " + text(profile, "id")).isTrue();
                    benchDependencies.add(dependency);
                }
            }
        }
        assertThat(benchDependencies).hasSize(1);
        assertThat(text(benchDependencies.get(0), "scope")).isEqualTo("test");
        // the default build never reads the profile, so a version property it names must be checked here
        String version = text(benchDependencies.get(0), "version");
        if (version.startsWith("${")) {
            String property = version.substring(2, version.length() - 1);
            assertThat(text(child(project, "properties"), property)).as("pom property " + property).isNotBlank();
        }
    }

    @Test
    void experimentsWithAMainLiveInTheBenchSourcesNotTheTests()
            throws IOException
    {
        // docs/architecture.md: src/test holds tests only; benchmarks and experiments are under src/bench/java
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            List<Path> withMain = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> MAIN.matcher(read(file)).find())
                    .toList();
            assertThat(withMain).isEmpty();
        }
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void builtRuntimeLibrariesHoldNoDuckDb()
            throws IOException
    {
        Path lib = Path.of("target", "lib");
        if (!Files.isDirectory(lib)) {
            // a test-only build has no target/lib yet; the pom check above covers it
            return;
        }
        try (Stream<Path> jars = Files.list(lib)) {
            assertThat(jars.map(jar -> jar.getFileName().toString())).noneMatch(name -> name.toLowerCase().contains("duckdb"));
        }
    }

    private static String groupAndArtifact(Element dependency)
    {
        return text(dependency, "groupId") + ":" + text(dependency, "artifactId");
    }

    private static List<Element> dependencies(Element dependencies)
    {
        return dependencies == null ? List.of() : children(dependencies, "dependency");
    }

    private static Element child(Element parent, String name)
    {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name)
    {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name)
    {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }
}
