package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.perf.SpeculativeMethod;
import java.util.function.BiPredicate;

/**
 * The walk over one layout's speculative candidates, in the order {@link Evaluator#speculative}
 * gives them: speculation off, then each method (MTP, EAGLE) as its own chain of deeper and deeper
 * drafts starting from off. Each draft token adds less to the acceptance length (the curve is
 * concave) and as much to the step, so once a depth stops paying, a deeper one of the same method
 * does not pay either: the rest of that chain is skipped. Used by the aggregated and the
 * disaggregated searches, each with its own kind of choice.
 *
 * @param <C> a search's choice at one candidate
 */
final class DraftDepths<C> {
    private final BiPredicate<C, C> better;
    private SpeculativeMethod chain;
    private C previous;
    private C off;
    private boolean stopped;

    /** @param better whether the first choice is better than the second */
    DraftDepths(BiPredicate<C, C> better) {
        this.better = better;
    }

    /**
     * Enters a candidate of {@code method}; true when a new chain starts with it (its start compares
     * with off's choice again).
     */
    boolean enter(SpeculativeMethod method) {
        if (method == chain) {
            return false;
        }
        chain = method;
        previous = off;
        stopped = false;
        return true;
    }

    /** Whether the current chain is stopped: its remaining depths are not worth evaluating. */
    boolean stopped() {
        return stopped;
    }

    /** Stops the current chain (a search that can bound it before evaluating it). */
    void stop() {
        stopped = true;
    }

    /** The choice with speculation off on this layout, once known; null before. */
    C off() {
        return off;
    }

    /** Records the choice at the entered candidate (null when none); a depth that does not beat the one before stops the chain. */
    void record(SpeculativeMethod method, C choice) {
        if (choice == null) {
            return;
        }
        if (previous != null && !better.test(choice, previous)) {
            stopped = true;
            return;
        }
        previous = choice;
        if (method == SpeculativeMethod.OFF) {
            off = choice;
        }
    }
}
