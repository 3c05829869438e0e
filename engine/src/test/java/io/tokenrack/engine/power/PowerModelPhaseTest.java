package io.tokenrack.engine.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PowerModelPhaseTest {

    @Test
    void aMemoryBoundDecodeStepDrawsStaticPlusItsBandwidthTermByHand() {
        // 700 W part, no compute, half the bandwidth, no compute-bound kernels: 700 × (0.27 + 0.31 × 0.5) = 297.5 W
        assertEquals(297.5, PowerModel.acceleratorWatts(700, 0, 0.5, 0), 1e-9);
        // the same step under a 500 W cap: a memory-bound step keeps its time (stretch 1) and its memory energy, so it is unchanged
        double clock = OperatingPoint.cap(500).clockFraction(700);
        assertEquals(297.5, PowerModel.cappedWatts(700, 297.5, 0.5, clock, 1, 500), 1e-9);
    }

    @Test
    void aComputeBoundPrefillStepRunsAtTdpAndAtTheCapWhenCapped() {
        // all of the step in compute-bound kernels: 0.27 + 0.73 × 1 = 1 → TDP
        assertEquals(700, PowerModel.acceleratorWatts(700, 0.5, 0.1, 1), 1e-9);
        // capped: floor 189 W + (memory 0.31 × 0.1 × 700 = 21.7 W + compute 489.3 W × clock) spread over a step 1/clock longer
        double clock = OperatingPoint.cap(500).clockFraction(700);
        double byHand = 189 + (21.7 + 489.3 * clock) * clock;
        assertEquals(503.7, byHand, 0.1);
        assertEquals(500, PowerModel.cappedWatts(700, 700, 0.1, clock, 1 / clock, 500), 1e-9, "no more than the cap");
        assertEquals(byHand, PowerModel.cappedWatts(700, 700, 0.1, clock, 1 / clock, 600), 1e-9, "the formula, under a looser limit");
    }

    @Test
    void theCapClockIsSolvedFromStaticPowerAndTheDvfsExponentByHand() {
        // Max-Q on 700 W: limit 500 W → ((500/700 − 0.27) / 0.73)^(1/2) = 0.6086^0.5 = 0.7801
        double expected = Math.pow((500.0 / 700 - 0.27) / 0.73, 1 / PowerModel.DVFS_EXPONENT);
        assertEquals(expected, OperatingPoint.MAX_Q.clockFraction(700), 1e-12);
        assertEquals(0.7801, OperatingPoint.MAX_Q.clockFraction(700), 1e-4);
        assertEquals(500, OperatingPoint.MAX_Q.limitWatts(700), 1e-9);
        assertEquals(1, OperatingPoint.MAX_P.clockFraction(700));
        assertEquals(1, OperatingPoint.cap(900).clockFraction(700), "a cap above TDP changes nothing");
        assertEquals(700, OperatingPoint.cap(900).limitWatts(700));
        assertTrue(Double.isNaN(OperatingPoint.cap(150).clockFraction(700)), "150 W is below the 189 W static floor");
    }

    @Test
    void aLowerCapNeverRaisesPowerNorTheClock() {
        double previousClock = 1;
        double previousWatts = Double.MAX_VALUE;
        for (double cap = 700; cap >= 200; cap -= 50) {
            double clock = OperatingPoint.cap(cap).clockFraction(700);
            assertTrue(clock <= previousClock + 1e-12, "clock at " + cap);
            for (double busy : new double[] {0, 0.3, 1}) {
                double p0 = PowerModel.acceleratorWatts(700, 0.2, 0.4, busy);
                double w = PowerModel.cappedWatts(700, p0, 0.4, clock, busy / clock + 1 - busy, cap);
                assertTrue(w <= p0 + 1e-9, "cap " + cap + " busy " + busy);
                assertTrue(w <= cap + 1e-9);
            }
            double full = PowerModel.cappedWatts(700, 700, 0.1, clock, 1 / clock, cap);
            assertTrue(full <= previousWatts + 1e-9);
            previousWatts = full;
            previousClock = clock;
        }
    }

    @Test
    void operatingPointsParseAndRejectBadInput() {
        assertEquals(OperatingPoint.MAX_Q, OperatingPoint.parse("Max-Q"));
        assertEquals(OperatingPoint.MAX_P, OperatingPoint.parse("max-p"));
        assertEquals("cap 450 W", OperatingPoint.cap(450).label());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OperatingPoint.parse("turbo"));
        assertTrue(e.getMessage().contains("max-p or max-q"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OperatingPoint.cap(0));
        assertThrows(IllegalArgumentException.class, () -> OperatingPoint.cap(Double.NaN));
    }

    @Test
    void hostPartsOfAnAirCooledEightGpuServerByHand() {
        // boards 8 × 500 W; CPUs 8 × 0.25 × 350 × 0.5 = 350; memory/storage 8 × 30 = 240; NICs 8 × 30 = 240; rest 8 × 50 = 400
        HostPower.Draw d = HostPower.of(8, 4000, 4600, false, false);
        assertEquals(350, d.cpuWatts(), 1e-9);
        assertEquals(240, d.memoryWatts(), 1e-9);
        assertEquals(240, d.nicWatts(), 1e-9);
        assertEquals(400, d.otherWatts(), 1e-9);
        // fans: 10% of the 5,230 W they cool
        assertEquals(523, d.fanWatts(), 1e-9);
        // PSU loss on the 5,753 W DC at 95%: 5,753 / 0.95 − 5,753
        assertEquals(5753 / 0.95 - 5753, d.conversionLossWatts(), 1e-9);
        assertEquals(5753 / 0.95, 4000 + d.totalWatts(), 1e-9, "boards + host = the server at the wall");
    }

    @Test
    void hostPartsStayInsideTheServersNameplate() {
        // an NVL72-like tray: 4 × 1,200 W boards, 600 W of nameplate beside them; the parts would need more
        HostPower.Draw d = HostPower.of(4, 4800, 600, true, false);
        assertEquals(600, d.totalWatts(), 1e-9);
        assertTrue(d.cpuWatts() > 0 && d.cpuWatts() < 175);
        // no nameplate: nothing scales
        assertEquals(175, HostPower.of(4, 4800, 0, true, false).cpuWatts(), 1e-9);
        assertEquals(0, HostPower.of(1, 300, 0, false, true).totalWatts(), "a measured CPU host adds nothing beside itself");
        assertTrue(Double.isNaN(HostPower.of(8, Double.NaN, 4600, false, false).totalWatts()), "no TDP: no host figure");
        assertThrows(IllegalArgumentException.class, () -> HostPower.of(-1, 0, 0, false, false));
    }

    @Test
    void everyPowerConstantIsInDocsModelMdWithItsValue() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "model.md"));
        for (Class<?> c : new Class<?>[] {PowerModel.class, HostPower.class}) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!java.lang.reflect.Modifier.isPublic(m) || !java.lang.reflect.Modifier.isStatic(m) || f.getType() != double.class
                        || f.getName().equals("ASSUMED_HOST_WATTS_PER_ACCELERATOR") || f.getName().equals("HOST_LOAD_FRACTION")) {
                    continue;
                }
                String name = f.getName();
                int at = doc.indexOf("`" + name + "`");
                assertTrue(at >= 0, name + " is not in docs/model.md's power tables");
                String row = doc.substring(at, doc.indexOf('\n', at));
                double v = f.getDouble(null);
                String shown = v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
                assertTrue(row.contains(shown) || (name.equals("MAX_Q_FRACTION") && row.contains("5/7"))
                        || (name.equals("CPU_SOCKETS_PER_ACCELERATOR") && row.contains("2/8")), name + " = " + v + " but docs say: " + row);
            }
        }
    }
}
