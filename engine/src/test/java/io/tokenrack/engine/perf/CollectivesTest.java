package io.tokenrack.engine.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CollectivesTest {
    private final Fabric nvlink = new Fabric(450e9, 8e-6, false);

    @Test
    void ringAllReduceIsLatencyPlusTwiceTheShardedBytes() {
        // 8 ranks, 1 MB each: 8 µs + 2·7/8·1e6 B / (0.75 · 450e9 B/s) = 8 µs + 5.185 µs
        assertEquals(8e-6 + 2 * 7.0 / 8 * 1e6 / (0.75 * 450e9), Collectives.allReduce(8, 1e6, nvlink, 0.75), 1e-12);
    }

    @Test
    void oneRankSendsNothing() {
        assertEquals(0, Collectives.allReduce(1, 1e9, nvlink, 0.75));
        assertEquals(0, Collectives.allToAll(1, 1e9, nvlink, 0.75));
    }

    @Test
    void allToAllMovesAllButOwnShare() {
        assertEquals(8e-6 + 3.0 / 4 * 4e6 / (0.5 * 450e9), Collectives.allToAll(4, 4e6, nvlink, 0.5), 1e-12);
    }
}
