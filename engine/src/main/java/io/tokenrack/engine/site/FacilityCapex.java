package io.tokenrack.engine.site;

/**
 * What building the facility costs per MW of critical (IT) load: the power chain (substation,
 * transformers, UPS, switchgear, distribution), the cooling plant and the building, without the IT
 * equipment, land or soft costs. A labelled assumption range from one published survey; see
 * docs/site.md.
 */
public final class FacilityCapex {
    /**
     * $11.7 M per MW of critical load: the average of 19 US markets in Cushman &amp; Wakefield's Data
     * Center Development Cost Guide 2025 (excludes IT equipment, land and soft costs).
     */
    public static final double CENTRAL_USD_PER_MW = 11.7e6;
    /** $9.3 M per MW: the cheapest market of the same survey (San Antonio). */
    public static final double LOW_USD_PER_MW = 9.3e6;
    /**
     * $15.0 M per MW: the dearest market of the same survey (Reno). Builds for AI are reported at
     * "$20 M+ per MW" by a secondary, low-confidence source; that figure is not used.
     */
    public static final double HIGH_USD_PER_MW = 15.0e6;

    private FacilityCapex() {}
}
