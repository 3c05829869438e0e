package io.tokenrack.engine.site;

import io.tokenrack.engine.evaluate.Evaluation;

/**
 * The modelled draw of one unit at its operating point, split by consumer, IT boundary. The one
 * place the site reads power from an {@link Evaluation}: when the evaluator's power model improves,
 * every site figure follows.
 */
public record UnitPower(double acceleratorWatts, double hostWatts, double networkWatts) {
    public static final UnitPower ZERO = new UnitPower(0, 0, 0);

    public static UnitPower of(Evaluation.Ok e) {
        return new UnitPower(e.power().acceleratorWatts(), e.power().hostWatts(), e.power().networkWatts());
    }

    public double itWatts() {
        return acceleratorWatts + hostWatts + networkWatts;
    }

    public UnitPower plus(UnitPower o) {
        return new UnitPower(acceleratorWatts + o.acceleratorWatts, hostWatts + o.hostWatts, networkWatts + o.networkWatts);
    }

    public UnitPower times(double f) {
        return new UnitPower(acceleratorWatts * f, hostWatts * f, networkWatts * f);
    }
}
