package io.tokenrack.engine.design;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.workload.Workload;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A design: one or more racks side by side, what is placed in them, and optionally the workload
 * they serve. Saved as JSON; see docs/design-format.md.
 */
public record RackDesign(
        @JsonProperty(required = true) int formatVersion,
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) List<RackInstance> racks,
        Workload workload) {

    public static final int CURRENT_VERSION = 1;

    public RackDesign {
        if (formatVersion != CURRENT_VERSION) {
            throw new InputException("formatVersion: this TokenRack reads version " + CURRENT_VERSION + ", the file says " + formatVersion);
        }
        if (name == null || name.isBlank()) {
            throw new InputException("name: missing or empty");
        }
        racks = racks == null ? List.of() : List.copyOf(racks);
        Set<String> ids = new HashSet<>();
        for (RackInstance r : racks) {
            if (!ids.add(r.id())) {
                throw new InputException("racks: duplicate rack id '" + r.id() + "'");
            }
            for (Placement p : r.items()) {
                if (!ids.add(p.id())) {
                    throw new InputException("racks: duplicate item id '" + p.id() + "'");
                }
            }
        }
    }

    public RackDesign withRacks(List<RackInstance> newRacks) {
        return new RackDesign(formatVersion, name, description, newRacks, workload);
    }

    public RackDesign withWorkload(Workload w) {
        return new RackDesign(formatVersion, name, description, racks, w);
    }

    public RackDesign withName(String newName) {
        return new RackDesign(formatVersion, newName, description, racks, workload);
    }
}
