package io.tokenrack.engine.site;

import io.tokenrack.engine.evaluate.Evaluation;
import java.util.List;

/**
 * One unit of a site design (a design file's racks, or N accelerators in standard servers)
 * evaluated once on each workload of the mix; the site then only scales these numbers.
 *
 * @param design              the read design file; null for an accelerator entry
 * @param rackPositions       floor positions one unit takes
 * @param provisionedWatts    nameplate IT power of one unit (what its power shelves can deliver)
 * @param maxPWatts           accelerators at TDP plus hosts and network at nameplate; NaN without a TDP
 * @param capexUsd            hardware price of one unit; NaN when the catalog has no price
 * @param results             one per workload of the mix, in its order: {@link Evaluation.Ok} where the unit serves it
 */
public record UnitEvaluation(
        SiteDesign entry,
        io.tokenrack.engine.design.RackDesign design,
        String label,
        String acceleratorId,
        int accelerators,
        double rackPositions,
        double provisionedWatts,
        double maxPWatts,
        double capexUsd,
        List<Evaluation> results) {

    public UnitEvaluation {
        results = List.copyOf(results);
    }

    public boolean servesAny() {
        return results.stream().anyMatch(Evaluation::ok);
    }

    /** Why the unit serves none of the workloads: the first failure's message. */
    public String whyNot() {
        return results.stream().filter(r -> !r.ok()).map(Evaluation::message).findFirst().orElse("");
    }

    /** The same unit with the results of another mix (e.g. another prefix-hit rate). */
    public UnitEvaluation withResults(List<Evaluation> r) {
        return new UnitEvaluation(entry, design, label, acceleratorId, accelerators, rackPositions, provisionedWatts, maxPWatts, capexUsd, r);
    }

    public UnitEvaluation withEntry(SiteDesign e) {
        return new UnitEvaluation(e, design, label, acceleratorId, accelerators, rackPositions, provisionedWatts, maxPWatts, capexUsd, results);
    }
}
