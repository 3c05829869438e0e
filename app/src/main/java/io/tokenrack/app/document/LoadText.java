package io.tokenrack.app.document;

import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.design.RackPower;

/** How the app writes a rack's power sum, so the canvas bars and the inspector read the same. */
public final class LoadText {
    private LoadText() {}

    /**
     * kW of a sum, without the unit: "≥ 12.3" when some items publish no figure (a lower bound),
     * "≈ 12.3" when part of it is an assumed host, "unknown" when nothing is counted at all.
     */
    public static String kw(RackPower power) {
        String kw = Units.number(power.watts() / 1000);
        if (power.lowerBound()) {
            return power.watts() > 0 ? "≥ " + kw : "unknown";
        }
        return power.hasAssumption() ? "≈ " + kw : kw;
    }

    /** A sentence on what the sum leaves out or assumes, or "" when every figure is published. */
    public static String caveat(RackPower power) {
        String s = "";
        if (power.hasAssumption()) {
            s += " Servers without a published maximum count their accelerators' TDP plus an assumed host ("
                    + Units.kw(power.assumedWatts()) + " of the total is assumed).";
        }
        if (power.lowerBound()) {
            s += " Some items publish no power figure and count nothing: the total is a lower bound.";
        }
        return s;
    }
}
