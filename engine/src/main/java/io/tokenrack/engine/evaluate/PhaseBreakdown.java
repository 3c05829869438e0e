package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.perf.Bound;
import io.tokenrack.engine.perf.OperatorClass;
import io.tokenrack.engine.perf.StepTime;
import java.util.ArrayList;
import java.util.List;

/** Why a phase takes the time it does: its step time, what bounds it and each operator class's share. */
public record PhaseBreakdown(Phase phase, double stepSeconds, Bound bound, List<Share> shares) {

    /** One operator class's part of a step. */
    public record Share(OperatorClass operatorClass, double seconds, double fraction) {}

    public PhaseBreakdown {
        shares = List.copyOf(shares);
    }

    static PhaseBreakdown of(Phase phase, StepTime t) {
        List<Share> shares = new ArrayList<>();
        for (OperatorClass c : OperatorClass.values()) {
            double s = t.secondsByClass()[c.ordinal()];
            if (s > 0) {
                shares.add(new Share(c, s, t.share(c)));
            }
        }
        return new PhaseBreakdown(phase, t.seconds(), t.bound(), shares);
    }
}
