package io.tokenrack.engine.site;

import io.tokenrack.engine.catalog.InputException;

/**
 * The electrical path from the utility to the racks: the share of power each stage passes on.
 * Its losses are facility power that is neither IT nor cooling. See docs/site.md.
 *
 * @param transformerEfficiency  medium-voltage transformer (utility to site voltage); null for the default
 * @param upsEfficiency          UPS (double conversion on AC; DC-bus storage with 800 V DC); null for the default
 * @param distributionEfficiency switchgear, busway, PDUs, cabling and the last conversion to the rack; null for the default
 * @param dc800v                 800 V DC distribution to the racks instead of AC: fewer conversion stages
 */
public record PowerChain(Double transformerEfficiency, Double upsEfficiency, Double distributionEfficiency, boolean dc800v) {
    /** TokenRack assumption (docs/site.md): a medium-voltage transformer passes on 99%. */
    public static final double TRANSFORMER_EFFICIENCY = 0.99;
    /** TokenRack assumption (docs/site.md): a double-conversion UPS at high load passes on 96%. */
    public static final double AC_UPS_EFFICIENCY = 0.96;
    /** TokenRack assumption (docs/site.md): AC switchgear, PDUs, cabling and rack power supplies pass on 98%. */
    public static final double AC_DISTRIBUTION_EFFICIENCY = 0.98;
    /** TokenRack assumption (docs/site.md): storage on an 800 V DC bus, no double conversion, passes on 99%. */
    public static final double DC_UPS_EFFICIENCY = 0.99;
    /** TokenRack assumption (docs/site.md): 800 V DC busway and the rack's DC-DC stage pass on 99%. */
    public static final double DC_DISTRIBUTION_EFFICIENCY = 0.99;

    public static final PowerChain AC = new PowerChain(null, null, null, false);
    public static final PowerChain DC_800V = new PowerChain(null, null, null, true);

    public PowerChain {
        check("powerChain.transformerEfficiency", transformerEfficiency);
        check("powerChain.upsEfficiency", upsEfficiency);
        check("powerChain.distributionEfficiency", distributionEfficiency);
    }

    private static void check(String field, Double v) {
        if (v != null && !(v >= 0.5 && v <= 1)) {
            throw new InputException(field + ": must be a share from 0.5 to 1, was " + v);
        }
    }

    public double transformer() {
        return transformerEfficiency != null ? transformerEfficiency : TRANSFORMER_EFFICIENCY;
    }

    public double ups() {
        return upsEfficiency != null ? upsEfficiency : dc800v ? DC_UPS_EFFICIENCY : AC_UPS_EFFICIENCY;
    }

    public double distribution() {
        return distributionEfficiency != null ? distributionEfficiency : dc800v ? DC_DISTRIBUTION_EFFICIENCY : AC_DISTRIBUTION_EFFICIENCY;
    }

    /** The share of the power entering the chain that reaches the racks. */
    public double efficiency() {
        return transformer() * ups() * distribution();
    }
}
