package io.tokenrack.engine.site;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.workload.Workload;

/**
 * One kind of traffic the site serves: its share of the output tokens, the workload (model,
 * lengths, SLO, prefix reuse) and what its tokens sell for.
 *
 * @param name                            e.g. chat, agentic coding, reasoning batch
 * @param tier                            the price tier's name (e.g. interactive, batch)
 * @param share                           share of the site's output tokens, in (0, 1]
 * @param priceUsdPerMillionOutputTokens  revenue per million output tokens of this tier
 */
public record MixEntry(
        @JsonProperty(required = true) String name,
        String tier,
        @JsonProperty(required = true) double share,
        @JsonProperty(required = true) Workload workload,
        @JsonProperty(required = true) double priceUsdPerMillionOutputTokens) {

    public MixEntry {
        if (name == null || name.isBlank()) {
            throw new InputException("workloads.name: missing or empty");
        }
        if (!(share > 0 && share <= 1)) {
            throw new InputException("workloads.share: must be above 0 and at most 1, was " + share + " (" + name + ")");
        }
        if (workload == null) {
            throw new InputException("workloads.workload: missing (" + name + ")");
        }
        if (workload.concurrency() != null) {
            throw new InputException("workloads.workload.concurrency: a site runs each design at the most requests its SLO allows; leave it out ("
                    + name + ")");
        }
        if (!(priceUsdPerMillionOutputTokens >= 0 && Double.isFinite(priceUsdPerMillionOutputTokens))) {
            throw new InputException("workloads.priceUsdPerMillionOutputTokens: must be zero or more, was " + priceUsdPerMillionOutputTokens
                    + " (" + name + ")");
        }
    }

    public MixEntry withWorkload(Workload w) {
        return new MixEntry(name, tier, share, w, priceUsdPerMillionOutputTokens);
    }

    public MixEntry withPrice(double p) {
        return new MixEntry(name, tier, share, workload, p);
    }
}
