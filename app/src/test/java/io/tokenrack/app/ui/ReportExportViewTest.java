package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.results.Headline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Export report: the PDF and the HTML page carry the numbers the window shows, the model's error and the sources. */
@ExtendWith(ApplicationExtension.class)
class ReportExportViewTest {
    /** Writing a report checks the model against every published measurement once: slow on a loaded machine. */
    private static final long REPORT_TIMEOUT_S = 180;

    @TempDir
    static Path temp;

    private AppHarness app;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(temp, "report");
        app = new AppHarness(stage, dir);
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    /** The cards' values as the window shows them ("44,537", "$0.49", "latency limit"). */
    private List<String> shownNumbers(FxRobot robot) {
        return Headline.IDS.stream().map(id -> AppHarness.text(robot, "#" + id + "-value")).toList();
    }

    private void waitForStatus(FxRobot robot, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(REPORT_TIMEOUT_S, TimeUnit.SECONDS,
                () -> robot.lookup("#status-document").queryLabeled().getText().startsWith(text));
    }

    @Test
    void exportWritesAPdfWhoseTextHasTheHeadlineNumbers(FxRobot robot) throws Exception {
        app.settle();
        List<String> numbers = shownNumbers(robot);
        assertTrue(numbers.stream().noneMatch(n -> n.equals("—")), "the example has numbers: " + numbers);
        Path pdf = dir.resolve("example-report.pdf");
        app.dialogs.saveAnswers.add(pdf);

        robot.clickOn("File").clickOn("#menu-report-pdf");
        waitForStatus(robot, "Exported the report to example-report.pdf");

        String text;
        int pages;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(d);
            pages = d.getNumberOfPages();
        }
        for (String n : numbers) {
            assertTrue(text.contains(n), "the PDF has the card value '" + n + "'");
        }
        assertTrue(text.contains(app.window.document().design().name()), "titled with the design's name");
        assertTrue(text.contains("published measurements") && text.contains("median |error|"), "the model's validated error");
        assertTrue(text.contains("NVIDIA DGX H100 (dgx-h100)"), "the sources of the servers in the rack");
        assertTrue(pages >= 1 && pages <= 3, "one to three pages, was " + pages);
        assertEquals(List.of(), app.dialogs.errors);
    }

    @Test
    void theHtmlPageIsSelfContainedAndHasTheSameNumbers(FxRobot robot) throws Exception {
        app.settle();
        List<String> numbers = shownNumbers(robot);
        Path html = dir.resolve("example-report.html");
        app.dialogs.saveAnswers.add(html);

        robot.clickOn("File").clickOn("#menu-report-html");
        waitForStatus(robot, "Exported the report to example-report.html");

        String page = Files.readString(html, StandardCharsets.UTF_8);
        for (String n : numbers) {
            assertTrue(page.contains(n.replace("&", "&amp;")), "the page has the card value '" + n + "'");
        }
        assertTrue(page.contains("<img alt=\"Front elevation of the racks\" src=\"data:image/png;base64,"), "the rack drawn inline");
        assertTrue(!page.contains("src=\"http") && !page.contains("<link "), "nothing loaded from elsewhere");
    }

    @Test
    void aDesignWithoutNumbersIsNotExportedAndSaysWhy(FxRobot robot) throws IOException {
        app.settle();
        robot.interact(() -> app.window.document().replace(new io.tokenrack.app.document.DocState(
                app.window.document().design().withWorkload(null), app.window.document().assumptions()), null));
        app.settle();
        robot.clickOn("File").clickOn("#menu-report-pdf");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, app.dialogs.errors.size(), "one error dialog: " + app.dialogs.errors);
        assertTrue(app.dialogs.errors.getFirst().contains("no numbers to report"), app.dialogs.errors.getFirst());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".pdf")), "no file written");
        }
    }
}
