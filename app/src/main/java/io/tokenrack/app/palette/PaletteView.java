package io.tokenrack.app.palette;

import io.tokenrack.app.theme.Styles;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The palette: a search field over the catalog grouped by kind. Entries are dragged into racks
 * (platform drag-and-drop carrying the catalog id); double-click or Enter adds one to the current
 * rack at its lowest free slot.
 */
public final class PaletteView extends VBox {
    private final PaletteModel model;
    private final Consumer<String> onActivate;
    private final CustomTextField search = new CustomTextField();
    private final TreeView<Object> tree = new TreeView<>();

    /** @param onActivate called with a catalog id when an entry is double-clicked or Enter is pressed on it */
    public PaletteView(PaletteModel model, Consumer<String> onActivate) {
        this.model = model;
        this.onActivate = onActivate;
        createView();
        initListeners();
        rebuild();
    }

    private void createView() {
        setId("palette");
        getStyleClass().addAll(Styles.PANEL, "tr-palette");
        setSpacing(8);
        Label title = new Label("Palette");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        search.setId("palette-search");
        search.setPromptText("Search hardware…");
        search.setAccessibleText("Search the hardware catalog");
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        tree.setId("palette-tree");
        tree.setAccessibleText("Hardware catalog: drag an item into a rack");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>("catalog"));
        tree.setCellFactory(t -> new EntryCell());
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label hint = new Label("Drag into a rack · double-click adds to the selected rack");
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        getChildren().addAll(title, search, tree, hint);
    }

    private void initListeners() {
        search.textProperty().addListener((obs, before, after) -> model.search(after));
        model.groupsProperty().addListener((obs, before, after) -> rebuild());
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selectedCatalogId() != null) {
                onActivate.accept(selectedCatalogId());
                e.consume();
            }
        });
    }

    public TreeView<Object> tree() {
        return tree;
    }

    private String selectedCatalogId() {
        TreeItem<Object> sel = tree.getSelectionModel().getSelectedItem();
        return sel != null && sel.getValue() instanceof PaletteModel.Entry e ? e.item().id() : null;
    }

    private void rebuild() {
        TreeItem<Object> root = tree.getRoot();
        root.getChildren().clear();
        for (PaletteModel.Group g : model.groups()) {
            TreeItem<Object> gi = new TreeItem<>(g);
            gi.setExpanded(true);
            for (PaletteModel.Entry e : g.entries()) {
                gi.getChildren().add(new TreeItem<>(e));
            }
            root.getChildren().add(gi);
        }
    }

    /** A group header (icon, kind, count) or an entry (icon, name, one-line summary, tooltip, drag source). */
    private final class EntryCell extends TreeCell<Object> {
        /*
         * No drag image: taking a snapshot while the button is down (the former picture of the
         * entry) cut the X11/GTK mouse stream, so no drag was ever detected with a real mouse, and
         * an opaque picture would hide the rack's own drop preview (where the item lands, green or
         * red), which is the feedback that matters.
         */
        EntryCell() {
            setOnDragDetected(e -> {
                if (getItem() instanceof PaletteModel.Entry entry) {
                    Dragboard db = startDragAndDrop(TransferMode.COPY);
                    ClipboardContent content = new ClipboardContent();
                    content.put(CatalogDrag.CATALOG_ID, entry.item().id());
                    content.putString(entry.item().id());
                    db.setContent(content);
                    e.consume();
                }
            });
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof PaletteModel.Entry entry) {
                    onActivate.accept(entry.item().id());
                }
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("tr-palette-group", "tr-palette-entry");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                setId(null);
                setAccessibleText(null);
                return;
            }
            if (item instanceof PaletteModel.Group g) {
                getStyleClass().add("tr-palette-group");
                setId("palette-group-" + g.kind().name().toLowerCase(java.util.Locale.ROOT));
                Label l = new Label(g.kind().title() + " (" + g.entries().size() + ")");
                l.setGraphic(g.kind().newIcon());
                setGraphic(l);
                setText(null);
                setTooltip(null);
                setAccessibleText(g.kind().title());
            } else if (item instanceof PaletteModel.Entry e) {
                getStyleClass().add("tr-palette-entry");
                setId("palette-item-" + e.item().id());
                Label name = new Label(e.title());
                name.getStyleClass().add("tr-palette-name");
                name.setWrapText(true);
                Label detail = new Label(e.detail());
                detail.getStyleClass().addAll(Styles.MUTED, "tr-palette-detail");
                detail.setWrapText(true);
                VBox text = new VBox(1, name, detail);
                text.setMinWidth(0);
                if (getTreeView() != null) {
                    text.maxWidthProperty().bind(getTreeView().widthProperty().subtract(104));
                }
                FontIcon icon = e.kind().newIcon();
                HBox box = new HBox(8, icon, text);
                box.getStyleClass().addAll("tr-palette-card", e.kind().styleClass());
                setGraphic(box);
                setText(null);
                Tooltip tip = new Tooltip(e.tooltip());
                tip.setShowDelay(Duration.millis(400));
                tip.setShowDuration(Duration.seconds(30));
                tip.setWrapText(true);
                tip.setMaxWidth(520);
                setTooltip(tip);
                setAccessibleText(e.title() + ", " + e.detail());
            }
        }
    }
}
