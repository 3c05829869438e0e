package io.tokenrack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project's documents stand on their own: citations of the model reference name sections it
 * has, relative links in the Markdown pages lead to files that exist, and nothing points at a
 * design file outside the repository.
 */
class DocsTest {
    /** "docs/model-reference.md §4.2", "model-reference.md) §3–§5": the first section of each citation. */
    private static final Pattern CITATION = Pattern.compile("model-reference\\.md\\)?\\s*§(\\d+(?:\\.\\d+)?)");
    private static final Pattern HEADING = Pattern.compile("^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ", Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");
    /** Written in two parts so that this file does not match itself. */
    private static final List<String> OUTSIDE = List.of("MODEL-" + "REFERENCE", "../" + "shared/");

    private static final Path ROOT = Path.of(System.getProperty("tokenrack.presets.dir", "../presets")).getParent();

    @Test
    void everyCitedSectionOfTheModelReferenceExists() throws IOException {
        Set<String> sections = sections(Files.readString(ROOT.resolve("docs/model-reference.md")));
        assertTrue(sections.containsAll(List.of("1", "4.2", "9", "12")), () -> "headings not found: " + sections);

        List<String> dangling = new ArrayList<>();
        int citations = 0;
        for (Path f : projectTextFiles()) {
            Matcher m = CITATION.matcher(read(f));
            while (m.find()) {
                citations++;
                if (!sections.contains(m.group(1))) {
                    dangling.add(ROOT.relativize(f) + ": §" + m.group(1));
                }
            }
        }
        assertTrue(citations >= 10, "citations found: " + citations);
        assertEquals(List.of(), dangling);
    }

    @Test
    void relativeLinksInTheDocsLeadToFiles() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (!target.contains("://") && !target.startsWith("mailto:") && !Files.exists(page.getParent().resolve(target))) {
                    broken.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : projectTextFiles()) {
            String text = read(f);
            for (String s : OUTSIDE) {
                if (text.contains(s)) {
                    found.add(ROOT.relativize(f) + ": " + s);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theHeadingPatternReadsNumberedSections() {
        assertEquals(Set.of("3", "3.1"), sections("# Title\n## 3. Work\ntext ## 9. not a heading\n### 3.1 Linear\n#### 3.2 Too deep\n"));
    }

    private static Set<String> sections(String markdown) {
        Set<String> out = new TreeSet<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Docs, README, presets and the sources and tests of both modules. */
    private static List<Path> projectTextFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        for (String dir : List.of("docs", "presets", "engine/src", "app/src", "bench")) {
            Path d = ROOT.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(d)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(java|md|json|csv|sh|py|c|css|properties|txt)$"))
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (MalformedInputException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
