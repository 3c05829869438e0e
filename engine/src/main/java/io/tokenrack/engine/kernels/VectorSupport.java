package io.tokenrack.engine.kernels;

import java.lang.System.Logger.Level;

/**
 * Decides once, at class initialisation, whether the kernels run on the Vector API or on their
 * scalar fallbacks, and says why. The decision is a {@code static final} so the JIT folds every
 * {@code if (VectorSupport.ENABLED)} branch away.
 *
 * <p>The Vector API is an incubator module ({@code jdk.incubator.vector}); a JVM started without
 * {@code --add-modules jdk.incubator.vector} does not have it, and the property
 * {@code -Dtokenrack.kernels.scalar=true} forces the scalar path (for tests and comparisons).
 */
public final class VectorSupport {
    private static final System.Logger LOG = System.getLogger(VectorSupport.class.getName());
    public static final String MODULE = "jdk.incubator.vector";

    /** True when the kernels use {@code FloatVector.SPECIES_PREFERRED}. */
    public static final boolean ENABLED;
    /** Why the chosen path was chosen, in one sentence. */
    public static final String REASON;
    /** float lanes per vector on the chosen path (1 for scalar). */
    public static final int FLOAT_LANES;

    static {
        boolean enabled = false;
        String reason;
        int lanes = 1;
        if (Boolean.getBoolean("tokenrack.kernels.scalar")) {
            reason = "scalar forced by -Dtokenrack.kernels.scalar=true";
        } else if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            reason = "the JVM was started without --add-modules " + MODULE;
        } else {
            try {
                lanes = VectorSpeciesInfo.floatLanes();
                if (lanes < 4) {
                    reason = "the preferred float species has only " + lanes + " lane(s)";
                    lanes = 1;
                } else {
                    enabled = true;
                    reason = "Vector API, " + VectorSpeciesInfo.describe();
                }
            } catch (LinkageError | RuntimeException e) {
                reason = "the Vector API failed to initialise: " + e;
                lanes = 1;
            }
        }
        ENABLED = enabled;
        REASON = reason;
        FLOAT_LANES = lanes;
        if (!enabled) {
            LOG.log(Level.WARNING, "kernels fall back to scalar code: {0}", reason);
        }
    }

    private VectorSupport() {}

    /** "vector" or "scalar", as reports print it. */
    public static String path() {
        return ENABLED ? "vector" : "scalar";
    }
}
