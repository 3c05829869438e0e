package io.tokenrack.app.results;

import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.evaluate.Band;
import io.tokenrack.engine.evaluate.CostBreakdown;
import io.tokenrack.engine.evaluate.HeadlineMetric;
import io.tokenrack.engine.evaluate.RangedEvaluation;
import io.tokenrack.engine.evaluate.Efficiency;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Phase;
import io.tokenrack.engine.evaluate.PhaseBreakdown;
import io.tokenrack.engine.evaluate.PowerBreakdown;
import io.tokenrack.engine.evaluate.Provenance;
import io.tokenrack.engine.evaluate.Throughput;
import io.tokenrack.engine.workload.Parallelism;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headline numbers as cards: a title, a value with its unit, a one-line "why" and where the
 * inputs came from. Pure: built from {@link Results}, tested without a window.
 */
public final class Headline {
    /** One card. {@code kinds} says what kinds of inputs it rests on (datasheet, measured, modelled, assumption). */
    public record Card(String id, String title, String value, String unit, String why, Set<Provenance.Kind> kinds, String sources,
                       String band, String bandFrom) {
        /** A card whose number is not a range. */
        public Card(String id, String title, String value, String unit, String why, Set<Provenance.Kind> kinds, String sources) {
            this(id, title, value, unit, why, kinds, sources, "", "");
        }

        /** This card with a band ("1.9–2.4 tok/J") and the inputs that make it. */
        Card withBand(String band, String from) {
            return new Card(id, title, value, unit, why, kinds, sources, band, from);
        }
    }

    public static final List<String> IDS = List.of("card-output-tps", "card-tps-per-user", "card-tokens-per-joule",
            "card-tps-per-mw", "card-usd-per-mtok", "card-power", "card-bottleneck");

    private static final List<String> TITLES = List.of("Output tokens/s", "Tokens/s per user", "Tokens per joule",
            "Tokens/s per MW", "$ per M tokens", "Power", "Bottleneck");

    private Headline() {}

    /** Cards with "—" values and {@code why} as the reason (evaluating, no workload, does not fit). */
    public static List<Card> placeholders(String why) {
        List<Card> out = new ArrayList<>();
        for (int i = 0; i < IDS.size(); i++) {
            out.add(new Card(IDS.get(i), TITLES.get(i), Units.UNKNOWN, "", why, Set.of(), ""));
        }
        return out;
    }

    public static List<Card> cards(Results r) {
        if (r == null) {
            return placeholders("evaluating…");
        }
        Evaluation.Ok e = r.numbers();
        if (e == null) {
            return placeholders(r.message());
        }
        Set<Provenance.Kind> all = EnumSet.noneOf(Provenance.Kind.class);
        for (Provenance p : e.provenance()) {
            all.add(p.kind());
        }
        Set<Provenance.Kind> model = EnumSet.of(Provenance.Kind.DATASHEET, Provenance.Kind.MODELLED);
        model.addAll(all.contains(Provenance.Kind.MEASURED) ? EnumSet.of(Provenance.Kind.MEASURED) : EnumSet.noneOf(Provenance.Kind.class));
        Set<Provenance.Kind> withAssumptions = EnumSet.copyOf(model);
        withAssumptions.add(Provenance.Kind.ASSUMPTION);
        String modelSources = "accelerator datasheet (compute, memory, bandwidth) and the model's published config; "
                + "efficiency constants fitted on public measurements";
        PowerBreakdown pw = e.power();
        CostBreakdown c = e.cost();
        Throughput t = e.throughput();
        Efficiency eff = e.efficiency();
        List<Card> out = new ArrayList<>();
        out.add(new Card(IDS.get(0), TITLES.get(0), Units.number(t.outputTokensPerSecond()), "tok/s",
                String.format(Locale.US, "%s per accelerator · %s · %s in flight", Units.number(t.outputTokensPerSecondPerAccelerator()),
                        replicas(e), Units.number(e.plan().concurrency())),
                model, modelSources));
        out.add(new Card(IDS.get(1), TITLES.get(1), Units.number(t.tokensPerSecondPerUser()), "tok/s",
                "TPOT " + Units.ms(e.latency().tpotSeconds()) + " · TTFT " + Units.ms(e.latency().ttftSeconds()), model, modelSources));
        out.add(new Card(IDS.get(2), TITLES.get(2), Units.number(eff.outputTokensPerJoule()), "tok/J IT",
                Units.number(eff.outputTokensPerJouleFacility()) + " tok/J facility (IT ÷ PUE " + Units.number(pw.pue()) + ")",
                withAssumptions, "power modelled from TDP (datasheet) at the step's utilization; PUE of the rack's cooling"));
        out.add(new Card(IDS.get(3), TITLES.get(3), Units.compact(eff.tokensPerSecondPerProvisionedMW()), "tok/s/MW",
                "per MW provisioned: " + Units.kw(pw.provisionedItWatts()) + " nameplate × PUE " + Units.number(pw.pue()),
                EnumSet.of(Provenance.Kind.DATASHEET, Provenance.Kind.MODELLED), "nameplate power from datasheets"));
        out.add(new Card(IDS.get(4), TITLES.get(4), Units.usd(c.usdPerMillionOutputTokens()), "per M tok",
                Units.usd(c.totalUsdPerHour()) + "/h at " + Units.percent(r.input().assumptions().utilization())
                        + " utilization: capital " + Units.usd(c.capitalUsdPerHour()) + ", energy "
                        + Units.usd(c.energyUsdPerHour()) + ", facility " + Units.usd(c.facilityUsdPerHour()),
                withAssumptions, "price estimates from the catalog; electricity, amortization, utilization from the workload bar"));
        out.add(new Card(IDS.get(5), TITLES.get(5), Units.number(pw.itWatts() / 1000), "kW IT",
                Units.kw(pw.facilityWatts()) + " facility · accel. " + Units.number(pw.acceleratorWatts() / 1000) + ", hosts "
                        + Units.number(pw.hostWatts() / 1000) + ", net " + networkKw(e) + ", cooling "
                        + Units.kw(pw.coolingOverheadWatts()),
                withAssumptions, "modelled average power at the operating point; TDP and server maxima from datasheets"));
        if (r.ranged()) {
            withBands(out, r.ranges());
        }
        String bound = e.bottleneck().label();
        int paren = bound.indexOf(" (");
        out.add(new Card(IDS.get(6), TITLES.get(6), paren > 0 ? bound.substring(0, paren) : bound, "",
                (paren > 0 ? bound.substring(paren + 2, bound.length() - 1) + " · " : "") + decodeWhy(e, 0), model, modelSources));
        return out;
    }

    /** Each card whose number has a range gets its band, e.g. "1.9–2.4 tok/J", and the inputs that make it. */
    private static void withBands(List<Card> cards, RangedEvaluation r) {
        String from = "Range over announced or assumed figures known only as ranges: " + r.inputsText();
        band(cards, 0, r.band(HeadlineMetric.OUTPUT_TOKENS_PER_SECOND), 1, "tok/s", false, from);
        band(cards, 1, r.band(HeadlineMetric.TOKENS_PER_SECOND_PER_USER), 1, "tok/s", false, from);
        band(cards, 2, r.band(HeadlineMetric.OUTPUT_TOKENS_PER_JOULE), 1, "tok/J", false, from);
        band(cards, 3, r.band(HeadlineMetric.TOKENS_PER_SECOND_PER_PROVISIONED_MW), 1, "tok/s/MW", false, from);
        band(cards, 4, r.band(HeadlineMetric.USD_PER_MILLION_OUTPUT_TOKENS), 1, "", true, from);
        band(cards, 5, r.band(HeadlineMetric.IT_POWER_WATTS), 1000, "kW", false, from);
    }

    private static void band(List<Card> cards, int i, Band b, double scale, String unit, boolean usd, String from) {
        if (b == null || !(b.high() > b.low())) {
            return; // unknown stays unknown, and a range that does not move this number is no band
        }
        String lo = usd ? Units.usd(b.low()) : scale == 1 && unit.equals("tok/s/MW") ? Units.compact(b.low()) : Units.number(b.low() / scale);
        String hi = usd ? Units.usd(b.high()) : scale == 1 && unit.equals("tok/s/MW") ? Units.compact(b.high()) : Units.number(b.high() / scale);
        cards.set(i, cards.get(i).withBand(lo + "–" + hi + (unit.isEmpty() ? "" : " " + unit), from));
    }

    /** "decode 31 ms, memory-bandwidth bound: attention over the KV cache 40 %, dense FFN 34 %". */
    public static String decodeWhy(Evaluation.Ok e) {
        return decodeWhy(e, 2);
    }

    /** As {@link #decodeWhy(Evaluation)}, naming the {@code shares} largest shares (the card names none, to fit; the Why panel names them). */
    public static String decodeWhy(Evaluation.Ok e, int shares) {
        PhaseBreakdown decode = e.phase(Phase.DECODE);
        if (decode == null) {
            return "";
        }
        // the bottleneck is read from the steady step (decode plus the prefill chunks it carries): where
        // that is bound differently from a pure decode step, explain the steady step, not a contradiction
        PhaseBreakdown steady = e.phase(Phase.STEADY_STEP);
        boolean steadyDiffers = steady != null && steady.bound() != decode.bound();
        PhaseBreakdown shown = steadyDiffers ? steady : decode;
        List<PhaseBreakdown.Share> top = shown.shares().stream()
                .sorted(Comparator.comparingDouble(PhaseBreakdown.Share::fraction).reversed()).limit(shares).toList();
        StringBuilder sb = new StringBuilder(steadyDiffers ? "steady step " : "decode step ")
                .append(Units.ms(shown.stepSeconds())).append(steadyDiffers ? " (with prefill chunks), " : ", ")
                .append(shown.bound().name().toLowerCase(Locale.ROOT).replace('_', '-')).append(" bound").append(top.isEmpty() ? "" : ": ");
        for (int i = 0; i < top.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shortName(top.get(i))).append(' ').append(Units.percent(top.get(i).fraction()));
        }
        return sb.toString();
    }

    /** The network's kW: "—" when no item with a figure was counted and some have none, "≥ x" when some are missing. */
    static String networkKw(Evaluation.Ok e) {
        double kw = e.power().networkWatts() / 1000;
        if (!e.networkPowerIncomplete()) {
            return Units.number(kw);
        }
        return kw > 0 ? "≥ " + Units.number(kw) : Units.UNKNOWN;
    }

    static String shortName(PhaseBreakdown.Share s) {
        String d = s.operatorClass().description();
        int paren = d.indexOf(" (");
        return paren > 0 ? d.substring(0, paren) : d;
    }

    /** "11 × TP8 replicas"; disaggregated, the pools: "8 prefill × TP1 + 3 decode × TP8 replicas". */
    private static String replicas(Evaluation.Ok e) {
        var split = e.plan().split();
        if (split.disaggregated()) {
            return String.format(Locale.US, "%d prefill × %s + %d decode × %s replicas", split.prefillReplicas(),
                    layout(split.prefillParallelism()), split.decodeReplicas(), layout(split.decodeParallelism()));
        }
        return String.format(Locale.US, "%d × %s replicas", e.plan().replicas(), layout(e.plan().parallelism()));
    }

    static String layout(Parallelism p) {
        if (p == null || p.tp() == null) {
            return "auto";
        }
        StringBuilder sb = new StringBuilder("TP").append(p.tp());
        if (p.pp() != null && p.pp() > 1) {
            sb.append("·PP").append(p.pp());
        }
        if (p.dp() != null && p.dp() > 1) {
            sb.append("·DP").append(p.dp());
        }
        if (p.ep() != null && p.ep() > 1) {
            sb.append("·EP").append(p.ep());
        }
        return sb.toString();
    }
}
