package io.tokenrack.app.canvas;

import io.tokenrack.engine.design.RackDesign;
import java.util.List;

/** Checks a design and says what is wrong with it (space, power, cooling, weight, links). */
@FunctionalInterface
public interface FindingsSource {
    List<DesignFinding> check(RackDesign design);
}
