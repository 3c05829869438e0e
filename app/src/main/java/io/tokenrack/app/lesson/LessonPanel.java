package io.tokenrack.app.lesson;

import io.tokenrack.app.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lesson beside the design: the step's title and text (with the live numbers), its question
 * with feedback once answered, and Back / Next. Thin over {@link LessonModel}.
 */
public final class LessonPanel extends BorderPane {
    private final LessonModel model;
    private final Label counter = new Label();
    private final Label stepTitle = new Label();
    private final Label text = new Label();
    private final Label problem = new Label();
    private final VBox question = new VBox(6);
    private final Label feedback = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final ToggleGroup choices = new ToggleGroup();
    private ScrollPane scroll;

    /** @param onClose what closing the lesson does (the window removes the panel) */
    public LessonPanel(LessonModel model, Runnable onClose) {
        this.model = model;
        setId("lesson-panel");
        getStyleClass().add(Styles.PANEL);
        setMinWidth(0);

        Label title = new Label(model.lesson().title());
        title.setId("lesson-title");
        title.setWrapText(true);
        title.getStyleClass().addAll(atlantafx.base.theme.Styles.TEXT_BOLD);
        title.setStyle("-fx-font-size: 1.15em;");
        Button close = new Button(null, new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOSE));
        close.setTooltip(new javafx.scene.control.Tooltip("End the lesson (the design stays as it is)"));
        close.setAccessibleText("End the lesson");
        close.setId("lesson-close");
        close.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT);
        close.setOnAction(e -> onClose.run());
        close.setFocusTraversable(false);
        close.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(6, title, close);
        head.setAlignment(Pos.TOP_LEFT);
        counter.setId("lesson-counter");
        counter.getStyleClass().add(Styles.MUTED);
        counter.setMinWidth(Region.USE_PREF_SIZE);
        VBox top = new VBox(0, head);
        top.setPadding(new Insets(6, 8, 4, 12));
        setTop(top);

        stepTitle.setId("lesson-step-title");
        stepTitle.setWrapText(true);
        stepTitle.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
        text.setId("lesson-text");
        text.setWrapText(true);
        text.textProperty().bind(model.textProperty());
        problem.setId("lesson-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        feedback.setId("lesson-feedback");
        feedback.setWrapText(true);
        question.setId("lesson-question");
        VBox body = new VBox(10, stepTitle, text, problem, question);
        body.setPadding(new Insets(4, 12, 10, 12));
        body.setFillWidth(true);
        scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);

        back.setId("lesson-back");
        back.setOnAction(e -> model.back());
        next.setId("lesson-next");
        next.setDefaultButton(false);
        next.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        next.setOnAction(e -> {
            if (model.isLast()) {
                onClose.run();
            } else {
                model.next();
            }
        });
        back.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox buttons = new HBox(8, counter, space, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(6, 12, 8, 12));
        javafx.scene.control.Tooltip.install(next, new javafx.scene.control.Tooltip("Each step changes one setting; Edit ▸ Undo takes it back"));
        setBottom(buttons);

        model.indexProperty().addListener((o, was, now) -> showStep());
        model.chosenProperty().addListener((o, was, now) -> showFeedback());
        showStep();
    }

    public LessonModel model() {
        return model;
    }

    private void showStep() {
        Lesson.Step s = model.step();
        int n = model.lesson().steps().size();
        counter.setText("Step " + (model.index() + 1) + " of " + n);
        stepTitle.setText(s.title());
        back.setDisable(model.isFirst());
        next.setText(model.isLast() ? "Finish" : "Next");
        scroll.setVvalue(0);
        question.getChildren().clear();
        choices.getToggles().clear();
        if (s.question() != null) {
            Label prompt = new Label(s.question().prompt());
            prompt.setId("lesson-prompt");
            prompt.setWrapText(true);
            prompt.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
            question.getChildren().add(prompt);
            for (int i = 0; i < s.question().choices().size(); i++) {
                RadioButton rb = new RadioButton(s.question().choices().get(i).text());
                rb.setId("lesson-choice-" + i);
                rb.setWrapText(true);
                rb.setToggleGroup(choices);
                int at = i;
                rb.setOnAction(e -> model.answer(at));
                question.getChildren().add(rb);
            }
            question.getChildren().add(feedback);
        }
        showFeedback();
    }

    private void showFeedback() {
        feedback.getStyleClass().removeAll(atlantafx.base.theme.Styles.SUCCESS, atlantafx.base.theme.Styles.DANGER);
        if (model.chosenProperty().get() == null) {
            feedback.setText("");
            return;
        }
        boolean right = model.answeredRight();
        feedback.setText((right ? "Right. " : "Not quite. ") + model.feedback());
        feedback.getStyleClass().add(right ? atlantafx.base.theme.Styles.SUCCESS : atlantafx.base.theme.Styles.DANGER);
    }
}
