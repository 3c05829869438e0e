package io.tokenrack.app.canvas;

import io.tokenrack.app.document.ItemFacts;
import io.tokenrack.app.document.LoadText;
import io.tokenrack.app.palette.CatalogDrag;
import io.tokenrack.app.theme.KindStyle;
import io.tokenrack.app.theme.Styles;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackLoad;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * One rack as a front elevation drawn to scale: U numbers up the side, each item as a box of its
 * height in its kind's colour, 0U items as chips below, and bars for space, power, heat and weight.
 * Built by {@link RackCanvasView}, which handles the interaction.
 */
final class RackView extends VBox {
    static final double U_LABEL_WIDTH = 28;
    static final double BARS_WIDTH = 150;

    private final RackCanvasView canvas;
    private final RackInstance rack;
    private final RackSpec spec;
    private final double px;
    private final double itemWidth;
    private final Pane elevation = new Pane();
    private final Region dropPreview = new Region();
    private final Label findingsBadge = new Label();
    private final Map<String, Node> itemNodes = new LinkedHashMap<>();
    /** The catalog item of each item placed at a U, for the overlays. */
    private final Map<String, CatalogItem> placed = new LinkedHashMap<>();
    private final Map<String, Node> heatNodes = new LinkedHashMap<>();
    private boolean overlaysShown;
    private final BudgetBar space;
    private final BudgetBar power;
    private final BudgetBar heat;
    private final BudgetBar weight;

    RackView(RackCanvasView canvas, RackInstance rack, RackSpec spec, Catalog catalog, double pxPerU) {
        this.canvas = canvas;
        this.rack = rack;
        this.spec = spec;
        this.px = pxPerU;
        this.itemWidth = Math.max(170, Math.min(360, pxPerU * 12));
        setId("rack-" + rack.id());
        getStyleClass().add(Styles.RACK);
        setSpacing(6);
        setFillWidth(false);
        setAccessibleText(rack.name() + ", " + spec.name());

        Label title = new Label(rack.name());
        title.getStyleClass().add(Styles.RACK_TITLE);
        title.setId("rack-title-" + rack.id());
        // a design with GPUs and LPUs serves with attention–FFN disaggregation: say which pool this rack is
        String pool = io.tokenrack.engine.evaluate.AcceleratorPools.role(catalog, canvas.model().document().design(), rack)
                .map(r -> " · " + r).orElse("");
        Label sub = new Label(spec.heightU() + "U · " + spec.cooling().label() + " · " + Units.number(spec.powerBudgetKw()) + " kW" + pool);
        sub.getStyleClass().add(Styles.MUTED);
        Tooltip.install(sub, new Tooltip(spec.name()));
        findingsBadge.setId("rack-findings-" + rack.id());
        findingsBadge.getStyleClass().add("tr-findings-badge");
        findingsBadge.setGraphic(new FontIcon(MaterialDesignA.ALERT));
        findingsBadge.setVisible(false);
        findingsBadge.setManaged(false);
        Button delete = new Button(null, new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("rack-delete-" + rack.id());
        delete.getStyleClass().addAll("flat", "small", "button-icon");
        delete.setAccessibleText("Delete " + rack.name());
        delete.setTooltip(new Tooltip("Delete " + rack.name() + " and what is in it"));
        delete.setOnAction(e -> canvas.model().removeRack(rack.id()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox names = new VBox(0, title, sub);
        HBox header = new HBox(6, names, findingsBadge, spacer, delete);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPrefWidth(U_LABEL_WIDTH + itemWidth + 10 + BARS_WIDTH);
        header.setOnMouseClicked(e -> canvas.model().focusRack(rack.id()));

        buildElevation(catalog);

        FlowPane zeroU = new FlowPane(4, 4);
        zeroU.setId("rack-0u-" + rack.id());
        zeroU.getStyleClass().add(Styles.ZERO_U);
        zeroU.setPrefWrapLength(U_LABEL_WIDTH + itemWidth);
        zeroU.setMaxWidth(U_LABEL_WIDTH + itemWidth);
        for (Placement p : rack.items()) {
            if (p.positionU() == null) {
                catalog.find(p.catalogId()).ifPresent(item -> zeroU.getChildren().add(zeroUChip(p, item)));
            }
        }
        if (zeroU.getChildren().isEmpty()) {
            Label none = new Label("0U: none (drop doors, NICs, optics here)");
            none.getStyleClass().add(Styles.MUTED);
            zeroU.getChildren().add(none);
        }
        zeroU.setOnDragOver(this::dragOverZeroU);
        zeroU.setOnDragDropped(e -> dropped(e, null));

        space = new BudgetBar("bar-space-" + rack.id(), "Space");
        power = new BudgetBar("bar-power-" + rack.id(), "Power");
        heat = new BudgetBar("bar-heat-" + rack.id(), "Heat");
        weight = new BudgetBar("bar-weight-" + rack.id(), "Weight");
        VBox bars = new VBox(8, space, power, heat, weight);
        bars.setId("rack-bars-" + rack.id());
        bars.setPrefWidth(BARS_WIDTH);
        bars.setMinWidth(BARS_WIDTH);
        bars.setMaxWidth(BARS_WIDTH);
        HBox body = new HBox(10, elevation, bars);
        getChildren().addAll(header, body, zeroU);
    }

    private void buildElevation(Catalog catalog) {
        double h = spec.heightU() * px;
        elevation.setId("rack-elevation-" + rack.id());
        elevation.getStyleClass().add(Styles.RACK_FRAME);
        elevation.setPrefSize(U_LABEL_WIDTH + itemWidth, h);
        elevation.setMinSize(U_LABEL_WIDTH + itemWidth, h);
        elevation.setMaxSize(U_LABEL_WIDTH + itemWidth, h);
        int labelEvery = px >= 11 ? 1 : px >= 6 ? 2 : 5;
        Set<Integer> occupied = occupiedU(catalog);
        for (int u = 1; u <= spec.heightU(); u++) {
            double y = (spec.heightU() - u) * px;
            Region slot = new Region();
            slot.getStyleClass().add(Styles.RACK_SLOT);
            if (!occupied.contains(u)) {
                slot.getStyleClass().add(BLANK); // an empty unit shows a blanking panel
            }
            slot.resizeRelocate(U_LABEL_WIDTH, y, itemWidth, px);
            slot.setMouseTransparent(true);
            // sized by hand: as a managed child the Pane would shrink it to its (empty) preferred size
            slot.setManaged(false);
            elevation.getChildren().add(slot);
            if (u % labelEvery == 0 || u == 1) {
                Text t = new Text(String.valueOf(u));
                t.getStyleClass().add(Styles.RACK_U_LABEL);
                t.setX(4);
                t.setY(y + Math.min(px, 12) - 2 + Math.max(0, (px - 12) / 2));
                t.setMouseTransparent(true);
                elevation.getChildren().add(t);
            }
        }
        dropPreview.getStyleClass().add(Styles.DROP_PREVIEW);
        dropPreview.setVisible(false);
        dropPreview.setMouseTransparent(true);
        // placed by hand in dragOver: a managed child would be shrunk back to its 4-pixel border at the next layout pass
        dropPreview.setManaged(false);
        elevation.getChildren().add(dropPreview);
        for (Placement p : rack.items()) {
            if (p.positionU() == null) {
                continue;
            }
            CatalogItem item = catalog.find(p.catalogId()).orElse(null);
            if (item == null) {
                continue;
            }
            int hu = Math.max(1, ItemFacts.heightU(item));
            Node n = itemNode(p, item, hu);
            placed.put(p.id(), item);
            n.relocate(U_LABEL_WIDTH + 1, (spec.heightU() - (p.positionU() + hu - 1)) * px + 1);
            elevation.getChildren().add(n);
            itemNodes.put(p.id(), n);
        }
        elevation.setOnMouseClicked(e -> {
            if (e.getTarget() == elevation) {
                canvas.model().focusRack(rack.id());
                canvas.requestCanvasFocus();
            }
        });
        elevation.setOnDragOver(this::dragOver);
        elevation.setOnDragExited(e -> dropPreview.setVisible(false));
        elevation.setOnDragDropped(e -> dropped(e, uAt(e.getY())));
        elevation.setOnContextMenuRequested(e -> {
            if (e.getTarget() == elevation) {
                canvas.showRackMenu(elevation, rack.id(), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    /** The style class of an empty unit's slot: drawn as a blanking panel. */
    static final String BLANK = "tr-rack-blank";
    /** The style class of an item drawn with its front-face art. */
    static final String ART_ITEM = "tr-art-item";
    /** The share of a drawn face's width its name label may cover. */
    private static final double LABEL_SHARE = 0.6;

    private Set<Integer> occupiedU(Catalog catalog) {
        Set<Integer> used = new java.util.HashSet<>();
        for (Placement p : rack.items()) {
            if (p.positionU() != null) {
                int hu = Math.max(1, catalog.find(p.catalogId()).map(ItemFacts::heightU).orElse(1));
                for (int u = p.positionU(); u < p.positionU() + hu; u++) {
                    used.add(u);
                }
            }
        }
        return used;
    }

    private Node itemNode(Placement p, CatalogItem item, int hu) {
        KindStyle kind = KindStyle.of(item);
        StackPane box = new StackPane();
        box.setId("item-" + p.id());
        box.getStyleClass().addAll(Styles.RACK_ITEM, kind.styleClass());
        box.setPrefSize(itemWidth - 2, hu * px - 2);
        box.setMinSize(itemWidth - 2, hu * px - 2);
        box.setMaxSize(itemWidth - 2, hu * px - 2);
        if (px >= 5) { // too small to show anything but the colour below that
            box.getStyleClass().add(ART_ITEM);
            box.getChildren().add(RackArt.face(item, hu, itemWidth - 2, hu * px - 2));
        }
        int top = p.positionU() + hu - 1;
        String where = hu == 1 ? "U" + p.positionU() : "U" + p.positionU() + "–U" + top;
        if (hu * px >= 9) {
            Label l = new Label(item.name() + (hu * px >= 30 ? "\n" + p.id() + " · " + where : " · " + where));
            l.getStyleClass().add("tr-rack-item-label");
            l.setMouseTransparent(true);
            l.setMaxWidth(itemWidth - 10);
            if (hu * px < 18) {
                l.getStyleClass().add("tr-rack-item-label-small");
            }
            StackPane.setAlignment(l, Pos.CENTER_LEFT);
            if (box.getStyleClass().contains(ART_ITEM)) {
                // over the middle of the face, leaving the bays, handles and ports at the sides in view
                // a narrow face: the name first, leaving room on the right for the heat map's kW
                l.setMaxWidth(itemWidth >= 260 ? (itemWidth - 10) * LABEL_SHARE : itemWidth - 62);
                StackPane.setAlignment(l, itemWidth >= 260 ? Pos.CENTER : Pos.CENTER_LEFT);
            }
            box.getChildren().add(l);
        }
        box.setAccessibleText(item.name() + " " + p.id() + " at " + where);
        Tooltip.install(box, new Tooltip(item.name() + " (" + p.id() + ")\n" + where + " · " + kind.title()
                + "\nDrag to move · Shift/Ctrl-click to select more · Delete removes"));
        canvas.wireItem(box, p.id(), this);
        return box;
    }

    private Node zeroUChip(Placement p, CatalogItem item) {
        KindStyle kind = KindStyle.of(item);
        Label chip = new Label(item.name() + (p.count() > 1 ? " × " + p.count() : ""), kind.newIcon());
        chip.setId("item-" + p.id());
        chip.getStyleClass().addAll(Styles.CHIP, Styles.RACK_ITEM, kind.styleClass());
        chip.setAccessibleText(item.name() + " " + p.id() + ", 0U" + (p.count() > 1 ? ", count " + p.count() : ""));
        Tooltip.install(chip, new Tooltip(item.name() + " (" + p.id() + "), no rack units"));
        canvas.wireItem(chip, p.id(), this);
        itemNodes.put(p.id(), chip);
        return chip;
    }

    String rackId() {
        return rack.id();
    }

    RackSpec spec() {
        return spec;
    }

    double pxPerU() {
        return px;
    }

    Pane elevation() {
        return elevation;
    }

    Map<String, Node> itemNodes() {
        return itemNodes;
    }

    /** The U at a y coordinate of the elevation (1 at the bottom), clamped to the rack. */
    int uAt(double y) {
        int fromTop = (int) Math.floor(y / px);
        return Math.max(1, Math.min(spec.heightU(), spec.heightU() - fromTop));
    }

    /** The U under a scene point, if the point is over this rack's elevation (a little slack at the sides). */
    Optional<Integer> uAtScene(double sceneX, double sceneY) {
        var local = elevation.sceneToLocal(sceneX, sceneY);
        if (local == null || local.getX() < -12 || local.getX() > elevation.getWidth() + 12) {
            return Optional.empty();
        }
        if (local.getY() < -px * 4 || local.getY() > elevation.getHeight() + px * 4) {
            return Optional.empty();
        }
        int fromTop = (int) Math.floor(local.getY() / px);
        return Optional.of(spec.heightU() - fromTop);
    }

    void markSelection(Set<String> selected, Set<String> flagged) {
        itemNodes.forEach((id, n) -> {
            Styles.set(n.getStyleClass(), Styles.RACK_ITEM_SELECTED, selected.contains(id));
            Styles.set(n.getStyleClass(), Styles.RACK_ITEM_FLAGGED, flagged.contains(id));
        });
    }

    void showFindings(List<DesignFinding> mine) {
        long errors = mine.stream().filter(f -> f.severity() == DesignFinding.Severity.ERROR).count();
        long others = mine.size() - errors;
        boolean any = errors + mine.stream().filter(f -> f.severity() == DesignFinding.Severity.WARNING).count() > 0;
        findingsBadge.setVisible(any);
        findingsBadge.setManaged(any);
        findingsBadge.setText(errors > 0 ? String.valueOf(errors) : String.valueOf(others));
        Styles.choose(findingsBadge.getStyleClass(), errors > 0 ? "tr-badge-error" : "tr-badge-warning", "tr-badge-error", "tr-badge-warning");
        findingsBadge.setAccessibleText(mine.size() + " findings");
        if (any) {
            findingsBadge.setTooltip(new Tooltip(String.join("\n", mine.stream().map(DesignFinding::message).toList())));
        }
    }

    /**
     * The overlays: with {@code heat}, each accelerator-carrying item coloured by its share of the
     * rack's modelled draw (the engine splits a rack's draw by its accelerators, hosts and network
     * included), per rack unit; with {@code binding}, the items of what binds glow. Null turns an
     * overlay off.
     */
    /** Whether the overlays were drawn on this view's nodes (not yet, right after it was built). */
    boolean overlaysShown() {
        return overlaysShown;
    }

    void showOverlays(CanvasModel.RackFigures heat, io.tokenrack.engine.evaluate.Bottleneck binding) {
        overlaysShown = true;
        int accelerators = 0;
        for (CatalogItem item : placed.values()) {
            accelerators += item instanceof io.tokenrack.engine.catalog.ServerSpec s ? s.acceleratorCount() : 0;
        }
        for (var entry : placed.entrySet()) {
            if (!(itemNodes.get(entry.getKey()) instanceof StackPane box)) {
                continue;
            }
            CatalogItem item = entry.getValue();
            int count = item instanceof io.tokenrack.engine.catalog.ServerSpec s ? s.acceleratorCount() : 0;
            Node old = heatNodes.get(entry.getKey());
            if (heat != null && heat.modelled() && count > 0 && accelerators > 0) {
                double watts = heat.modelledItWatts() * count / accelerators;
                int hu = Math.max(1, ItemFacts.heightU(item));
                if (old instanceof StackPane tint && box.getChildren().contains(tint)) {
                    RackOverlays.repaint(tint, watts, hu); // the same tint, another draw
                    tint.setVisible(true);
                } else {
                    Node n = RackOverlays.heat(watts, hu, box.getPrefWidth(), box.getPrefHeight());
                    heatNodes.put(entry.getKey(), n);
                    // over the face, under the name
                    boolean drawn = !box.getChildren().isEmpty() && box.getChildren().get(0).getStyleClass().contains("tr-art");
                    box.getChildren().add(drawn ? 1 : 0, n);
                }
            } else if (old != null && heat != null && count > 0) {
                old.setVisible(false); // no modelled draw until the edit's results arrive: hidden, kept for them
            } else if (old != null) {
                heatNodes.remove(entry.getKey());
                box.getChildren().remove(old);
            }
            io.tokenrack.app.theme.Styles.set(box.getStyleClass(), RackOverlays.BINDING, binding != null && RackOverlays.binds(binding, item));
        }
    }

    void showFigures(CanvasModel.RackFigures f) {
        RackLoad l = f.load();
        space.set(l.usedU() + " / " + l.heightU() + " U", l.uFraction(), Double.NaN,
                l.usedU() + " of " + l.heightU() + " rack units used, " + l.freeU() + " free");
        String nameplate = LoadText.kw(l.nameplate());
        String budget = Units.number(l.powerBudgetWatts() / 1000);
        String powerHelp = "Nameplate maximum (datasheets): " + nameplate + " kW of the rack's "
                + Units.kw(l.powerBudgetWatts()) + " budget." + LoadText.caveat(l.nameplate());
        if (f.modelled()) {
            // the modelled draw against the budget; the datasheet maximum on a line of its own
            String nameplateLine = l.nameplate().watts() > 0 ? "nameplate " + nameplate + " kW" : "nameplate not published";
            power.set(Units.number(f.modelledItWatts() / 1000) + " / " + budget + " kW modelled\n" + nameplateLine,
                    f.modelledItWatts() / l.powerBudgetWatts(), l.powerFraction(),
                    "Modelled average draw at the operating point: " + Units.kw(f.modelledItWatts()) + " (dark).\n" + powerHelp + " (light)");
        } else {
            power.set(nameplate + " / " + budget + " kW\nnameplate (datasheets)", l.powerFraction(), Double.NaN, powerHelp);
        }
        double heatW = f.modelled() ? f.modelledItWatts() : l.heatWatts();
        String cooling = l.coolingFromUnits() ? "by cooling units" : "room air";
        heat.set((f.modelled() ? Units.number(heatW / 1000) : nameplate) + " / " + Units.number(l.coolingCapacityWatts() / 1000) + " kW\n" + cooling,
                heatW / l.coolingCapacityWatts(), f.modelled() ? l.heatWatts() / l.coolingCapacityWatts() : Double.NaN,
                (f.modelled() ? "Modelled heat " : "Heat at nameplate ") + Units.kw(heatW) + " against "
                        + (l.coolingFromUnits() ? "the cooling units in this rack (" : "room air, the rack having no cooling unit (")
                        + Units.kw(l.coolingCapacityWatts()) + "). All electrical power becomes heat.");
        String partial = l.weightComplete() ? "" : " Some items publish no weight: the total is a lower bound.";
        String kg = (l.weightComplete() ? "" : "≥ ") + Units.kg(l.weightKg());
        if (l.weightKg() == 0 && !l.weightComplete()) {
            weight.set("not published", 0, Double.NaN, "No item in this rack publishes its weight" + (l.maxWeightKg() != null
                    ? "; the rack holds " + Units.kg(l.maxWeightKg()) : ", and the rack type gives no limit"));
        } else if (l.maxWeightKg() != null) {
            weight.set(kg + " / " + Units.kg(l.maxWeightKg()), l.weightFraction(), Double.NaN,
                    "Published weights of the items against the rack's limit." + partial);
        } else if (l.weightKg() == 0) {
            weight.set("not published", 0, Double.NaN, "No item in this rack publishes its weight, and the rack type gives no limit");
        } else {
            weight.set(kg + "\nno rack limit given", 0, Double.NaN,
                    "Published weights of the items; the rack type gives no weight limit." + partial);
        }
    }

    private void dragOver(DragEvent e) {
        String id = draggedId(e);
        if (id == null) {
            return;
        }
        e.acceptTransferModes(TransferMode.COPY);
        int h = canvas.model().rules().catalog().find(id).map(ItemFacts::heightU).orElse(0);
        if (h > 0) {
            int u = uAt(e.getY());
            boolean ok = canvas.model().refusal(id, rack.id(), u).isEmpty();
            int top = Math.min(spec.heightU(), u + h - 1);
            dropPreview.resizeRelocate(U_LABEL_WIDTH, (spec.heightU() - top) * px, itemWidth, (top - u + 1) * px);
            dropPreview.getStyleClass().remove(Styles.DROP_PREVIEW_BAD);
            if (!ok) {
                dropPreview.getStyleClass().add(Styles.DROP_PREVIEW_BAD);
            }
            dropPreview.setVisible(true);
        }
        e.consume();
    }

    private void dragOverZeroU(DragEvent e) {
        if (draggedId(e) != null) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        }
    }

    private void dropped(DragEvent e, Integer u) {
        dropPreview.setVisible(false);
        String id = draggedId(e);
        if (id == null) {
            return;
        }
        boolean ok = canvas.model().drop(id, rack.id(), u);
        e.setDropCompleted(ok);
        e.consume();
    }

    private static String draggedId(DragEvent e) {
        Object o = e.getDragboard().getContent(CatalogDrag.CATALOG_ID);
        return o instanceof String s ? s : null;
    }
}
