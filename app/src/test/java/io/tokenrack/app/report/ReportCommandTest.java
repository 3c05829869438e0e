package io.tokenrack.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.document.DesignFiles;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.results.EngineResults;
import io.tokenrack.app.results.Results;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --design FILE --out X.html|X.pdf} without a window. */
class ReportCommandTest {
    private static final Path PRESETS = Path.of(System.getProperty("tokenrack.presets.dir"));

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesAnHtmlReportWithTheEnginesNumbersForTheDesign(@TempDir Path dir) throws Exception {
        Path design = PRESETS.resolve("designs/gb300-nvl72.json");
        Path html = dir.resolve("gb300.html");
        Run r = run("--design", design.toString(), "--out", html.toString());
        assertEquals(0, r.status(), r.err());
        String page = Files.readString(html);
        Catalog catalog = CatalogLoader.load(PRESETS);
        Results expected = new EngineResults(new Evaluator(catalog)).compute(
                new DocState(new DesignFiles(catalog).read(design), Assumptions.defaults(catalog.facility())));
        String tps = Units.number(expected.numbers().throughput().outputTokensPerSecond());
        assertTrue(page.contains(tps), "the page has the output tokens/s the engine computes: " + tps);
        assertTrue(page.contains("NVIDIA GB300"), "names the hardware and its sources");
    }

    @Test
    void aWrongCommandLineIsOneLineOnStderrAndStatus2(@TempDir Path dir) {
        Run missing = run("--design", PRESETS.resolve("designs/gb300-nvl72.json").toString());
        assertEquals(ReportCommand.BAD_INPUT, missing.status());
        assertEquals("tokenrack-app report: --design FILE and --out FILE are both required\n", missing.err());
        Run format = run("--design", PRESETS.resolve("designs/gb300-nvl72.json").toString(), "--out", dir.resolve("r.docx").toString());
        assertEquals(ReportCommand.BAD_INPUT, format.status());
        assertTrue(format.err().endsWith(": a report is written as .pdf or .html\n"), format.err());
        Run none = run("--design", dir.resolve("nothing.json").toString(), "--out", dir.resolve("r.pdf").toString());
        assertEquals(ReportCommand.BAD_INPUT, none.status());
        assertTrue(none.err().contains("nothing.json: no such file"), none.err());
        assertTrue(Files.notExists(dir.resolve("r.pdf")), "nothing written");
    }
}
