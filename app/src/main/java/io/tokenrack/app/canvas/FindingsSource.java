package io.tokenrack.app.canvas;

import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Evaluation;
import java.util.List;

/** Checks a design and says what is wrong with it (space, power, cooling, weight, links). */
@FunctionalInterface
public interface FindingsSource {
    /**
     * @param evaluation the engine's latest evaluation of the design at its workload (null when
     *                   there is none): power is then checked at the modelled draw, with a warning
     *                   where the nameplate maximum still exceeds a budget
     */
    List<DesignFinding> check(RackDesign design, Evaluation evaluation);
}
