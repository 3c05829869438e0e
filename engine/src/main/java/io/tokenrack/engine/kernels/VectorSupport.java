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
    /**
     * Vector registers the JIT can allocate at the chosen width: 32 on x86 with AVX-512 (EVEX
     * encodings reach xmm/ymm/zmm 16-31 at every width) and on AArch64 (NEON and SVE), 16 on x86
     * with AVX2 or less. Register-blocked kernels size their tiles by it: a tile whose
     * accumulators, loaded operands and broadcasts do not fit spills to the stack on every step.
     * {@code -Dtokenrack.kernels.vectorRegisters=16|32} overrides the detection.
     */
    public static final int VECTOR_REGISTERS = vectorRegisters(System.getProperty("tokenrack.kernels.vectorRegisters"),
            System.getProperty("os.arch", ""), hotSpotOption("UseAVX"));

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
                    reason = "Vector API, " + VectorSpeciesInfo.describe() + ", " + VECTOR_REGISTERS + " vector registers";
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

    /**
     * The vector register file the JIT allocates from: {@code override} when it is 16 or 32, else
     * by architecture; x86 needs HotSpot's {@code UseAVX} (3 = AVX-512; null when unknown, which
     * counts as 16: a tile sized for 16 registers loses little with 32, the other way round spills).
     */
    static int vectorRegisters(String override, String arch, String useAvx) {
        if ("16".equals(override) || "32".equals(override)) {
            return Integer.parseInt(override);
        }
        if (override != null) {
            throw new IllegalArgumentException("-Dtokenrack.kernels.vectorRegisters: must be 16 or 32, was " + override);
        }
        return switch (arch) {
            case "aarch64", "arm64" -> 32;
            case "amd64", "x86_64" -> useAvx != null && useAvx.matches("\\d+") && Integer.parseInt(useAvx) >= 3 ? 32 : 16;
            default -> 16;
        };
    }

    /** A HotSpot VM option's value, or null where this JVM has no such option. */
    private static String hotSpotOption(String name) {
        try {
            return java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name).getValue();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** "vector" or "scalar", as reports print it. */
    public static String path() {
        return ENABLED ? "vector" : "scalar";
    }
}
