package io.tokenrack.app.inspector;

import io.tokenrack.app.theme.Styles;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/** The inspector: a PropertySheet of the selected item, rack or the design and workload, with edit errors below. */
public final class InspectorView extends VBox {
    private final InspectorModel model;
    private final PropertySheet sheet = new PropertySheet();
    private final Label title = new Label();
    private final Label error = new Label();
    private final Hyperlink showDesign = new Hyperlink("design & workload");

    public InspectorView(InspectorModel model) {
        this.model = model;
        createView();
        initListeners();
        refresh();
    }

    private void createView() {
        setId("inspector");
        setSpacing(4);
        title.setId("inspector-title");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        title.setMinWidth(0);
        showDesign.setId("inspector-show-design");
        showDesign.setAccessibleText("Show the design and workload in the inspector");
        showDesign.managedProperty().bind(showDesign.visibleProperty());
        showDesign.setMinWidth(Region.USE_PREF_SIZE);
        Label kind = new Label("Inspector");
        kind.getStyleClass().add(Styles.MUTED);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, kind, title, spacer, showDesign);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        sheet.setId("inspector-sheet");
        sheet.setAccessibleText("Properties of the selection");
        sheet.setPropertyEditorFactory(new MetaEditors());
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setMinHeight(120);
        sheet.setCategoryComparator(java.util.Comparator.comparingInt(InspectorMetadata::categoryOrder));
        VBox.setVgrow(sheet, Priority.ALWAYS);
        error.setId("inspector-error");
        error.getStyleClass().addAll(Styles.MESSAGE, Styles.MESSAGE_ERROR);
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        getChildren().addAll(head, sheet, error);
    }

    private void initListeners() {
        model.itemsProperty().addListener((obs, a, b) -> refresh());
        model.errorProperty().addListener((obs, a, b) -> {
            error.setText(b);
            error.setVisible(!b.isEmpty());
            error.setManaged(!b.isEmpty());
        });
        showDesign.setOnAction(e -> model.showDesign());
    }

    private void refresh() {
        title.setText(model.titleProperty().get());
        sheet.getItems().setAll(model.items());
        showDesign.setVisible(!(model.subjectProperty().get() instanceof Subject.Design));
    }
}
