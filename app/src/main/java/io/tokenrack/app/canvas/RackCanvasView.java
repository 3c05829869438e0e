package io.tokenrack.app.canvas;

import io.tokenrack.app.palette.CatalogDrag;
import io.tokenrack.app.theme.Styles;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The row of racks with a zoom / add-rack toolbar, the message line and the findings list. Items
 * move by mouse drag (snapped to whole U, across racks), are selected with click (Shift/Ctrl adds)
 * and deleted with the Delete key or their context menu; palette items arrive by drag-and-drop.
 */
public final class RackCanvasView extends BorderPane {
    /** Shown when there is no message: how to use the canvas. */
    /** Room for a vertical scroll bar beside the racks, so one never forces a horizontal one. */
    private static final double SCROLL_BAR_ROOM = 16;
    static final String HINT = "Drag hardware into a rack: its lowest U goes where you release · Shift/Ctrl-click selects more · Delete removes";

    private final CanvasModel model;
    private final HBox row = new HBox(28);
    private final ScrollPane scroll = new ScrollPane();
    /** The overlay toggles as last drawn: bit 0 the heat map, bit 1 the bottleneck glow; -1 before the first. */
    private int overlaysShown = -1;
    private final Label message = new Label();
    private final Label zoomLabel = new Label();
    private final ListView<DesignFinding> findingsList = new ListView<>();
    private final Label findingsTitle = new Label("Findings");
    /** The column beside the racks: an optional note on top, then the findings. */
    private final VBox findings = new VBox();
    /** The notes above the findings ({@link #showAside}), in a pane that scrolls when the window is short. */
    private final VBox asides = new VBox();
    private final ScrollPane asideScroll = new ScrollPane(asides);
    private final List<RackView> rackViews = new ArrayList<>();
    /** The power heat map over the items (off at start). */
    private final javafx.scene.control.ToggleButton heatToggle = overlayToggle("canvas-overlay-heat",
            org.kordamp.ikonli.materialdesign2.MaterialDesignF.FIRE,
            "Power heat map: each accelerator tray or server coloured by its modelled draw per rack unit");
    /** The bottleneck glow: the items of what binds (off at start). */
    private final javafx.scene.control.ToggleButton bottleneckToggle = overlayToggle("canvas-overlay-bottleneck",
            org.kordamp.ikonli.materialdesign2.MaterialDesignL.LIGHTBULB_ON_OUTLINE,
            "Bottleneck: the items of what binds the design at its operating point glow");
    /** Tokens leaving the rack at the modelled rate (off at start; View ▸ Token flow). */
    private final TokenFlowView tokenFlow = new TokenFlowView();
    private final ContextMenu itemMenu = createItemMenu();
    private boolean autoFit = true;

    // mouse-drag state
    private String dragAnchor;
    private RackView dragFrom;
    private double pressX;
    private double pressY;
    private int grabOffsetU;
    private boolean dragging;

    public RackCanvasView(CanvasModel model) {
        this.model = model;
        createView();
        initListeners();
        rebuild();
    }

    public CanvasModel model() {
        return model;
    }

    /**
     * Puts {@code note} above the findings, beside the racks (where it costs the racks no height);
     * the notes scroll when a short window leaves them less than they need, so the toolbar and the
     * findings keep their place.
     */
    public void showAside(javafx.scene.Node note) {
        asides.getChildren().add(0, note);
        VBox.setMargin(note, new Insets(0, 0, 6, 0));
        if (!findings.getChildren().contains(asideScroll)) {
            findings.getChildren().add(0, asideScroll);
        }
    }

    private void createView() {
        setId("canvas");
        getStyleClass().addAll(Styles.PANEL, "tr-canvas");
        setFocusTraversable(true);
        setAccessibleText("Rack canvas: racks side by side, drawn to scale");

        Button zoomOut = iconButton("canvas-zoom-out", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Zoom out (Ctrl + scroll down)");
        zoomOut.setOnAction(e -> {
            autoFit = false;
            model.zoomOut();
        });
        Button zoomIn = iconButton("canvas-zoom-in", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "Zoom in (Ctrl + scroll up)");
        zoomIn.setOnAction(e -> {
            autoFit = false;
            model.zoomIn();
        });
        Button fit = iconButton("canvas-zoom-fit", MaterialDesignF.FIT_TO_SCREEN_OUTLINE, "Fit the racks to the window");
        fit.setOnAction(e -> {
            autoFit = true;
            fitToView();
        });
        zoomLabel.setId("canvas-zoom-label");
        zoomLabel.getStyleClass().add(Styles.MUTED);
        zoomLabel.setMinWidth(64);
        MenuButton addRack = new MenuButton("Add rack", new FontIcon(MaterialDesignP.PLUS));
        addRack.setId("canvas-add-rack");
        addRack.setAccessibleText("Add a rack of a chosen type");
        for (RackSpec spec : model.rules().catalog().all().stream().filter(RackSpec.class::isInstance).map(RackSpec.class::cast).toList()) {
            MenuItem mi = new MenuItem(spec.name());
            mi.setId("add-rack-" + spec.id());
            mi.setOnAction(e -> model.addRack(spec.id()));
            addRack.getItems().add(mi);
        }
        addRack.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label("Racks");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        message.setId("canvas-message");
        message.getStyleClass().add(Styles.MESSAGE);
        message.setWrapText(true);
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMaxHeight(34);
        message.setAccessibleText("Canvas message");
        message.setTooltip(new javafx.scene.control.Tooltip());
        message.getTooltip().textProperty().bind(message.textProperty());
        message.setText(HINT);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox tools = new HBox(6, title, new Separator(javafx.geometry.Orientation.VERTICAL), zoomOut, zoomLabel, zoomIn, fit,
                new Separator(javafx.geometry.Orientation.VERTICAL), heatToggle, bottleneckToggle,
                new Separator(javafx.geometry.Orientation.VERTICAL), addRack, message);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setPadding(new Insets(0, 0, 6, 0));
        setTop(tools);

        row.setId("canvas-row");
        row.setPadding(new Insets(8, 16, 16, 8));
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("tr-canvas-row");
        scroll.setId("canvas-scroll");
        scroll.setContent(row);
        scroll.setPannable(true);
        scroll.setFitToHeight(false);
        scroll.getStyleClass().add("edge-to-edge");
        io.tokenrack.app.theme.Viewports.uncached(scroll); // an edit repaints only the tints and bars it changed

        findingsTitle.setId("findings-title");
        findingsTitle.getStyleClass().add(Styles.PANEL_TITLE);
        findingsList.setId("findings-list");
        findingsList.setAccessibleText("Design findings: select one to select the items involved");
        findingsList.setPlaceholder(new Label("No findings: space, power, heat and weight are within limits."));
        ((Label) findingsList.getPlaceholder()).setWrapText(true);
        findingsList.setCellFactory(l -> new FindingCell());
        findings.getChildren().setAll(findingsTitle, findingsList);
        asideScroll.setId("aside-scroll");
        asideScroll.setFitToWidth(true);
        asideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        asideScroll.getStyleClass().add("edge-to-edge");
        io.tokenrack.app.theme.Viewports.uncached(asideScroll);
        asideScroll.setMinHeight(48);
        // as tall as its notes where there is room (the findings list takes what is left); shorter, it scrolls
        asideScroll.prefViewportHeightProperty().bind(asides.heightProperty());
        asides.setFillWidth(true);
        findingsList.setMinHeight(56);
        findingsList.setPrefHeight(120); // grows into the room left; in a short window it shrinks with the notes, not instead of them
        findings.setSpacing(4);
        VBox.setVgrow(findingsList, Priority.ALWAYS);
        findings.setPrefWidth(220);
        findings.setMinWidth(180);
        findings.setPadding(new Insets(0, 0, 0, 8));
        // the findings sit right beside the racks and take the width they leave (no empty gap
        // between a narrow rack and a findings list pinned to the far edge); with many racks the
        // racks scroll and the findings keep their minimum width
        scroll.prefWidthProperty().bind(row.widthProperty().add(SCROLL_BAR_ROOM));
        scroll.maxWidthProperty().bind(scroll.prefWidthProperty());
        scroll.setMinWidth(120);
        HBox.setHgrow(scroll, Priority.SOMETIMES);
        HBox.setHgrow(findings, Priority.ALWAYS);
        findings.setMaxWidth(Double.MAX_VALUE);
        setCenter(new HBox(scroll, tokenFlow, findings));
    }

    private static javafx.scene.control.ToggleButton overlayToggle(String id, org.kordamp.ikonli.Ikon icon, String tip) {
        javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll("button-icon", "flat");
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        return b;
    }

    /** Whether the power heat map is shown over the racks. */
    public javafx.beans.property.BooleanProperty heatOverlayProperty() {
        return heatToggle.selectedProperty();
    }

    /** The token flow beside the racks (its {@code onProperty} is View ▸ Token flow). */
    public TokenFlowView tokenFlow() {
        return tokenFlow;
    }

    /** Whether the items of what binds glow. */
    public javafx.beans.property.BooleanProperty bottleneckOverlayProperty() {
        return bottleneckToggle.selectedProperty();
    }

    private static Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll("button-icon", "flat");
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        return b;
    }

    private void initListeners() {
        model.document().stateProperty().addListener((obs, a, b) -> {
            if (a == null || !a.design().racks().equals(b.design().racks())) {
                rebuild();
            }
        });
        model.pixelsPerUProperty().addListener((obs, a, b) -> rebuild());
        model.selectionProperty().addListener((obs, a, b) -> markSelection());
        model.findingsProperty().addListener((obs, a, b) -> showFindings());
        model.figuresProperty().addListener((obs, a, b) -> showFigures());
        heatToggle.selectedProperty().addListener((obs, a, b) -> showFigures());
        bottleneckToggle.selectedProperty().addListener((obs, a, b) -> showFigures());
        model.messageProperty().addListener((obs, a, b) -> showMessage(b));
        findingsList.getSelectionModel().selectedItemProperty().addListener((obs, a, b) -> {
            if (b != null) {
                model.showFinding(b);
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                model.deleteSelection();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                model.clearSelection();
                e.consume();
            } else if (e.getCode() == KeyCode.A && e.isShortcutDown() && model.currentRack() != null) {
                model.selectAllIn(model.currentRack());
                e.consume();
            }
        });
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() || e.isControlDown()) {
                autoFit = false;
                if (e.getDeltaY() > 0) {
                    model.zoomIn();
                } else if (e.getDeltaY() < 0) {
                    model.zoomOut();
                }
                e.consume();
            }
        });
        // the pane's own height (not the viewport's, which a scroll bar changes) so fitting cannot oscillate
        scroll.heightProperty().addListener((obs, a, b) -> {
            if (autoFit) {
                fitToView();
            }
        });
        row.setOnDragOver(e -> {
            Object id = e.getDragboard().getContent(CatalogDrag.CATALOG_ID);
            if (id instanceof String s && model.rules().catalog().find(s, RackSpec.class).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        row.setOnDragDropped(e -> {
            Object id = e.getDragboard().getContent(CatalogDrag.CATALOG_ID);
            if (id instanceof String s) {
                e.setDropCompleted(model.addRack(s));
                e.consume();
            }
        });
        row.setOnMouseClicked(e -> {
            if (e.getTarget() == row) {
                model.clearSelection();
                requestFocus();
            }
        });
    }

    /** Scales the racks to the visible height (bars and headers take about 150 px). */
    public void fitToView() {
        double h = scroll.getHeight();
        if (h > 120) {
            model.fit(h - 124);
        }
    }

    void requestCanvasFocus() {
        requestFocus();
    }

    private void rebuild() {
        rackViews.clear();
        row.getChildren().clear();
        RackDesign d = model.document().design();
        for (RackInstance r : d.racks()) {
            RackSpec spec = model.rules().catalog().find(r.rackId(), RackSpec.class).orElse(null);
            if (spec == null) {
                Label missing = new Label(r.name() + ": unknown rack type " + r.rackId());
                row.getChildren().add(missing);
                continue;
            }
            RackView v = new RackView(this, r, spec, model.rules().catalog(), model.pixelsPerU());
            rackViews.add(v);
            row.getChildren().add(v);
        }
        if (d.racks().isEmpty()) {
            Label empty = new Label("No racks yet: use \"Add rack\" or drag a rack type from the palette here.");
            empty.setId("canvas-empty");
            empty.getStyleClass().add(Styles.MUTED);
            row.getChildren().add(empty);
        }
        zoomLabel.setText(String.format(Locale.ROOT, "%.0f px/U", model.pixelsPerU()));
        markSelection();
        showFindings();
        showFigures();
    }

    private void markSelection() {
        Set<String> flagged = new HashSet<>();
        for (DesignFinding f : model.findingsProperty().get()) {
            if (f.pinpointsItems()) {
                flagged.addAll(f.itemIds());
            }
        }
        for (RackView v : rackViews) {
            v.markSelection(model.selection(), flagged);
        }
    }

    private void showFindings() {
        List<DesignFinding> all = model.findingsProperty().get();
        findingsList.getItems().setAll(all);
        long errors = all.stream().filter(f -> f.severity() == DesignFinding.Severity.ERROR).count();
        findingsTitle.setText("Findings (" + all.size() + ")" + (errors > 0 ? " · " + io.tokenrack.engine.catalog.Plural.of(errors, "error") : ""));
        for (RackView v : rackViews) {
            v.showFindings(all.stream().filter(f -> v.rackId().equals(f.rackId())).toList());
        }
        markSelection();
    }

    private void showFigures() {
        double rate = model.outputTokensPerSecond();
        if (rate != tokenFlow.flow().tokensPerSecond()) {
            tokenFlow.show(new TokenFlow(rate));
        }
        // while an edit's results are on their way the overlays keep showing the last ones: no glow and tint switched off
        // and on again for every edit (each switch restyles the item's nodes); a toggle or a rebuilt rack shows at once
        boolean keepOverlays = model.resultsPending() && overlaysShown == overlayState();
        overlaysShown = overlayState();
        for (RackView v : rackViews) {
            model.figures(v.rackId()).ifPresent(v::showFigures);
            if (!keepOverlays || !v.overlaysShown()) {
                v.showOverlays(heatToggle.isSelected() ? model.figures(v.rackId()).orElse(null) : null,
                        bottleneckToggle.isSelected() ? model.bottleneck().orElse(null) : null);
            }
        }
    }

    private int overlayState() {
        return (heatToggle.isSelected() ? 1 : 0) | (bottleneckToggle.isSelected() ? 2 : 0);
    }

    private void showMessage(CanvasModel.Message m) {
        message.setText(m.text().isEmpty() ? HINT : m.text());
        message.getStyleClass().remove(Styles.MESSAGE_ERROR);
        if (m.error()) {
            message.getStyleClass().add(Styles.MESSAGE_ERROR);
            message.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        } else {
            message.setGraphic(m.text().isEmpty() ? null : new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        }
    }

    // ---- item interaction, wired by RackView

    void wireItem(Node node, String placementId, RackView rack) {
        node.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                showItemMenu(node, placementId, e.getScreenX(), e.getScreenY());
                e.consume();
            } else {
                pressItem(placementId, rack, e);
            }
        });
        node.setOnMouseDragged(this::dragItem);
        node.setOnMouseReleased(this::releaseItem);
        node.setOnContextMenuRequested(e -> {
            showItemMenu(node, placementId, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private void showItemMenu(Node node, String placementId, double x, double y) {
        if (!model.selection().contains(placementId)) {
            model.select(placementId);
        }
        itemMenu.hide();
        itemMenu.show(node, x, y);
    }

    private void pressItem(String id, RackView rack, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        requestFocus();
        if (e.isShiftDown() || e.isShortcutDown() || e.isControlDown()) {
            model.toggle(id);
            dragAnchor = null;
            e.consume();
            return;
        }
        if (!model.selection().contains(id)) {
            model.select(id);
        }
        dragAnchor = id;
        dragFrom = rack;
        pressX = e.getSceneX();
        pressY = e.getSceneY();
        dragging = false;
        var placement = io.tokenrack.app.document.PlacementRules.findPlacement(model.document().design(), id).orElse(null);
        Integer pointerU = rack.uAtScene(pressX, pressY).orElse(null);
        grabOffsetU = placement == null || placement.positionU() == null || pointerU == null ? 0 : pointerU - placement.positionU();
        e.consume();
    }

    private void dragItem(MouseEvent e) {
        if (dragAnchor == null) {
            return;
        }
        double dx = e.getSceneX() - pressX;
        double dy = e.getSceneY() - pressY;
        if (!dragging && Math.hypot(dx, dy) < 4) {
            return;
        }
        dragging = true;
        double px = dragFrom.pxPerU();
        double snappedDy = Math.round(dy / px) * px;
        for (RackView v : rackViews) {
            for (Map.Entry<String, Node> en : v.itemNodes().entrySet()) {
                if (model.selection().contains(en.getKey())) {
                    en.getValue().setTranslateX(dx);
                    en.getValue().setTranslateY(snappedDy);
                    en.getValue().setViewOrder(-1);
                    en.getValue().getStyleClass().add("tr-dragging");
                }
            }
        }
        e.consume();
    }

    private void releaseItem(MouseEvent e) {
        if (dragAnchor == null) {
            return;
        }
        String anchor = dragAnchor;
        dragAnchor = null;
        if (!dragging) {
            return;
        }
        dragging = false;
        for (RackView v : rackViews) {
            for (Node n : v.itemNodes().values()) {
                n.setTranslateX(0);
                n.setTranslateY(0);
                n.setViewOrder(0);
                n.getStyleClass().remove("tr-dragging");
            }
        }
        Optional<Target> target = locate(e.getSceneX(), e.getSceneY());
        if (target.isEmpty()) {
            model.clearMessage();
            return;
        }
        model.moveSelection(anchor, target.get().rackId(), target.get().u() - grabOffsetU);
        e.consume();
    }

    /** A rack and the U under a scene point. */
    record Target(String rackId, int u) {}

    Optional<Target> locate(double sceneX, double sceneY) {
        for (RackView v : rackViews) {
            Optional<Integer> u = v.uAtScene(sceneX, sceneY);
            if (u.isPresent()) {
                return Optional.of(new Target(v.rackId(), u.get()));
            }
        }
        return Optional.empty();
    }

    private ContextMenu createItemMenu() {
        MenuItem delete = new MenuItem("Delete", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignD.DELETE_OUTLINE));
        delete.setId("menu-item-delete");
        delete.setOnAction(e -> model.deleteSelection());
        MenuItem all = new MenuItem("Select all in this rack");
        all.setOnAction(e -> model.selectAllIn(model.currentRack()));
        ContextMenu menu = new ContextMenu(delete, all);
        menu.setId("item-menu");
        return menu;
    }

    private final ContextMenu rackMenu = new ContextMenu();

    void showRackMenu(Node owner, String rackId, double x, double y) {
        MenuItem all = new MenuItem("Select all in this rack");
        all.setOnAction(e -> model.selectAllIn(rackId));
        MenuItem delete = new MenuItem("Delete rack", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignD.DELETE_OUTLINE));
        delete.setOnAction(e -> model.removeRack(rackId));
        rackMenu.getItems().setAll(all, delete);
        rackMenu.hide();
        rackMenu.show(owner, x, y);
    }

    /** For tests and the window: the rack views in order. */
    public List<String> rackIds() {
        return rackViews.stream().map(RackView::rackId).toList();
    }

    private static final class FindingCell extends ListCell<DesignFinding> {
        @Override
        protected void updateItem(DesignFinding f, boolean empty) {
            super.updateItem(f, empty);
            getStyleClass().removeAll("tr-finding-error", "tr-finding-warning", "tr-finding-info");
            if (empty || f == null) {
                setText(null);
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            Label text = new Label(f.message());
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            if (getListView() != null) {
                text.maxWidthProperty().bind(getListView().widthProperty().subtract(48));
            }
            setText(null);
            FontIcon icon = new FontIcon(switch (f.severity()) {
                case ERROR -> MaterialDesignA.ALERT_OCTAGON_OUTLINE;
                case WARNING -> MaterialDesignA.ALERT_OUTLINE;
                case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
            });
            getStyleClass().add("tr-finding-" + f.severity().name().toLowerCase(Locale.ROOT));
            HBox row = new HBox(6, icon, text);
            setGraphic(row);
            setAccessibleText(f.severity().name().toLowerCase(Locale.ROOT) + ": " + f.message());
        }
    }
}
