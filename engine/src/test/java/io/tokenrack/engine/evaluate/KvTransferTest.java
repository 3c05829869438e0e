package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.perf.Device;
import io.tokenrack.engine.perf.Fabric;
import io.tokenrack.engine.perf.ModelConstants;
import io.tokenrack.engine.perf.ModelShape;
import io.tokenrack.engine.perf.StepModel;
import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;

/** The KV cache of one prompt sent from a prefill replica to a decode replica, by hand. */
class KvTransferTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    /** 400 Gb/s NIC = 50 GB/s per direction, α = 25 µs. */
    static final Fabric NIC = new Fabric(50e9, 25e-6, true);

    static StepModel llama70b(int tp) {
        return new StepModel(ModelShape.of(CATALOG.model("llama-3.1-70b")), Device.of(CATALOG.accelerator("h100-sxm")), Precision.FP8,
                Precision.FP8, tp, 1, 1, NIC, NIC, ModelConstants.DEFAULT);
    }

    @Test
    void anUnshardedCacheIsLayersTimesKvHeadsTimesHeadDimTimesTwoTimesBytesTimesTokens() {
        // Llama-3.1-70B: 80 layers × 8 KV heads × 128 × 2 (K and V) × 1 byte (fp8) × 8,192 tokens = 1,342,177,280 bytes
        KvTransfer t = KvTransfer.of(llama70b(1), llama70b(1), 8192, NIC, "NIC", 0.75);
        assertEquals(1_342_177_280.0, t.bytesPerAccelerator(), 1e-3);
        // α + bytes / (η·β) = 25 µs + 1.342 GB / 37.5 GB/s = 35.816 ms
        assertEquals(25e-6 + 1_342_177_280.0 / (0.75 * 50e9), t.seconds(), 1e-12);
        assertEquals(0.0358164, t.seconds(), 1e-7);
    }

    @Test
    void eachAcceleratorSendsItsShardAtOnceSoTheLargerShardSetsTheTime() {
        // prefill tp 8 holds 1 of 8 KV heads, decode tp 2 holds 4 of 8: the decode side receives half the cache
        KvTransfer t = KvTransfer.of(llama70b(8), llama70b(2), 8192, NIC, "NIC", 0.75);
        assertEquals(1_342_177_280.0 / 2, t.bytesPerAccelerator(), 1e-3);
        assertEquals(25e-6 + 671_088_640.0 / (0.75 * 50e9), t.seconds(), 1e-12);
        // over NVLink at 450 GB/s and α 8 µs the same shard takes 8 µs + 671 MB / 337.5 GB/s = 1.996 ms
        KvTransfer nv = KvTransfer.of(llama70b(8), llama70b(2), 8192, new Fabric(450e9, 8e-6, false), "NVLink", 0.75);
        assertEquals(8e-6 + 671_088_640.0 / (0.75 * 450e9), nv.seconds(), 1e-12);
    }
}
