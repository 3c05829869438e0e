package io.tokenrack.engine.claims;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.Checks;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.HeadlineMetric;
import io.tokenrack.engine.workload.Workload;
import java.util.Arrays;

/**
 * A vendor claim with its conditions and source, and the closest setup the model can build for it.
 * A claim is never a measurement: the model's answer is shown beside it, not in its place.
 *
 * @param metric       the headline metric compared (a field of {@code evaluate --json})
 * @param closestSetup in words, what the model evaluates and how it differs from the claim's setup
 * @param baseline     null when the claim is a value (tokens/s per user), not a ratio
 */
public record Claim(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String claim,
        @JsonProperty(required = true) String by,
        @JsonProperty(required = true) String conditions,
        @JsonProperty(required = true) String source,
        @JsonProperty(required = true) String metric,
        @JsonProperty(required = true) String closestSetup,
        @JsonProperty(required = true) Setup setup,
        Setup baseline,
        @JsonProperty(required = true) Workload workload) {

    /** N accelerators in their standard servers. */
    public record Setup(@JsonProperty(required = true) String accelerator, @JsonProperty(required = true) int count) {
        public Setup {
            Checks.text("accelerator", accelerator);
            Checks.positive("count", count);
        }

        /** "72 × rubin". */
        public String text() {
            return count + " × " + accelerator;
        }
    }

    public Claim {
        Checks.text("id", id);
        Checks.text("claim", claim);
        Checks.text("by", by);
        Checks.text("conditions", conditions);
        Checks.text("source", source);
        Checks.text("closestSetup", closestSetup);
        Checks.present("setup", setup);
        Checks.present("workload", workload);
        headline(metric);
    }

    /** The metric as the engine's {@link HeadlineMetric}. */
    public HeadlineMetric headline() {
        return headline(metric);
    }

    private static HeadlineMetric headline(String metric) {
        return Arrays.stream(HeadlineMetric.values()).filter(m -> m.jsonName().equals(metric)).findFirst()
                .orElseThrow(() -> new InputException("metric: '" + metric + "' is not a headline metric (one of "
                        + String.join(", ", Arrays.stream(HeadlineMetric.values()).map(HeadlineMetric::jsonName).toList()) + ")"));
    }
}
