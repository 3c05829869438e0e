package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.perf.Device;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import org.junit.jupiter.api.Test;

/** One LPX rack alone serving Llama-3.1-70B with long prompts: the KV cache its SRAM cannot hold goes to the rack's DDR5. */
class LpxDramKvTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final Assumptions DEFAULTS = Assumptions.defaults(CATALOG.facility());

    static Workload llama(Integer concurrency) {
        return new Workload("llama-3.1-70b", Precision.FP8, null, 8192, 1024, concurrency, null, null, null, Parallelism.AUTO);
    }

    @Test
    void theLp30CarriesItsShareOfTheRacksDdr5() {
        Device lp30 = Device.of(CATALOG.accelerator("lp30"));
        assertTrue(lp30.sramResident());
        assertEquals(12e12 / 256, lp30.kvDramBytes(), 1, "12 TB of DDR5 per LPX rack over its 256 chips");
        assertEquals(51.2e9, lp30.kvDramBytesPerSecond(), 1, "the assumed bandwidth's nominal value");
        assertEquals(0, Device.of(CATALOG.accelerator("groq-lpu")).kvDramBytes(), "GroqChip v1 lists none");
    }

    @Test
    void theDdr5HoldsManyMoreRequestsAtOnceButTheMostThroughputKeepsTheKvInSram() {
        Cluster rack = EVALUATOR.clusters().standard("lp30", 256);
        Evaluation.Ok max = (Evaluation.Ok) EVALUATOR.evaluate(rack, llama(null), DEFAULTS);
        // the SRAM left after 70 GB of weights holds a few dozen 8k-token requests; the DDR5 holds the engine's cap
        assertTrue(max.plan().maxConcurrency() >= 1000, "at most " + max.plan().maxConcurrency() + " at once");
        assertTrue(max.plan().concurrency() < 100, "served at max throughput: " + max.plan().concurrency());
        // more requests, their KV read from DDR5 at ~51 GB/s per chip instead of SRAM at 150 TB/s: each token is much slower,
        // and the rack as a whole makes fewer tokens, which is why the max-throughput point stops at what the SRAM holds
        Evaluation.Ok full = (Evaluation.Ok) EVALUATOR.evaluate(rack, llama(max.plan().maxConcurrency()), DEFAULTS);
        assertTrue(full.latency().tpotSeconds() > 10 * max.latency().tpotSeconds(), full.latency().tpotSeconds() + " s vs " + max.latency().tpotSeconds());
        assertTrue(full.throughput().outputTokensPerSecond() < max.throughput().outputTokensPerSecond(),
                full.throughput().outputTokensPerSecond() + " vs " + max.throughput().outputTokensPerSecond());
        Note.KvInDram why = full.notes().stream().filter(n -> n instanceof Note.KvInDram).map(n -> (Note.KvInDram) n).findFirst()
                .orElseThrow(() -> new AssertionError("no DRAM note in " + full.noteTexts()));
        assertTrue(why.served() > why.inSram() && why.served() <= max.plan().maxConcurrency(), why.text());
        assertTrue(why.inSram() >= 1 && why.inSram() < 100, why.text());
        assertEquals(51.2e9, why.dramBytesPerSecond(), 1);
        assertTrue(max.notes().stream().noneMatch(n -> n instanceof Note.KvInDram), "within the SRAM: " + max.noteTexts());
        // the assumed bandwidth is a range: the band follows it
        assertTrue(full.notes().stream().anyMatch(n -> n.text().contains("kvDramBandwidthGBps")), full.noteTexts().toString());
    }
}
