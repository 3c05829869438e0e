package io.tokenrack.engine.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The example designs in the project's presets: each one but the deliberately broken example
 * checks without errors (the app opens one of them first), and the broken one shows its errors.
 */
class ExampleDesignsTest {
    private static final String BROKEN = "broken-example.json";

    @TestFactory
    Stream<DynamicTest> exampleDesignsCheckAsIntended() throws IOException {
        String dir = System.getProperty(CatalogLoader.PRESETS_DIR_PROPERTY);
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "designs")), "no example designs in this checkout");
        Catalog catalog = CatalogLoader.loadDefault();
        List<Path> designs;
        try (Stream<Path> files = Files.list(Path.of(dir, "designs"))) {
            designs = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return designs.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<Finding> findings = DesignCheck.check(DesignIO.read(file), catalog);
            if (file.getFileName().toString().equals(BROKEN)) {
                Set<String> codes = new TreeSet<>();
                findings.stream().filter(Finding::isError).forEach(f -> codes.add(f.code()));
                assertTrue(codes.containsAll(Set.of(FindingCodes.U_OVERLAP, FindingCodes.U_OVERFLOW,
                        FindingCodes.SCALE_UP_NO_SWITCH, FindingCodes.POWER_OVER_BUDGET)), codes::toString);
            } else {
                assertEquals(List.of(), findings.stream().filter(Finding::isError).toList());
            }
        }));
    }
}
