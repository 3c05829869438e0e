package io.tokenrack.engine.cli;

import io.tokenrack.engine.site.SiteOptimizer;
import io.tokenrack.engine.site.SitePlan;
import io.tokenrack.engine.site.Tornado;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code plan}'s text output. */
final class SiteText {
    private SiteText() {}

    static void print(PrintWriter out, SitePlan p) {
        out.printf(Locale.ROOT, "%s: %s MW utility envelope, PUE %.3f (power chain %.1f%%, cooling %.3f W per IT W), sized by %s rack power%n",
                p.name(), plain(p.siteMegawatts()), p.facilityPerItWatt(), p.chainEfficiency() * 100, p.coolingOverhead(), p.rackPowerBasis().label());
        for (SitePlan.DesignLine d : p.designs()) {
            out.printf(Locale.ROOT, "  %-34s %,7d %-5s  %,6d %-5s  %,8d × %-12s %s tokens/s  (%s kW sized, %s kW modelled per unit)%n",
                    d.label(), d.units(), io.tokenrack.engine.catalog.Plural.noun(d.units(), "unit"), d.racks(),
                    io.tokenrack.engine.catalog.Plural.noun(d.racks(), "rack"), d.accelerators(), d.acceleratorId(), Text.count(d.outputTokensPerSecond()),
                    Text.fixed(d.sizedWattsPerUnit() / 1e3, 1), Text.fixed(d.modelledItWattsPerUnit() / 1e3, 1));
        }
        out.printf(Locale.ROOT, "  racks / accelerators     %,d / %,d%n", p.racks(), p.accelerators());
        out.printf(Locale.ROOT, "  output tokens/s          %s  (%s per utility MW; %s per facility MW, %s per IT MW, %s per provisioned MW)%n",
                Text.count(p.outputTokensPerSecond()), Text.count(p.outputTokensPerSecondPerMegawatt()),
                Text.count(p.outputTokensPerSecondPerFacilityMegawatt()), Text.count(p.outputTokensPerSecondPerItMegawatt()),
                Text.count(p.outputTokensPerSecondPerProvisionedMegawatt()));
        SitePlan.PowerFlow f = p.power();
        out.printf(Locale.ROOT, "  power (modelled), MW     accelerators %s, hosts %s, network %s = IT %s; chain losses %s, cooling %s = facility %s%n",
                mw(f.acceleratorWatts()), mw(f.hostWatts()), mw(f.networkWatts()), mw(f.itWatts()), mw(f.chainLossWatts()), mw(f.coolingWatts()),
                mw(f.facilityWatts()));
        out.printf(Locale.ROOT, "  sized / provisioned IT   %s / %s MW (oversubscription %.2f×): risk %s%n", mw(p.sizedItWatts()),
                mw(p.provisionedItWatts()), p.oversubscription(), p.risk());
        SitePlan.Powers pw = p.powers();
        out.printf(Locale.ROOT, "  IT power by measure, MW  provisioned %s, Max-P %s, P90 %s, modelled busy %s, mean over all hours %s; "
                        + "above the sized power %s of the hours%n", mw(pw.provisionedItWatts()), mw(pw.maxPItWatts()), mw(pw.p90ItWatts()),
                mw(pw.busyItWatts()), mw(pw.meanItWatts()), Text.percent(pw.exceedanceShare()));
        for (SitePlan.WorkloadLine w : p.workloads()) {
            out.printf(Locale.ROOT, "  %-24s %s tokens/s, %s M tokens a year at $%s/M = %s a year%n", w.name() + (w.tier() == null ? "" : " (" + w.tier() + ")"),
                    Text.count(w.outputTokensPerSecond()), Text.count(w.annualOutputTokens() / 1e6), plain(w.priceUsdPerMillionOutputTokens()),
                    money(w.annualRevenueUsd()));
        }
        out.printf(Locale.ROOT, "  revenue / capex          %s a year / %s (capital %s, energy %s, facility %s a year; utilization %s)%n",
                money(p.annualRevenueUsd()), money(p.capexUsd()), money(p.capitalUsdPerYear()), money(p.energyUsdPerYear()),
                money(p.facilityUsdPerYear()), Text.percent(p.utilization()));
        SitePlan.FacilityCost fc = p.facility();
        out.printf(Locale.ROOT, "  facility capex           %s (%s per MW of sized IT load; %s–%s over the survey's markets); hardware + facility %s%n",
                money(fc.usd()), money(fc.usdPerMegawatt()), money(fc.lowUsd()), money(fc.highUsd()), money(fc.totalCapexUsd()));
        out.printf(Locale.ROOT, "  $ per M output tokens    %s%n", Double.isFinite(p.usdPerMillionOutputTokens())
                ? "$" + Text.fixed(p.usdPerMillionOutputTokens(), 3) : Text.UNKNOWN + " (" + missingPrice(p) + ")");
        out.printf(Locale.ROOT, "  payback                  %s, hardware and facility build over revenue less energy (%s–%s with the facility's range);"
                        + " hardware alone with the facility rented %s%n", years(p.paybackYears()), years(fc.paybackYearsLow()),
                years(fc.paybackYearsHigh()), years(fc.hardwarePaybackYears()));
        out.printf(Locale.ROOT, "  binding limit            %s%n", p.bindingLimit().label());
        for (String n : p.notes()) {
            out.println("  note: " + n);
        }
    }

    /** The designs of the plan that have units but no price (capex unknown). */
    static java.util.List<String> unpriced(SitePlan p) {
        return p.designs().stream().filter(d -> d.units() > 0 && !Double.isFinite(d.capexUsd())).map(SitePlan.DesignLine::label).toList();
    }

    /** Which price is missing, for "$/M unknown (…)". */
    static String missingPrice(SitePlan p) {
        java.util.List<String> u = unpriced(p);
        return u.isEmpty() ? "the cost is not finite" : "no price in the catalog for " + String.join(", ", u);
    }

    private static String years(double y) {
        return Double.isNaN(y) ? Text.UNKNOWN : Double.isInfinite(y) ? "never" : Text.fixed(y, 2) + " years";
    }

    static void alternatives(PrintWriter out, SiteOptimizer.Result r) {
        out.printf(Locale.ROOT, "alternatives by %s (%d candidates, %d serve the workloads):%n", r.objective().name().toLowerCase(Locale.ROOT),
                r.candidatesTried(), r.candidatesServing());
        int i = 1;
        for (SiteOptimizer.Alternative a : r.alternatives()) {
            SitePlan p = a.plan();
            out.printf(Locale.ROOT, "  %d. %-44s %,6d %-5s %,8d %-12s  %s tokens/s per MW  %s/yr revenue  %s  payback %s%n", i++,
                    String.join(" + ", a.designs()), p.racks(), io.tokenrack.engine.catalog.Plural.noun(p.racks(), "rack"), p.accelerators(),
                    io.tokenrack.engine.catalog.Plural.noun(p.accelerators(), "accelerator"), Text.count(p.outputTokensPerSecondPerMegawatt()),
                    money(p.annualRevenueUsd()), Double.isFinite(p.usdPerMillionOutputTokens()) ? "$" + Text.fixed(p.usdPerMillionOutputTokens(), 3) + "/M"
                            : "$/M unknown (" + missingPrice(p) + ")",
                    Double.isFinite(p.paybackYears()) ? Text.fixed(p.paybackYears(), 2) + " y" : unpriced(p).isEmpty() ? "never" : "unknown");
            for (String s : a.serving()) {
                out.println("       " + s);
            }
        }
        out.println("  why: " + r.why());
    }

    static void tornado(PrintWriter out, Tornado.Result t) {
        out.printf(Locale.ROOT, "sensitivity (base: %s tokens/s per MW, $%s/M, payback %s years):%n",
                Text.count(t.base().tokensPerSecondPerMegawatt()), Text.fixed(t.base().usdPerMillionOutputTokens(), 3),
                Text.fixed(t.base().paybackYears(), 2));
        for (Tornado.Bar b : t.bars()) {
            if (!b.available()) {
                out.printf(Locale.ROOT, "  %-20s %s%n", b.input(), b.note());
                continue;
            }
            out.printf(Locale.ROOT, "  %-20s %s → %s: tokens/s per MW %s → %s, $/M %s → %s, payback %s → %s years%n", b.input(), b.lowLabel(),
                    b.highLabel(), Text.count(b.low().tokensPerSecondPerMegawatt()), Text.count(b.high().tokensPerSecondPerMegawatt()),
                    Text.fixed(b.low().usdPerMillionOutputTokens(), 3), Text.fixed(b.high().usdPerMillionOutputTokens(), 3),
                    Text.fixed(b.low().paybackYears(), 2), Text.fixed(b.high().paybackYears(), 2));
        }
    }

    static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String mw(double w) {
        return Text.fixed(w / 1e6, 2);
    }

    static String money(double usd) {
        if (!Double.isFinite(usd)) {
            return Text.UNKNOWN;
        }
        double a = Math.abs(usd);
        return a >= 1e9 ? String.format(Locale.ROOT, "$%.2f B", usd / 1e9) : a >= 1e6 ? String.format(Locale.ROOT, "$%.1f M", usd / 1e6)
                : String.format(Locale.ROOT, "$%,.0f", usd);
    }
}
