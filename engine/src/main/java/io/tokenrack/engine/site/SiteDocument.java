package io.tokenrack.engine.site;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.InputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A site: a utility power envelope, the power chain and cooling plant between the utility and the
 * racks, the rack power it is sized by, the rack designs it is built from and the workload mix it
 * serves. Saved as JSON; see docs/site.md.
 *
 * @param utilityMegawatts    the utility's power envelope at the site's meter
 * @param floorRackPositions  rack positions on the floor; null for no floor limit
 * @param capexBudgetUsd      most the hardware may cost; null for no budget limit
 */
public record SiteDocument(
        @JsonProperty(required = true) int formatVersion,
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) double utilityMegawatts,
        PowerChain powerChain,
        @JsonProperty(required = true) CoolingPlant cooling,
        RackPowerBasis rackPowerBasis,
        Integer floorRackPositions,
        Double capexBudgetUsd,
        @JsonProperty(required = true) List<SiteDesign> designs,
        @JsonProperty(required = true) List<MixEntry> workloads,
        SiteFinance finance) {

    public static final int CURRENT_VERSION = 1;
    /** Shares may add up to 1 within this much (they are typed by hand: 0.333 × 3). */
    static final double SHARE_TOLERANCE = 0.005;

    public SiteDocument {
        if (formatVersion != CURRENT_VERSION) {
            throw new InputException("formatVersion: this TokenRack reads site version " + CURRENT_VERSION + ", the file says " + formatVersion);
        }
        if (name == null || name.isBlank()) {
            throw new InputException("name: missing or empty");
        }
        if (!(utilityMegawatts > 0 && utilityMegawatts <= 100_000)) {
            throw new InputException("utilityMegawatts: must be above 0 and at most 100,000, was " + utilityMegawatts);
        }
        if (powerChain == null) {
            powerChain = PowerChain.AC;
        }
        if (cooling == null) {
            throw new InputException("cooling: missing");
        }
        if (rackPowerBasis == null) {
            rackPowerBasis = RackPowerBasis.MAX_P;
        }
        if (floorRackPositions != null && floorRackPositions < 1) {
            throw new InputException("floorRackPositions: must be at least 1, was " + floorRackPositions);
        }
        if (capexBudgetUsd != null && !(capexBudgetUsd > 0 && Double.isFinite(capexBudgetUsd))) {
            throw new InputException("capexBudgetUsd: must be positive, was " + capexBudgetUsd);
        }
        designs = designs == null ? List.of() : List.copyOf(designs);
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
        if (designs.isEmpty()) {
            throw new InputException("designs: at least one design is needed");
        }
        if (workloads.isEmpty()) {
            throw new InputException("workloads: at least one workload is needed");
        }
        double shares = designs.stream().filter(d -> d.share() != null).mapToDouble(SiteDesign::share).sum();
        if (shares > 1 + SHARE_TOLERANCE) {
            throw new InputException("designs.share: the shares add up to " + shares + ", more than 1");
        }
        double mix = workloads.stream().mapToDouble(MixEntry::share).sum();
        if (Math.abs(mix - 1) > SHARE_TOLERANCE) {
            throw new InputException("workloads.share: the shares must add up to 1, they add up to " + mix);
        }
        Set<String> names = new HashSet<>();
        for (MixEntry m : workloads) {
            if (!names.add(m.name())) {
                throw new InputException("workloads.name: '" + m.name() + "' appears twice");
            }
        }
        if (finance == null) {
            finance = SiteFinance.DEFAULTS;
        }
    }

    public SiteDocument withUtilityMegawatts(double mw) {
        return new SiteDocument(formatVersion, name, description, mw, powerChain, cooling, rackPowerBasis, floorRackPositions, capexBudgetUsd,
                designs, workloads, finance);
    }

    public SiteDocument withDesigns(List<SiteDesign> d) {
        return new SiteDocument(formatVersion, name, description, utilityMegawatts, powerChain, cooling, rackPowerBasis, floorRackPositions,
                capexBudgetUsd, d, workloads, finance);
    }

    public SiteDocument withWorkloads(List<MixEntry> w) {
        return new SiteDocument(formatVersion, name, description, utilityMegawatts, powerChain, cooling, rackPowerBasis, floorRackPositions,
                capexBudgetUsd, designs, w, finance);
    }

    public SiteDocument withCooling(CoolingPlant c) {
        return new SiteDocument(formatVersion, name, description, utilityMegawatts, powerChain, c, rackPowerBasis, floorRackPositions,
                capexBudgetUsd, designs, workloads, finance);
    }

    public SiteDocument withPowerChain(PowerChain c) {
        return new SiteDocument(formatVersion, name, description, utilityMegawatts, c, cooling, rackPowerBasis, floorRackPositions,
                capexBudgetUsd, designs, workloads, finance);
    }

    public SiteDocument withFinance(SiteFinance f) {
        return new SiteDocument(formatVersion, name, description, utilityMegawatts, powerChain, cooling, rackPowerBasis, floorRackPositions,
                capexBudgetUsd, designs, workloads, f);
    }

    public SiteDocument withName(String n) {
        return new SiteDocument(formatVersion, n, description, utilityMegawatts, powerChain, cooling, rackPowerBasis, floorRackPositions,
                capexBudgetUsd, designs, workloads, finance);
    }

    public SiteDocument withRackPowerBasis(RackPowerBasis b) {
        return new SiteDocument(formatVersion, name, description, utilityMegawatts, powerChain, cooling, b, floorRackPositions,
                capexBudgetUsd, designs, workloads, finance);
    }
}
