package io.tokenrack.app.document;

import io.tokenrack.engine.evaluate.Assumptions;

import io.tokenrack.engine.design.RackDesign;
import java.util.Objects;

/** Everything an edit can change, as one immutable value: the design and the assumptions. */
public record DocState(RackDesign design, Assumptions assumptions) {
    public DocState {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(assumptions, "assumptions");
    }

    public DocState withDesign(RackDesign d) {
        return new DocState(d, assumptions);
    }

    public DocState withAssumptions(Assumptions a) {
        return new DocState(design, a);
    }
}
