package io.tokenrack.engine.design;

/**
 * The stable codes of {@link Finding}s, one per kind of problem. docs/design-checks.md explains
 * each one; tests, the app's icons and filters refer to these, never to message text.
 */
public final class FindingCodes {
    private FindingCodes() {}

    // catalog references
    /** A rack model, placed item or workload model id that the catalog does not have. Error. */
    public static final String UNKNOWN_CATALOG_ID = "UNKNOWN_CATALOG_ID";
    /** An id of the wrong kind: a server as a rack model, a rack or a model placed as equipment. Error. */
    public static final String WRONG_KIND = "WRONG_KIND";
    /** An accelerator placed directly in a rack instead of inside a server or tray. Error. */
    public static final String ACCELERATOR_WITHOUT_HOST = "ACCELERATOR_WITHOUT_HOST";

    // space
    /** Two items share rack units. Error. */
    public static final String U_OVERLAP = "U_OVERLAP";
    /** An item reaches above the top of the rack. Error. */
    public static final String U_OVERFLOW = "U_OVERFLOW";
    /** An item that takes rack units has no position. Error. */
    public static final String U_UNPLACED = "U_UNPLACED";

    // the workload
    /** The engine cannot serve the design's workload on it (the model does not fit, mixed accelerators, …). Error. */
    public static final String WORKLOAD_NOT_SERVED = "WORKLOAD_NOT_SERVED";

    // power
    /** The rack draws more than its power budget. Error (a warning when only assumed host power takes it over). */
    public static final String POWER_OVER_BUDGET = "POWER_OVER_BUDGET";
    /** The rack draws more than its placed PDUs or power shelves deliver. Error. */
    public static final String POWER_OVER_DISTRIBUTION = "POWER_OVER_DISTRIBUTION";
    /** Some servers have no published maximum power; accelerator TDP × count plus an assumed host stands in. Info. */
    public static final String POWER_ESTIMATED = "POWER_ESTIMATED";
    /** Some items have no power figure at all and are left out of the rack's total, a lower bound. Info. */
    public static final String POWER_UNKNOWN = "POWER_UNKNOWN";

    // cooling
    /** Equipment needs a kind of cooling (liquid, immersion) the rack does not have. Error. */
    public static final String COOLING_INCOMPATIBLE = "COOLING_INCOMPATIBLE";
    /** The rack makes more heat than its placed cooling units remove. Error. */
    public static final String COOLING_OVER_CAPACITY = "COOLING_OVER_CAPACITY";
    /** No cooling unit placed and more heat than room air is assumed to remove. Warning. */
    public static final String COOLING_ROOM_AIR = "COOLING_ROOM_AIR";

    // weight
    /** The items weigh more than the rack is rated to hold. Error. */
    public static final String WEIGHT_OVER_LIMIT = "WEIGHT_OVER_LIMIT";

    // scale-up domains
    /** Compute trays whose scale-up domain needs switch trays, and none is in the rack. Error. */
    public static final String SCALE_UP_NO_SWITCH = "SCALE_UP_NO_SWITCH";
    /** Fewer switch trays than the domain needs: less scale-up bandwidth. Warning. */
    public static final String SCALE_UP_FEW_SWITCHES = "SCALE_UP_FEW_SWITCHES";
    /** A scale-up domain with fewer compute trays than a full one. Info. */
    public static final String SCALE_UP_PARTIAL = "SCALE_UP_PARTIAL";
    /** A switch tray that no compute tray in its rack uses. Warning. */
    public static final String SWITCH_TRAY_UNUSED = "SWITCH_TRAY_UNUSED";

    // scale-out network and parallelism
    /** Several servers or scale-up domains and no scale-out switch to join them. Warning (info with a workload that fits one). */
    public static final String NO_SCALE_OUT_NETWORK = "NO_SCALE_OUT_NETWORK";
    /** The workload's parallelism spans servers and no scale-out switch joins them. Error. */
    public static final String PARALLELISM_NEEDS_NETWORK = "PARALLELISM_NEEDS_NETWORK";
    /** The workload's parallelism needs more accelerators than the design has. Error. */
    public static final String PARALLELISM_TOO_LARGE = "PARALLELISM_TOO_LARGE";

    // emptiness
    /** A rack with nothing in it. Info. */
    public static final String RACK_EMPTY = "RACK_EMPTY";
    /** A design with no racks. Info. */
    public static final String DESIGN_EMPTY = "DESIGN_EMPTY";
}
