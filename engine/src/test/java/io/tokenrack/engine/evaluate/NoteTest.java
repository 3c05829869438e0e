package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;

/** Each note's words, as the CLI, the JSON and the app show them. */
class NoteTest {
    @Test
    void eachNoteSaysItsFactInOneFragment() {
        assertEquals("2 of 10 accelerators do not make a whole replica of 4 and stay idle", new Note.IdleAccelerators(2, 10, 4).text());
        assertEquals("3 of 4 replicas have no request at this concurrency and idle", new Note.IdleReplicas(3, 4).text());
        assertEquals("the latency limits are not met at this concurrency", new Note.LimitsNotMet().text());
        assertEquals("13 requests per replica wait for KV-cache space; they add to TTFT", new Note.QueuedRequests(12.6).text());
        assertEquals("1,250 requests wait for the prefill pool; they add to TTFT", new Note.WaitingForPrefill(1249.6).text());
        assertEquals("X1 has no published TDP: power, tokens per joule and energy cost are unknown", new Note.UnknownPower("X1", false).text());
        assertEquals("This computer has no power figure (the kernel lab measures speed, not a power rating): power, tokens per joule"
                + " and energy cost are unknown", new Note.UnknownPower("This computer", true).text());
        assertEquals("no price estimate in the catalog for X1 or its server: cost is unknown (set a capital cost)", new Note.UnknownCost("X1").text());
        assertEquals("assumed: S1 host power = 4600 W (no published server maximum)",
                new Note.AssumedValue(new Provenance("S1 host power", "4600 W", Provenance.Kind.ASSUMPTION, "no published server maximum")).text());
        assertEquals("Switch power is not counted (no published power figure): the IT power is a lower bound",
                new Note.NotCounted(Provenance.missing("Switch power", Provenance.Status.NOT_COUNTED, "no published power figure")).text());
        assertEquals("X1 has no fp4 math: weights move at fp4 width but compute runs at the next wider format it has",
                new Note.NoNativeMath("X1", Precision.FP4).text());
        assertEquals("Rack A: modelled 21.5 kW exceeds its 20.0 kW power budget", new Note.RackOverPower("Rack A", 21_480, 20_000).text());
        assertEquals("Rack A: modelled heat 31.0 kW exceeds its 30.0 kW cooling", new Note.RackOverCooling("Rack A", 31_000, 30_000).text());
    }
}
