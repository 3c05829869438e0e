package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.site.SiteOptimizer;
import io.tokenrack.engine.site.SitePlan;
import io.tokenrack.engine.site.Tornado;

/** {@code plan --json}: a site plan, its alternatives and its tornado as JSON, units in the field names. */
final class SiteJson {
    private SiteJson() {}

    static ObjectNode of(SitePlan p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", p.name());
        o.put("siteMegawatts", p.siteMegawatts());
        o.put("racks", p.racks());
        o.put("accelerators", p.accelerators());
        num(o, "outputTokensPerSecond", p.outputTokensPerSecond());
        num(o, "outputTokensPerSecondPerMegawatt", p.outputTokensPerSecondPerMegawatt());
        ObjectNode perMw = o.putObject("outputTokensPerSecondPerMegawattAt");
        num(perMw, "utility", p.outputTokensPerSecondPerMegawatt());
        num(perMw, "facility", p.outputTokensPerSecondPerFacilityMegawatt());
        num(perMw, "it", p.outputTokensPerSecondPerItMegawatt());
        num(perMw, "provisionedIt", p.outputTokensPerSecondPerProvisionedMegawatt());
        num(o, "itPowerWatts", p.power().itWatts());
        num(o, "facilityPowerWatts", p.power().facilityWatts());
        ObjectNode flow = o.putObject("powerFlowWatts");
        num(flow, "accelerators", p.power().acceleratorWatts());
        num(flow, "hosts", p.power().hostWatts());
        num(flow, "network", p.power().networkWatts());
        num(flow, "powerChainLosses", p.power().chainLossWatts());
        num(flow, "cooling", p.power().coolingWatts());
        num(flow, "unusedEnvelope", p.siteMegawatts() * 1e6 - p.power().facilityWatts());
        num(o, "pue", p.facilityPerItWatt());
        num(o, "powerChainEfficiency", p.chainEfficiency());
        o.put("rackPowerBasis", p.rackPowerBasis().label());
        num(o, "sizedItPowerWatts", p.sizedItWatts());
        num(o, "provisionedItPowerWatts", p.provisionedItWatts());
        num(o, "maxPItPowerWatts", p.maxPItWatts());
        num(o, "oversubscription", p.oversubscription());
        o.put("oversubscriptionRisk", p.risk());
        num(o, "utilization", p.utilization());
        num(o, "annualOutputTokens", p.annualOutputTokens());
        num(o, "annualRevenueUsd", p.annualRevenueUsd());
        num(o, "capexUsd", p.capexUsd());
        num(o, "capitalUsdPerYear", p.capitalUsdPerYear());
        num(o, "energyUsdPerYear", p.energyUsdPerYear());
        num(o, "facilityUsdPerYear", p.facilityUsdPerYear());
        num(o, "usdPerMillionOutputTokens", p.usdPerMillionOutputTokens());
        num(o, "paybackYears", p.paybackYears());
        o.put("bindingLimit", p.bindingLimit().label());
        SitePlan.Powers pw = p.powers();
        ObjectNode powers = o.putObject("itPowerByMeasureWatts");
        num(powers, "provisioned", pw.provisionedItWatts());
        num(powers, "maxP", pw.maxPItWatts());
        num(powers, "p90", pw.p90ItWatts());
        num(powers, "modelledBusy", pw.busyItWatts());
        num(powers, "meanOverAllHours", pw.meanItWatts());
        num(o, "p90ItPowerWatts", pw.p90ItWatts());
        num(o, "exceedanceShareOfHours", pw.exceedanceShare());
        SitePlan.FacilityCost fc = p.facility();
        num(o, "facilityCapexUsd", fc.usd());
        num(o, "facilityCapexUsdPerMegawatt", fc.usdPerMegawatt());
        ObjectNode fr = o.putObject("facilityCapexRangeUsd");
        num(fr, "low", fc.lowUsd());
        num(fr, "high", fc.highUsd());
        num(o, "totalCapexUsd", fc.totalCapexUsd());
        num(o, "hardwarePaybackYears", fc.hardwarePaybackYears());
        ObjectNode pr = o.putObject("paybackYearsRange");
        num(pr, "low", fc.paybackYearsLow());
        num(pr, "high", fc.paybackYearsHigh());
        ArrayNode ds = o.putArray("designs");
        for (SitePlan.DesignLine d : p.designs()) {
            ObjectNode n = ds.addObject();
            n.put("design", d.label());
            n.put("acceleratorId", d.acceleratorId());
            n.put("units", d.units());
            n.put("racks", d.racks());
            n.put("accelerators", d.accelerators());
            num(n, "sizedWattsPerUnit", d.sizedWattsPerUnit());
            num(n, "modelledItWattsPerUnit", d.modelledItWattsPerUnit());
            num(n, "outputTokensPerSecond", d.outputTokensPerSecond());
            num(n, "capexUsd", d.capexUsd());
            num(n, "p90ItWattsPerUnit", d.p90ItWattsPerUnit());
            ArrayNode served = n.putArray("serves");
            d.served().forEach(served::add);
        }
        ArrayNode ws = o.putArray("workloads");
        for (SitePlan.WorkloadLine w : p.workloads()) {
            ObjectNode n = ws.addObject();
            n.put("name", w.name());
            if (w.tier() != null) {
                n.put("tier", w.tier());
            }
            num(n, "share", w.share());
            num(n, "outputTokensPerSecond", w.outputTokensPerSecond());
            num(n, "annualOutputTokens", w.annualOutputTokens());
            num(n, "priceUsdPerMillionOutputTokens", w.priceUsdPerMillionOutputTokens());
            num(n, "annualRevenueUsd", w.annualRevenueUsd());
        }
        ArrayNode notes = o.putArray("notes");
        p.notes().forEach(notes::add);
        return o;
    }

    static void alternatives(ObjectNode o, SiteOptimizer.Result r) {
        o.put("objective", r.objective().name().toLowerCase(java.util.Locale.ROOT));
        o.put("candidatesTried", r.candidatesTried());
        o.put("candidatesServing", r.candidatesServing());
        o.put("why", r.why());
        ArrayNode alts = o.putArray("alternatives");
        for (SiteOptimizer.Alternative a : r.alternatives()) {
            ObjectNode n = alts.addObject();
            ArrayNode d = n.putArray("designs");
            a.designs().forEach(d::add);
            SitePlan p = a.plan();
            n.put("racks", p.racks());
            n.put("accelerators", p.accelerators());
            ArrayNode units = n.putArray("units");
            p.designs().forEach(l -> units.add(l.units()));
            num(n, "outputTokensPerSecond", p.outputTokensPerSecond());
            num(n, "outputTokensPerSecondPerMegawatt", p.outputTokensPerSecondPerMegawatt());
            num(n, "annualRevenueUsd", p.annualRevenueUsd());
            num(n, "capexUsd", p.capexUsd());
            num(n, "totalCapexUsd", p.facility().totalCapexUsd());
            num(n, "usdPerMillionOutputTokens", p.usdPerMillionOutputTokens());
            num(n, "paybackYears", p.paybackYears());
            n.put("bindingLimit", p.bindingLimit().label());
            ArrayNode s = n.putArray("serving");
            a.serving().forEach(s::add);
            ArrayNode configs = n.putArray("servingConfigurations");
            for (io.tokenrack.engine.site.ServingChoice c : a.servingChoices()) {
                ObjectNode x = configs.addObject();
                x.put("workload", c.workload());
                x.put("design", c.design());
                x.put("mode", c.mode());
                x.put("layout", c.layout());
                if (c.idle() != null) {
                    x.put("idle", c.idle()); // what the mode leaves idle (an attention–FFN unit that moves no FFN layer)
                }
                x.put("speculative", c.speculative());
                num(x, "acceptanceLength", c.acceptanceLength());
                num(x, "requestsInFlightPerUnit", c.requestsInFlight());
                num(x, "tokensPerSecondPerUser", c.tokensPerSecondPerUser());
            }
        }
    }

    static void tornado(ObjectNode o, Tornado.Result t) {
        ObjectNode s = o.putObject("sensitivity");
        ObjectNode base = s.putObject("base");
        headline(base, t.base());
        ArrayNode bars = s.putArray("bars");
        for (Tornado.Bar b : t.bars()) {
            ObjectNode n = bars.addObject();
            n.put("input", b.input());
            n.put("available", b.available());
            n.put("low", b.lowLabel());
            n.put("high", b.highLabel());
            headline(n.putObject("atLow"), b.low());
            headline(n.putObject("atHigh"), b.high());
            if (!b.note().isEmpty()) {
                n.put("note", b.note());
            }
        }
    }

    private static void headline(ObjectNode n, Tornado.Headline h) {
        num(n, "outputTokensPerSecondPerMegawatt", h.tokensPerSecondPerMegawatt());
        num(n, "usdPerMillionOutputTokens", h.usdPerMillionOutputTokens());
        num(n, "paybackYears", h.paybackYears());
    }

    /** A number, or null where it is unknown (NaN) or never reached (infinite payback). */
    private static void num(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
