package io.tokenrack.engine.kernels;

import jdk.incubator.vector.FloatVector;

/** Touches the Vector API; loaded only once the module is known to be present. */
final class VectorSpeciesInfo {
    private VectorSpeciesInfo() {}

    static int floatLanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    static String describe() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit, " + floatLanes() + " float lanes";
    }
}
