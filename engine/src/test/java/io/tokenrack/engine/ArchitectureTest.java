package io.tokenrack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine is pure Java: no class in it depends on JavaFX, AWT/Swing or the app. Checked on
 * the compiled classes with the JDK's jdeps, so fully-qualified uses count, not only imports.
 */
class ArchitectureTest {
    /** A jdeps -verbose:class line: {@code   a.b.C   -> x.y.Z   module-or-"not found"}. */
    private static final Pattern EDGE = Pattern.compile("^\\s*(\\S+)\\s+->\\s+(\\S+)(?:\\s+.*)?$");
    private static final List<String> FORBIDDEN = List.of("javafx.", "java.awt.", "javax.swing.", "io.tokenrack.app.");

    record Edge(String from, String to) {}

    @Test
    void engineDependsOnNeitherUiToolkitsNorTheApp() throws Exception {
        Path classes = Path.of(Catalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        List<Edge> edges = dependencies(classes);

        assertTrue(edges.stream().anyMatch(e -> e.from().equals("io.tokenrack.engine.catalog.Catalog") && e.to().equals("java.util.Map")),
                () -> "jdeps output looks wrong, the check would prove nothing: " + edges.size() + " edges");
        assertEquals(List.of(), forbidden(edges));
    }

    /**
     * The engine's packages in layers, lowest first: a class may use its own package and packages
     * of lower layers only. The model and the kernels know nothing of designs, evaluations or the
     * command line; the kernel lab's timing harness knows no kernel; the host model does not
     * depend on the calibration run that produces its profile.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("catalog", "files", "kernels", "lab.harness"),
            List.of("workload", "kernels.llama"),
            List.of("perf", "power", "cost"),
            List.of("design"),
            List.of("evaluate"),
            List.of("validate", "lab.host", "claims", "site"),
            List.of("lab.calibration"),
            List.of("cli"),
            List.of("launch"));

    @Test
    void theEnginesPackagesAreLayered() throws Exception {
        Path classes = Path.of(Catalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Edge> edges = dependencies(classes).stream()
                .filter(e -> e.from().startsWith(ENGINE) && e.to().startsWith(ENGINE)).toList();
        assertTrue(edges.stream().anyMatch(e -> pkg(e.from()).equals("evaluate") && pkg(e.to()).equals("perf")),
                () -> "no edge from evaluate to perf: the check would prove nothing");

        List<String> unplaced = edges.stream().flatMap(e -> java.util.stream.Stream.of(pkg(e.from()), pkg(e.to())))
                .filter(p -> layer(p) < 0).distinct().toList();
        assertEquals(List.of(), unplaced, "packages in no layer of ArchitectureTest.LAYERS: add them where they belong");
        List<String> upward = edges.stream()
                .filter(e -> !pkg(e.from()).equals(pkg(e.to())) && layer(pkg(e.to())) >= layer(pkg(e.from())))
                .map(e -> e.from() + " -> " + e.to()).distinct().toList();
        assertEquals(List.of(), upward);
    }

    @Test
    void aPackageIsPlacedByItsLayer() {
        assertEquals("kernels.llama", pkg("io.tokenrack.engine.kernels.llama.LlamaConfig$Builder"));
        assertEquals(0, layer("kernels"));
        assertEquals(7, layer("cli"));
        assertEquals(-1, layer("kernelsx"));
        assertEquals("", pkg("io.tokenrack.engine.Loose"), "a class outside every package is in no layer");
    }

    private static final String ENGINE = "io.tokenrack.engine.";

    private static String pkg(String className) {
        int dot = className.lastIndexOf('.');
        return dot < ENGINE.length() ? "" : className.substring(ENGINE.length(), dot);
    }

    private static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aFullyQualifiedUseIsCaught(@TempDir Path tmp) throws IOException {
        Path src = tmp.resolve("src/io/tokenrack/engine/probe/Bad.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package io.tokenrack.engine.probe;
                class Bad {
                    Object where() { return new java.awt.Point(1, 2); }
                }
                """);
        Path out = tmp.resolve("classes");
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        assertEquals(0, javac.run(System.out, System.err, "-d", out.toString(), src.toString()));

        List<Edge> bad = forbidden(dependencies(out));

        assertEquals(List.of(new Edge("io.tokenrack.engine.probe.Bad", "java.awt.Point")), bad);
    }

    private static List<Edge> forbidden(List<Edge> edges) {
        return edges.stream().filter(e -> FORBIDDEN.stream().anyMatch(e.to()::startsWith)).toList();
    }

    /** Class-level dependencies of every class under {@code classes}, as jdeps reports them. */
    static List<Edge> dependencies(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("jdeps is missing: run the tests on a full JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-filter:none", classes.toString());
        assertEquals(0, rc, () -> "jdeps failed: " + err);
        List<Edge> edges = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches()) {
                edges.add(new Edge(m.group(1), m.group(2)));
            }
        }
        return edges;
    }
}
