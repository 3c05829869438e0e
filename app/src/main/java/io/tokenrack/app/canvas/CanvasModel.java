package io.tokenrack.app.canvas;

import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.Edits;
import io.tokenrack.app.document.ItemFacts;
import io.tokenrack.app.document.PlacementRules;
import io.tokenrack.app.results.Results;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackLoad;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.RackDraw;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The rack canvas's model: selection, the current rack, zoom, the last message, findings and each
 * rack's budgets. Every change to the design goes through a command on the document, and every
 * drop or move is checked against the catalog first; a refusal becomes the visible message.
 */
public final class CanvasModel {
    public static final double MIN_PX_PER_U = 6;
    public static final double MAX_PX_PER_U = 48;
    public static final double DEFAULT_PX_PER_U = 16;

    /** A line shown above the racks: what just happened, or why an edit was refused. */
    public record Message(String text, boolean error) {
        public static final Message NONE = new Message("", false);
    }

    /**
     * One rack's figures for its bars: the engine's load of the rack ({@link RackLoad}: the same
     * sums the design check and the drop rules use) and, when evaluated, the modelled power (while
     * an edit that left the rack unchanged is being evaluated, the last modelled power).
     */
    public record RackFigures(RackLoad load, double modelledItWatts) {
        public boolean modelled() {
            return !Double.isNaN(modelledItWatts);
        }
    }

    private final DesignDocument document;
    private PlacementRules rules;
    private FindingsSource check;
    private final ObservableValue<Results> results;
    private final ReadOnlyObjectWrapper<Set<String>> selection = new ReadOnlyObjectWrapper<>(this, "selection", Set.of());
    private final ReadOnlyStringWrapper currentRack = new ReadOnlyStringWrapper(this, "currentRack");
    private final ReadOnlyDoubleWrapper pixelsPerU = new ReadOnlyDoubleWrapper(this, "pixelsPerU", DEFAULT_PX_PER_U);
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message", Message.NONE);
    private final ReadOnlyObjectWrapper<List<DesignFinding>> findings = new ReadOnlyObjectWrapper<>(this, "findings", List.of());
    private final ReadOnlyObjectWrapper<List<RackFigures>> figures = new ReadOnlyObjectWrapper<>(this, "figures", List.of());
    private Map<String, RackFigures> figuresByRack = Map.of();
    /** The engine's latest evaluation of the design (null: no workload): findings check power at its draw, or say why it failed. */
    private Evaluation lastEvaluation;

    public CanvasModel(DesignDocument document, PlacementRules rules, FindingsSource check, ObservableValue<Results> results) {
        this.document = document;
        this.rules = rules;
        this.check = check;
        this.results = results;
        initListeners();
        designChanged(null);
    }

    private void initListeners() {
        document.stateProperty().addListener((obs, before, after) -> designChanged(before == null ? null : before.design()));
        results.addListener((obs, before, after) -> {
            if (after != null && after.input().design().equals(document.design())) {
                lastEvaluation = after.evaluation();
                List<DesignFinding> checked = List.copyOf(check.check(document.design(), lastEvaluation));
                if (!checked.equals(findings.get())) {
                    findings.set(checked);
                }
            }
            setFigures(computeFigures());
        });
    }

    /**
     * The catalog changed (this computer measured again): placements are checked, and budgets and
     * findings computed, with {@code nextRules} and {@code nextCheck} from now on.
     */
    public void useCatalog(PlacementRules nextRules, FindingsSource nextCheck) {
        this.rules = nextRules;
        this.check = nextCheck;
        setFigures(computeFigures());
    }

    // ---- read-only state

    public DesignDocument document() {
        return document;
    }

    public PlacementRules rules() {
        return rules;
    }

    public ReadOnlyObjectProperty<Set<String>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Set<String> selection() {
        return selection.get();
    }

    /** The rack last clicked or dropped into: where the palette's "add" puts items. */
    public ReadOnlyStringProperty currentRackProperty() {
        return currentRack.getReadOnlyProperty();
    }

    public String currentRack() {
        return currentRack.get();
    }

    public ReadOnlyDoubleProperty pixelsPerUProperty() {
        return pixelsPerU.getReadOnlyProperty();
    }

    public double pixelsPerU() {
        return pixelsPerU.get();
    }

    public ReadOnlyObjectProperty<Message> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<DesignFinding>> findingsProperty() {
        return findings.getReadOnlyProperty();
    }

    /**
     * What binds the design at its operating point, when the latest results are of the design as it
     * is now and have numbers; empty otherwise (the canvas's bottleneck overlay).
     */
    public Optional<io.tokenrack.engine.evaluate.Bottleneck> bottleneck() {
        Results r = results.getValue();
        Evaluation.Ok e = r != null && r.input().design().equals(document.design()) ? r.numbers() : null;
        return e == null ? Optional.empty() : Optional.ofNullable(e.bottleneck());
    }

    /** Whether the design changed since the latest results (an edit's results are on their way). */
    public boolean resultsPending() {
        Results r = results.getValue();
        return r == null || !r.input().design().equals(document.design());
    }

    /**
     * The design's modelled output tokens a second at its operating point, when the latest results
     * are of the design as it is now and have numbers; 0 otherwise (the canvas's token flow).
     */
    public double outputTokensPerSecond() {
        Results r = results.getValue();
        Evaluation.Ok e = r != null && r.input().design().equals(document.design()) ? r.numbers() : null;
        return e == null ? 0 : e.throughput().outputTokensPerSecond();
    }

    public ReadOnlyObjectProperty<List<RackFigures>> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** One rack's figures, found by id (a map: the canvas asks once per rack). */
    public Optional<RackFigures> figures(String rackInstanceId) {
        return Optional.ofNullable(figuresByRack.get(rackInstanceId));
    }

    // ---- selection

    public void select(String placementId) {
        selectOnly(List.of(placementId));
    }

    /** Shift/Ctrl-click: adds or removes one item. */
    public void toggle(String placementId) {
        Set<String> s = new LinkedHashSet<>(selection.get());
        if (!s.remove(placementId)) {
            s.add(placementId);
        }
        setSelection(s);
    }

    public void selectOnly(Collection<String> placementIds) {
        setSelection(new LinkedHashSet<>(placementIds));
    }

    public void clearSelection() {
        setSelection(Set.of());
    }

    public void selectAllIn(String rackInstanceId) {
        PlacementRules.findRack(document.design(), rackInstanceId)
                .ifPresent(r -> selectOnly(r.items().stream().map(Placement::id).toList()));
    }

    /** Makes a rack current (clicking its frame); clears the item selection. */
    public void focusRack(String rackInstanceId) {
        currentRack.set(rackInstanceId);
        clearSelection();
    }

    /** Selects the items a finding names (and its rack). */
    public void showFinding(DesignFinding f) {
        if (f.rackId() != null) {
            currentRack.set(f.rackId());
        }
        selectOnly(f.itemIds());
    }

    private void setSelection(Set<String> s) {
        Set<String> kept = new LinkedHashSet<>();
        for (String id : s) {
            if (PlacementRules.findPlacement(document.design(), id).isPresent()) {
                kept.add(id);
            }
        }
        if (!kept.isEmpty()) {
            PlacementRules.rackOf(document.design(), kept.iterator().next()).ifPresent(r -> currentRack.set(r.id()));
        }
        selection.set(Set.copyOf(kept));
    }

    // ---- zoom

    public void zoomIn() {
        zoomTo(pixelsPerU.get() * 1.25);
    }

    public void zoomOut() {
        zoomTo(pixelsPerU.get() / 1.25);
    }

    public void zoomTo(double pxPerU) {
        pixelsPerU.set(Math.max(MIN_PX_PER_U, Math.min(MAX_PX_PER_U, pxPerU)));
    }

    /** Scales so the tallest rack fills {@code availableHeightPx}. */
    public void fit(double availableHeightPx) {
        int tallest = document.design().racks().stream()
                .mapToInt(r -> rules.catalog().find(r.rackId(), RackSpec.class).map(RackSpec::heightU).orElse(42))
                .max().orElse(42);
        zoomTo(Math.floor(availableHeightPx / tallest));
    }

    // ---- edits

    /** Why {@code catalogId} cannot go at {@code u} in the rack, or empty: for the drop preview. */
    public Optional<String> refusal(String catalogId, String rackInstanceId, Integer u) {
        return rules.refusal(document.design(), rackInstanceId, catalogId, u);
    }

    /**
     * A catalog item dropped on a rack at {@code u} (its lowest unit). A rack type dropped anywhere
     * adds a rack. Returns whether the design changed; a refusal sets the message.
     */
    public boolean drop(String catalogId, String rackInstanceId, Integer u) {
        CatalogItem item = rules.catalog().find(catalogId).orElse(null);
        if (item == null) {
            return refuse("'" + catalogId + "' is not in the catalog.");
        }
        if (item instanceof RackSpec) {
            return addRack(catalogId);
        }
        Integer pos = ItemFacts.heightU(item) == 0 ? null : u;
        Optional<String> why = rules.refusal(document.design(), rackInstanceId, catalogId, pos);
        if (why.isPresent()) {
            return refuse(why.get());
        }
        String id = Edits.freshId(document.design(), catalogId);
        return run(new Edits.PlaceItem(rackInstanceId, catalogId, pos, id, item.name()), () -> {
            String where = PlacementRules.findRack(document.design(), rackInstanceId).map(RackInstance::name).orElse(rackInstanceId);
            inform("Added " + item.name() + " to " + where + (pos == null ? "" : " at U" + pos) + ".");
            select(id);
        });
    }

    /** Adds an item to the current rack (or the first) at its lowest free slot: double-click / Enter in the palette. */
    public boolean addToCurrentRack(String catalogId) {
        CatalogItem item = rules.catalog().find(catalogId).orElse(null);
        if (item instanceof RackSpec) {
            return addRack(catalogId);
        }
        RackDesign d = document.design();
        String rack = currentRack.get() != null && PlacementRules.findRack(d, currentRack.get()).isPresent()
                ? currentRack.get() : d.racks().isEmpty() ? null : d.racks().getFirst().id();
        if (rack == null) {
            return refuse("Add a rack first: drag one from the Racks group onto the canvas.");
        }
        if (item == null) {
            return refuse("'" + catalogId + "' is not in the catalog.");
        }
        int h = ItemFacts.heightU(item);
        if (h == 0) {
            return drop(catalogId, rack, null);
        }
        Optional<Integer> u = rules.lowestFreeU(d, rack, h);
        if (u.isEmpty()) {
            String name = PlacementRules.findRack(d, rack).map(RackInstance::name).orElse(rack);
            return refuse("Refused: no room: " + name + " has no " + h + " U free for " + item.name() + ".");
        }
        return drop(catalogId, rack, u.get());
    }

    /**
     * Moves the selection (which must contain {@code anchorId}) so that the anchor's lowest unit
     * lands at {@code anchorU} in {@code targetRack}; the others keep their offsets.
     */
    public boolean moveSelection(String anchorId, String targetRack, int anchorU) {
        RackDesign d = document.design();
        Set<String> moving = selection.get().contains(anchorId) ? selection.get() : Set.of(anchorId);
        Placement anchor = PlacementRules.findPlacement(d, anchorId).orElse(null);
        if (anchor == null || anchor.positionU() == null) {
            return false;
        }
        int delta = anchorU - anchor.positionU();
        List<Edits.Move> moves = new ArrayList<>();
        List<PlacementRules.Request> requests = new ArrayList<>();
        boolean sameRack = true;
        for (String id : moving) {
            Placement p = PlacementRules.findPlacement(d, id).orElseThrow();
            Integer u = p.positionU() == null ? null : p.positionU() + delta;
            moves.add(new Edits.Move(id, targetRack, u));
            requests.add(new PlacementRules.Request(p.catalogId(), u));
            sameRack &= PlacementRules.rackOf(d, id).map(r -> r.id().equals(targetRack)).orElse(false);
        }
        if (delta == 0 && sameRack) {
            return false;
        }
        Optional<String> why = rules.refusal(d, targetRack, requests, moving);
        if (why.isPresent()) {
            return refuse(why.get());
        }
        Set<String> keep = Set.copyOf(moving);
        return run(new Edits.MoveItems(moves), () -> {
            inform(moves.size() == 1 ? "Moved to U" + anchorU + "." : "Moved " + moves.size() + " items.");
            selectOnly(keep);
        });
    }

    public boolean deleteSelection() {
        if (selection.get().isEmpty()) {
            return false;
        }
        int n = selection.get().size();
        return run(new Edits.RemoveItems(selection.get()), () -> inform("Deleted " + (n == 1 ? "1 item" : n + " items") + "."));
    }

    public boolean addRack(String rackSpecId) {
        RackSpec spec = rules.catalog().find(rackSpecId, RackSpec.class).orElse(null);
        if (spec == null) {
            return refuse("'" + rackSpecId + "' is not a rack type.");
        }
        RackDesign d = document.design();
        String id = Edits.freshId(d, "rack");
        int n = d.racks().size() + 1;
        while (hasRackNamed(d, "Rack " + n)) {
            n++;
        }
        String name = "Rack " + n;
        return run(new Edits.AddRack(new RackInstance(id, name, rackSpecId, List.of())), () -> {
            inform("Added " + name + " (" + spec.name() + ").");
            focusRack(id);
        });
    }

    private static boolean hasRackNamed(RackDesign d, String name) {
        return d.racks().stream().anyMatch(r -> r.name().equals(name));
    }

    public boolean removeRack(String rackInstanceId) {
        return run(new Edits.RemoveRack(rackInstanceId), () -> inform("Deleted the rack."));
    }

    public void clearMessage() {
        message.set(Message.NONE);
    }

    private boolean refuse(String why) {
        message.set(new Message(why, true));
        return false;
    }

    private void inform(String text) {
        message.set(new Message(text, false));
    }

    private boolean run(io.tokenrack.app.document.DesignCommand command, Runnable after) {
        try {
            document.execute(command);
        } catch (InputException e) {
            return refuse(e.getMessage());
        }
        after.run();
        return true;
    }

    // ---- derived state

    private void designChanged(RackDesign before) {
        RackDesign d = document.design();
        findings.set(List.copyOf(check.check(d, lastEvaluation)));
        setFigures(computeFigures());
        setSelection(selection.get());
        if (currentRack.get() != null && PlacementRules.findRack(d, currentRack.get()).isEmpty()) {
            currentRack.set(null);
        }
    }

    private void setFigures(List<RackFigures> computed) {
        Map<String, RackFigures> byRack = new HashMap<>();
        computed.forEach(f -> byRack.put(f.load().rackId(), f));
        figuresByRack = byRack;
        figures.set(computed);
    }

    private List<RackFigures> computeFigures() {
        Results r = results.getValue();
        boolean current = r != null && r.input().design().equals(document.design());
        Evaluation.Ok e = current ? r.numbers() : null;
        List<RackFigures> out = new ArrayList<>();
        for (RackInstance rack : document.design().racks()) {
            RackLoad load = rules.load(rack);
            // the engine's modelled draw of this rack at the operating point
            double modelled = e == null ? Double.NaN
                    : e.racks().stream().filter(d -> d.rackId().equals(rack.id())).mapToDouble(RackDraw::itWatts).findFirst().orElse(Double.NaN);
            RackFigures before = figuresByRack.get(rack.id());
            if (r != null && !current && before != null && before.load().equals(load)) {
                // an edit that left this rack as it was (the workload, another rack): its last modelled draw stays until the
                // edit's results replace it, instead of the bars switching to the nameplate and back within a frame or two
                modelled = before.modelledItWatts();
            }
            out.add(new RackFigures(load, modelled));
        }
        return List.copyOf(out);
    }
}
