package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A rack-mounted system: an accelerator server, a compute tray of a rack-scale domain, or a
 * scale-up switch tray.
 *
 * @param maxPowerWatts   nameplate maximum power of the whole unit (vendor figure), null if unpublished
 * @param scaleUpDomain   name of the scale-up domain the unit belongs to (e.g. "NVL72"), null for standalone servers
 * @param switchTrayId    for a compute tray: the switch tray its domain needs
 * @param traysPerDomain  compute trays in one full domain (e.g. 18 for NVL72)
 * @param switchTraysPerDomain switch trays one full domain needs (e.g. 9 for NVL72)
 * @param nicId           scale-out NIC fitted, null if none
 * @param nicCount        how many of them
 * @param hostWattsPerAccelerator what the unit may draw beside its accelerators (host CPU, memory,
 *                        NICs, board, fans and the power supplies' loss), per accelerator, at the
 *                        wall: given where the parts differ from a GPU server's (an LPU tray), it
 *                        is the host's nameplate share instead of max − TDPs or the 575 W
 *                        assumption; null otherwise
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"provenance", "ranges"}) // read by FigureReader into ItemFigures
public record ServerSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String vendor,
        @JsonProperty(required = true) Role role,
        String acceleratorId,
        @JsonProperty(required = true) int acceleratorCount,
        @JsonProperty(required = true) int heightU,
        Double maxPowerWatts,
        Double weightKg,
        @JsonProperty(required = true) CoolingType cooling,
        String scaleUpDomain,
        String switchTrayId,
        Integer traysPerDomain,
        Integer switchTraysPerDomain,
        String nicId,
        Integer nicCount,
        Double priceUsdEstimate,
        String priceNote,
        String notes,
        @JsonProperty(required = true) List<String> sources,
        Double hostWattsPerAccelerator) implements CatalogItem {

    /** What the unit does in a rack. */
    public enum Role {
        SERVER("server"), COMPUTE_TRAY("compute-tray"), SWITCH_TRAY("switch-tray");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    public ServerSpec {
        Checks.text("id", id);
        Checks.text("name", name);
        Checks.text("vendor", vendor);
        Checks.present("role", role);
        Checks.present("cooling", cooling);
        Checks.nonNegative("acceleratorCount", acceleratorCount);
        if (acceleratorCount > 0 && (acceleratorId == null || acceleratorId.isBlank())) {
            throw new InputException("acceleratorId: required when acceleratorCount is " + acceleratorCount);
        }
        if (acceleratorCount == 0 && acceleratorId != null) {
            throw new InputException("acceleratorCount: must be positive when acceleratorId is given");
        }
        Checks.positive("heightU", heightU);
        Checks.positiveOrAbsent("maxPowerWatts", maxPowerWatts);
        Checks.positiveOrAbsent("weightKg", weightKg);
        Checks.positiveOrAbsent("traysPerDomain", traysPerDomain);
        Checks.positiveOrAbsent("switchTraysPerDomain", switchTraysPerDomain);
        Checks.positiveOrAbsent("nicCount", nicCount);
        if ((nicId == null) != (nicCount == null)) {
            throw new InputException("nicCount: nicId and nicCount must be given together");
        }
        Checks.positiveOrAbsent("priceUsdEstimate", priceUsdEstimate);
        Checks.positiveOrAbsent("hostWattsPerAccelerator", hostWattsPerAccelerator);
        if (hostWattsPerAccelerator != null && acceleratorCount == 0) {
            throw new InputException("hostWattsPerAccelerator: only a unit with accelerators has a share per accelerator");
        }
        sources = Checks.sources(sources);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.SERVER;
    }

    /** As the catalog lists it, without the per-accelerator host figure (which few units give). */
    public ServerSpec(String id, String name, String vendor, Role role, String acceleratorId, int acceleratorCount, int heightU,
                      Double maxPowerWatts, Double weightKg, CoolingType cooling, String scaleUpDomain, String switchTrayId,
                      Integer traysPerDomain, Integer switchTraysPerDomain, String nicId, Integer nicCount, Double priceUsdEstimate,
                      String priceNote, String notes, List<String> sources) {
        this(id, name, vendor, role, acceleratorId, acceleratorCount, heightU, maxPowerWatts, weightKg, cooling, scaleUpDomain, switchTrayId,
                traysPerDomain, switchTraysPerDomain, nicId, nicCount, priceUsdEstimate, priceNote, notes, sources, null);
    }

    public boolean hasAccelerators() {
        return acceleratorCount > 0;
    }
}
