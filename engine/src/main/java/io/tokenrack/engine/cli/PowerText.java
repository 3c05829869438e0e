package io.tokenrack.engine.cli;

import io.tokenrack.engine.evaluate.PowerBreakdown;
import io.tokenrack.engine.evaluate.PowerDetail;
import io.tokenrack.engine.power.Boundary;
import io.tokenrack.engine.power.OperatingPoint;
import io.tokenrack.engine.power.PowerKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;

/** The power model's figures with their boundaries, for {@code evaluate}'s text and JSON. */
final class PowerText {
    private PowerText() {}

    /** "  server wall power      6.1 kW modelled draw (boards 4.0 kW + host 2.1 kW); max-q: 500 W per accelerator, prefill 500 W / decode 390 W". */
    static void serverWall(PrintWriter out, PowerBreakdown p) {
        PowerDetail d = p.detail();
        if (d == null || !Double.isFinite(p.serverWallWatts())) {
            return;
        }
        out.printf(Locale.ROOT, "  server wall power      %s kW %s (boards %s kW + host %s kW); %s: %s W per accelerator, prefill %s W / decode %s W%n",
                Text.fixed(p.serverWallWatts() / 1e3, 1), PowerKind.MODELLED.label(), Text.fixed(p.acceleratorWatts() / 1e3, 1),
                Text.fixed(p.hostWatts() / 1e3, 1), d.operatingPoint().label(), Text.fixed(d.limitWattsPerAccelerator(), 0),
                Text.fixed(d.prefillWattsPerAccelerator(), 0), Text.fixed(d.decodeWattsPerAccelerator(), 0));
    }

    /**
     * The {@code power} object: each figure with its boundary and kind. The flat fields
     * ({@code acceleratorPowerWatts}, {@code itPowerWatts}, …) stay as they were.
     */
    static ObjectNode json(ObjectNode parent, PowerBreakdown p, double networkWatts) {
        ObjectNode o = parent.putObject("power");
        o.put("kind", PowerKind.MODELLED.label());
        ObjectNode b = o.putObject("boundaries");
        b.put("acceleratorWatts", Boundary.BOARD.label());
        b.put("hostWatts", Boundary.SERVER_WALL.label() + " minus boards");
        b.put("serverWallWatts", Boundary.SERVER_WALL.label());
        b.put("networkWatts", Boundary.IT.label() + ", switches and optics at " + PowerKind.NAMEPLATE.label() + " (none publishes a typical draw)");
        b.put("itWatts", Boundary.IT.label());
        b.put("racks[].itPowerWatts", "rack: its accelerators' share of the IT power");
        b.put("facilityWatts", Boundary.FACILITY.label());
        b.put("provisionedItWatts", Boundary.IT.label() + ", " + PowerKind.PROVISIONED.label() + " (nameplate sum)");
        EvaluationJson.num(o, "acceleratorWatts", p.acceleratorWatts());
        EvaluationJson.num(o, "hostWatts", p.hostWatts());
        EvaluationJson.num(o, "serverWallWatts", p.serverWallWatts());
        EvaluationJson.num(o, "networkWatts", networkWatts);
        EvaluationJson.num(o, "itWatts", p.itWatts());
        EvaluationJson.num(o, "facilityWatts", p.facilityWatts());
        EvaluationJson.num(o, "provisionedItWatts", p.provisionedItWatts());
        PowerDetail d = p.detail();
        if (d == null) {
            return o;
        }
        OperatingPoint op = d.operatingPoint();
        o.put("operatingPoint", op.kind().label());
        EvaluationJson.num(o, "limitWattsPerAccelerator", d.limitWattsPerAccelerator());
        EvaluationJson.num(o, "clockFraction", d.clockFraction());
        ObjectNode ph = o.putObject("perAcceleratorWatts");
        ph.put("boundary", Boundary.BOARD.label());
        EvaluationJson.num(ph, "prefill", d.prefillWattsPerAccelerator());
        EvaluationJson.num(ph, "decode", d.decodeWattsPerAccelerator());
        EvaluationJson.num(ph, "steady", d.steadyWattsPerAccelerator());
        EvaluationJson.num(ph, "idle", d.idleWattsPerAccelerator());
        ObjectNode h = o.putObject("hostParts");
        EvaluationJson.num(h, "cpuWatts", d.host().cpuWatts());
        EvaluationJson.num(h, "memoryStorageWatts", d.host().memoryWatts());
        EvaluationJson.num(h, "nicWatts", d.host().nicWatts());
        EvaluationJson.num(h, "otherWatts", d.host().otherWatts());
        EvaluationJson.num(h, "fanWatts", d.host().fanWatts());
        EvaluationJson.num(h, "conversionLossWatts", d.host().conversionLossWatts());
        return o;
    }
}
