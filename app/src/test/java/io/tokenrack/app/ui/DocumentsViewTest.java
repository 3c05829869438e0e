package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Dialogs;
import io.tokenrack.app.results.Headline;
import io.tokenrack.engine.design.RackDesign;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Documents: save, reopen, new, the unsaved-changes prompt, recent files, exports, shortcuts. */
@ExtendWith(ApplicationExtension.class)
class DocumentsViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(temp, "docs");
        app = new AppHarness(stage, dir);
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    private void shortcut(FxRobot robot, KeyCode... keys) {
        robot.clickOn("#status-results");
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.push(all);
        app.settle();
    }

    private Map<String, String> headline(FxRobot robot) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : Headline.IDS) {
            out.put(id, AppHarness.text(robot, "#" + id + "-value"));
        }
        return out;
    }

    @Test
    void savingAndReopeningGivesTheSameDesignAndTheSameNumbers(FxRobot robot) {
        app.settle();
        robot.clickOn("#item-dgx-4").type(KeyCode.DELETE);
        app.settle();
        RackDesign edited = app.window.document().design();
        Map<String, String> numbers = headline(robot);
        Path file = dir.resolve("four-minus-one.json");
        app.dialogs.saveAnswers.add(file);

        shortcut(robot, KeyCode.S);
        assertTrue(Files.isRegularFile(file), "Ctrl+S on a new document asks where and saves");
        assertFalse(app.window.document().isDirty());
        assertTrue(robot.lookup("#status-document").queryLabeled().getText().contains("Saved four-minus-one.json"));

        app.dialogs.discardAnswer = Dialogs.Discard.DISCARD;
        shortcut(robot, KeyCode.N);
        assertEquals(0, app.window.document().design().racks().getFirst().items().size(), "a new, empty design");

        app.dialogs.openAnswers.add(file);
        shortcut(robot, KeyCode.O);
        assertEquals(edited, app.window.document().design(), "the same design");
        assertEquals(file.toAbsolutePath(), app.window.document().file());
        assertEquals(numbers, headline(robot), "the same numbers");
    }

    @Test
    void unsavedChangesArePromptedBeforeTheyAreLost(FxRobot robot) {
        app.settle();
        robot.clickOn("#item-dgx-1").type(KeyCode.DELETE);
        app.settle();
        RackDesign edited = app.window.document().design();

        app.dialogs.discardAnswer = Dialogs.Discard.CANCEL;
        shortcut(robot, KeyCode.N);
        assertTrue(app.dialogs.asked.stream().anyMatch(a -> a.startsWith("discard")), "asked before New");
        assertEquals(edited, app.window.document().design(), "cancel keeps the document");

        app.dialogs.discardAnswer = Dialogs.Discard.SAVE;
        Path file = dir.resolve("kept.json");
        app.dialogs.saveAnswers.add(file);
        shortcut(robot, KeyCode.O);
        assertTrue(Files.isRegularFile(file), "Save first, then the open dialog");
        assertTrue(app.dialogs.asked.stream().anyMatch(a -> a.startsWith("open")));
        assertTrue(app.window.actions().confirmDiscard(), "nothing unsaved any more");
    }

    @Test
    void aBadFileIsRefusedWithFileLineAndFieldAndTheDocumentIsKept(FxRobot robot) throws Exception {
        app.settle();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"formatVersion\": 1,\n  \"name\": \"x\",\n  \"racks\": [{\"id\": \"r\", \"name\": \"R\", \"rackId\": \"nope\"}]\n}\n");
        RackDesign before = app.window.document().design();
        app.dialogs.openAnswers.add(bad);
        shortcut(robot, KeyCode.O);
        assertEquals(before, app.window.document().design());
        assertEquals(1, app.dialogs.errors.size());
        String err = app.dialogs.errors.getFirst();
        assertTrue(err.contains("bad.json") && err.contains("racks[0].rackId") && err.contains("nope"), err);
    }

    @Test
    void recentFilesListTheSavedDesign(FxRobot robot) {
        app.settle();
        Path file = dir.resolve("recent.json");
        app.dialogs.saveAnswers.add(file);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        app.settle();
        assertEquals(file.toAbsolutePath(), app.context.recentFiles().files().getFirst());
        robot.clickOn("File").moveTo("Open Recent");
        assertTrue(robot.lookup("recent.json  —  " + dir.toAbsolutePath()).tryQuery().isPresent(), "listed in File ▸ Open Recent");
    }

    @Test
    void theBillOfMaterialsAndAChartAreExported(FxRobot robot) throws Exception {
        app.settle();
        Path csv = dir.resolve("bom.csv");
        app.dialogs.saveAnswers.add(csv);
        robot.clickOn("File").clickOn("Export bill of materials (CSV)…");
        app.settle();
        String text = Files.readString(csv);
        assertTrue(text.startsWith("rack,item id,catalog id,name,kind,position U,height U,quantity,max power W"), text);
        assertTrue(text.contains("Rack 1,dgx-1,dgx-h100,NVIDIA DGX H100,server,1,8,1,10200"), text);
        assertTrue(text.contains("TOTAL"));

        Path png = dir.resolve("power.png");
        app.dialogs.saveAnswers.add(png);
        robot.clickOn("#chart-power-export");
        app.settle();
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G', "a PNG image");
    }

    @Test
    void undoAndRedoShortcutsWalkTheHistoryAndTheTitleShowsUnsavedChanges(FxRobot robot) {
        app.settle();
        RackDesign start = app.window.document().design();
        String title = robot.window(0) instanceof Stage s ? s.getTitle() : "";
        assertFalse(title.contains("unsaved"), title);
        robot.clickOn("#item-dgx-2").type(KeyCode.DELETE);
        app.settle();
        assertTrue(((Stage) robot.window(0)).getTitle().contains("unsaved changes"));
        shortcut(robot, KeyCode.Z);
        assertEquals(start, app.window.document().design());
        assertFalse(((Stage) robot.window(0)).getTitle().contains("unsaved"));
        shortcut(robot, KeyCode.Y);
        assertNull(io.tokenrack.app.document.PlacementRules.findPlacement(app.window.document().design(), "dgx-2").orElse(null));
    }
}
