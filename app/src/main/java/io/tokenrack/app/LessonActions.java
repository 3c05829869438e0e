package io.tokenrack.app;

import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.lesson.LessonFiles;
import io.tokenrack.app.lesson.LessonModel;
import io.tokenrack.app.lesson.LessonPanel;
import io.tokenrack.app.results.ResultsModel;
import io.tokenrack.engine.evaluate.Assumptions;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * Help ▸ Lessons: the shipped lessons (and a teacher's own lesson file), each opened on this
 * window's document with its panel beside the design.
 */
public final class LessonActions {
    private static final System.Logger LOG = System.getLogger(LessonActions.class.getName());

    private final AppContext context;
    private final DesignDocument document;
    private final ResultsModel results;
    private final DocumentActions actions;
    private final Consumer<Node> showPanel;
    private LessonPanel panel;

    /** @param showPanel puts the lesson panel beside the design (null: removes it) */
    public LessonActions(AppContext context, DesignDocument document, ResultsModel results, DocumentActions actions, Consumer<Node> showPanel) {
        this.context = context;
        this.document = document;
        this.results = results;
        this.actions = actions;
        this.showPanel = showPanel;
    }

    /** The shipped lessons, in order; a lesson file that cannot be read is refused with its file, field and reason. */
    public List<LessonFiles.Loaded> shipped() {
        var files = new LessonFiles(context.catalog());
        return context.presets().withPresets(dir -> files.readAll(dir.resolve(LessonFiles.FOLDER)));
    }

    /** Help ▸ Lessons: one item per shipped lesson, then one to open a lesson file. */
    public Menu menu() {
        Menu m = new Menu("Lessons");
        m.setId("menu-lessons");
        try {
            for (LessonFiles.Loaded l : shipped()) {
                MenuItem mi = new MenuItem(l.lesson().title());
                mi.setId("menu-lesson-" + l.id());
                mi.setMnemonicParsing(false);
                mi.setOnAction(e -> open(l));
                m.getItems().add(mi);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the shipped lessons cannot be read: " + e.getMessage());
            MenuItem broken = new MenuItem("The shipped lessons cannot be read: " + e.getMessage());
            broken.setDisable(true);
            m.getItems().add(broken);
        }
        MenuItem file = new MenuItem("Open a lesson file…");
        file.setOnAction(e -> context.dialogs().chooseOpen("Open a lesson", "TokenRack lessons", ".json", actions.initialDir())
                .ifPresent(this::open));
        m.getItems().addAll(new SeparatorMenuItem(), file);
        return m;
    }

    /** Starts the shipped lesson {@code id} ("roofline" or "1-roofline"); null, after saying why, when there is none. */
    public LessonPanel open(String id) {
        List<LessonFiles.Loaded> all;
        try {
            all = shipped();
        } catch (RuntimeException e) {
            context.dialogs().error("Cannot open the lessons", e.getMessage());
            return null;
        }
        var found = LessonFiles.find(all, id);
        if (found.isEmpty()) {
            context.dialogs().error("No lesson '" + id + "'", "The lessons are: "
                    + String.join(", ", all.stream().map(l -> l.id().replaceFirst("^\\d+-", "")).toList()));
            return null;
        }
        return open(found.get());
    }

    /** Starts the lesson in {@code file}; null, after saying why, when it cannot be read. */
    public LessonPanel open(Path file) {
        LessonFiles.Loaded l;
        try {
            l = new LessonFiles(context.catalog()).read(file);
        } catch (RuntimeException e) {
            context.dialogs().error("Cannot open the lesson " + file.getFileName(), e.getMessage());
            return null;
        }
        return open(l);
    }

    /** Opens {@code l}'s design in the window (after the unsaved-changes prompt) and shows its panel; null when declined. */
    public LessonPanel open(LessonFiles.Loaded l) {
        if (!actions.confirmDiscard()) {
            return null;
        }
        close();
        LessonModel model = new LessonModel(l, document, results.resultsProperty(), Assumptions.defaults(context.catalog().facility()));
        model.start();
        panel = new LessonPanel(model, this::close);
        showPanel.accept(panel);
        return panel;
    }

    /** The lesson shown; null when none. */
    public LessonPanel panel() {
        return panel;
    }

    /** Ends the lesson (the design stays as it is). */
    public void close() {
        if (panel != null) {
            panel.model().close();
            panel = null;
            showPanel.accept(null);
        }
    }
}
