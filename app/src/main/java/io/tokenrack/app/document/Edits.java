package io.tokenrack.app.document;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;

import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every edit a user can make, as a command. Each is a small record; the canvas, inspector and
 * workload bar validate first and then create one of these.
 */
public final class Edits {
    private Edits() {}

    /** A catalog item dropped into a rack as a new placement with id {@code newId}. */
    public record PlaceItem(String rackInstanceId, String catalogId, Integer positionU, String newId, String itemName)
            implements DesignCommand {
        @Override
        public String description() {
            return "add " + itemName;
        }

        @Override
        public DocState apply(DocState s) {
            Placement p = new Placement(newId, catalogId, positionU, 1);
            return s.withDesign(mapRack(s.design(), rackInstanceId, r -> {
                List<Placement> items = new ArrayList<>(r.items());
                items.add(p);
                return r.withItems(items);
            }));
        }
    }

    /** Where one placement goes: a rack and its new lowest U (null for a 0U item). */
    public record Move(String placementId, String targetRackId, Integer positionU) {}

    /** Items moved to other slots or racks, all at once. */
    public record MoveItems(List<Move> moves) implements DesignCommand {
        public MoveItems {
            moves = List.copyOf(moves);
        }

        @Override
        public String description() {
            return moves.size() == 1 ? "move item" : "move " + moves.size() + " items";
        }

        @Override
        public DocState apply(DocState s) {
            Map<String, Move> byId = new LinkedHashMap<>();
            for (Move m : moves) {
                byId.put(m.placementId(), m);
            }
            Map<String, List<Placement>> arriving = new LinkedHashMap<>();
            List<RackInstance> racks = new ArrayList<>();
            for (RackInstance r : s.design().racks()) {
                List<Placement> kept = new ArrayList<>();
                for (Placement p : r.items()) {
                    Move m = byId.get(p.id());
                    if (m == null) {
                        kept.add(p);
                    } else {
                        arriving.computeIfAbsent(m.targetRackId(), k -> new ArrayList<>())
                                .add(new Placement(p.id(), p.catalogId(), m.positionU(), m.positionU() == null ? p.count() : 1));
                    }
                }
                racks.add(r.withItems(kept));
            }
            int found = arriving.values().stream().mapToInt(List::size).sum();
            if (found != byId.size()) {
                throw new InputException("some moved items are no longer in the design");
            }
            List<RackInstance> out = new ArrayList<>();
            for (RackInstance r : racks) {
                List<Placement> in = arriving.remove(r.id());
                if (in == null) {
                    out.add(r);
                } else {
                    List<Placement> items = new ArrayList<>(r.items());
                    items.addAll(in);
                    out.add(r.withItems(items));
                }
            }
            if (!arriving.isEmpty()) {
                throw new InputException("no rack '" + arriving.keySet().iterator().next() + "' in the design");
            }
            return s.withDesign(s.design().withRacks(out));
        }
    }

    /** Items deleted. */
    public record RemoveItems(Set<String> placementIds) implements DesignCommand {
        public RemoveItems {
            placementIds = Set.copyOf(placementIds);
        }

        @Override
        public String description() {
            return placementIds.size() == 1 ? "delete item" : "delete " + placementIds.size() + " items";
        }

        @Override
        public DocState apply(DocState s) {
            List<RackInstance> out = new ArrayList<>();
            for (RackInstance r : s.design().racks()) {
                out.add(r.withItems(r.items().stream().filter(p -> !placementIds.contains(p.id())).toList()));
            }
            return s.withDesign(s.design().withRacks(out));
        }
    }

    /** A placement's position or count changed in the inspector. */
    public record UpdatePlacement(String placementId, Integer positionU, int count) implements DesignCommand {
        @Override
        public String description() {
            return "change item";
        }

        @Override
        public DocState apply(DocState s) {
            List<RackInstance> out = new ArrayList<>();
            for (RackInstance r : s.design().racks()) {
                out.add(r.withItems(r.items().stream()
                        .map(p -> p.id().equals(placementId) ? new Placement(p.id(), p.catalogId(), positionU, count) : p)
                        .toList()));
            }
            return s.withDesign(s.design().withRacks(out));
        }
    }

    /** A new empty rack at the end of the row. */
    public record AddRack(RackInstance rack) implements DesignCommand {
        @Override
        public String description() {
            return "add rack";
        }

        @Override
        public DocState apply(DocState s) {
            List<RackInstance> out = new ArrayList<>(s.design().racks());
            out.add(rack);
            return s.withDesign(s.design().withRacks(out));
        }
    }

    /** A rack (and what is in it) removed. */
    public record RemoveRack(String rackInstanceId) implements DesignCommand {
        @Override
        public String description() {
            return "delete rack";
        }

        @Override
        public DocState apply(DocState s) {
            return s.withDesign(s.design().withRacks(
                    s.design().racks().stream().filter(r -> !r.id().equals(rackInstanceId)).toList()));
        }
    }

    /** A rack renamed or changed to another rack type. */
    public record UpdateRack(String rackInstanceId, String name, String rackId) implements DesignCommand {
        @Override
        public String description() {
            return "change rack";
        }

        @Override
        public DocState apply(DocState s) {
            return s.withDesign(mapRack(s.design(), rackInstanceId, r -> new RackInstance(r.id(), name, rackId, r.items())));
        }
    }

    /** The design's name and description. */
    public record RenameDesign(String name, String description) implements DesignCommand {
        @Override
        public String description() {
            return "rename design";
        }

        @Override
        public DocState apply(DocState s) {
            RackDesign d = s.design();
            return s.withDesign(new RackDesign(d.formatVersion(), name, description, d.racks(), d.workload()));
        }
    }

    /** The workload changed (model, lengths, concurrency, limits, parallelism). */
    public record SetWorkload(Workload workload, String what) implements DesignCommand {
        @Override
        public String description() {
            return "change " + what;
        }

        @Override
        public DocState apply(DocState s) {
            return s.withDesign(s.design().withWorkload(workload));
        }
    }

    /** The finance and facility assumptions changed. */
    public record SetAssumptions(Assumptions assumptions, String what) implements DesignCommand {
        @Override
        public String description() {
            return "change " + what;
        }

        @Override
        public DocState apply(DocState s) {
            return s.withAssumptions(assumptions);
        }
    }

    /** A fresh id for a new placement or rack: the prefix and the first number not yet used. */
    public static String freshId(RackDesign design, String prefix) {
        Set<String> used = new HashSet<>();
        for (RackInstance r : design.racks()) {
            used.add(r.id());
            for (Placement p : r.items()) {
                used.add(p.id());
            }
        }
        for (int i = 1; ; i++) {
            String id = prefix + "-" + i;
            if (!used.contains(id)) {
                return id;
            }
        }
    }

    private static RackDesign mapRack(RackDesign d, String rackInstanceId, java.util.function.UnaryOperator<RackInstance> f) {
        boolean found = false;
        List<RackInstance> out = new ArrayList<>();
        for (RackInstance r : d.racks()) {
            if (r.id().equals(rackInstanceId)) {
                out.add(f.apply(r));
                found = true;
            } else {
                out.add(r);
            }
        }
        if (!found) {
            throw new InputException("no rack '" + rackInstanceId + "' in the design");
        }
        return d.withRacks(out);
    }
}
