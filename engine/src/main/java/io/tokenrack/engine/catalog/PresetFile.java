package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The shape of every file under {@code presets/hardware} and {@code presets/models}: a format
 * version and any of the entry lists. Files may split the catalog however reads best.
 */
record PresetFile(
        @JsonProperty(required = true) int formatVersion,
        String description,
        List<AcceleratorSpec> accelerators,
        List<ServerSpec> servers,
        List<NetworkSpec> network,
        List<CoolingSpec> cooling,
        List<RackSpec> racks,
        List<PowerSpec> power,
        List<ModelSpec> models,
        FacilityDefaults facility) {

    static final int CURRENT_VERSION = 1;

    PresetFile {
        if (formatVersion != CURRENT_VERSION) {
            throw new InputException("formatVersion: this TokenRack reads version " + CURRENT_VERSION + ", the file says " + formatVersion);
        }
        accelerators = Checks.list("accelerators", accelerators);
        servers = Checks.list("servers", servers);
        network = Checks.list("network", network);
        cooling = Checks.list("cooling", cooling);
        racks = Checks.list("racks", racks);
        power = Checks.list("power", power);
        models = Checks.list("models", models);
    }
}
