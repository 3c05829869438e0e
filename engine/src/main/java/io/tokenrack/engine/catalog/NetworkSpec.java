package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Scale-out network gear: a switch, a NIC or an optical transceiver. Port speeds are per port,
 * per direction (line rate), in Gb/s.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"provenance", "ranges"}) // read by FigureReader into ItemFigures
public record NetworkSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String vendor,
        @JsonProperty(required = true) Type type,
        @JsonProperty(required = true) String fabric,
        @JsonProperty(required = true) double portSpeedGbps,
        Integer ports,
        Integer heightU,
        Double maxPowerWatts,
        Double latencyNs,
        Double weightKg,
        String notes,
        @JsonProperty(required = true) List<String> sources) implements CatalogItem {

    public enum Type {
        SWITCH("switch"), NIC("nic"), OPTIC("optic");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    public NetworkSpec {
        Checks.text("id", id);
        Checks.text("name", name);
        Checks.text("vendor", vendor);
        Checks.present("type", type);
        Checks.text("fabric", fabric);
        Checks.positive("portSpeedGbps", portSpeedGbps);
        Checks.positiveOrAbsent("ports", ports);
        Checks.positiveOrAbsent("heightU", heightU);
        if (type == Type.SWITCH && heightU == null) {
            throw new InputException("heightU: required for a switch");
        }
        Checks.positiveOrAbsent("maxPowerWatts", maxPowerWatts);
        Checks.positiveOrAbsent("latencyNs", latencyNs);
        Checks.positiveOrAbsent("weightKg", weightKg);
        sources = Checks.sources(sources);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.NETWORK;
    }

    /** Line rate of one port, one direction, in bytes/s. */
    public double portBytesPerSecond() {
        return portSpeedGbps * 1e9 / 8;
    }
}
