package io.tokenrack.app.site;

import io.tokenrack.engine.design.DesignIO;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.site.SiteDesign;
import io.tokenrack.engine.site.SiteDocument;
import io.tokenrack.engine.site.SiteIO;
import io.tokenrack.engine.site.SiteOptimizer;
import io.tokenrack.engine.site.SitePlan;
import io.tokenrack.engine.site.SitePlanner;
import io.tokenrack.engine.site.Tornado;
import io.tokenrack.engine.site.UnitEvaluation;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Site view's document and results: a site (envelope, chain, cooling, designs, workload mix),
 * its plan and tornado, the optimizer's alternatives and other sites to compare. Every computation
 * runs on the background executor; results arrive on the FX executor, the latest request winning.
 * Each design is evaluated once per mix; changing the envelope only re-scales.
 */
public final class SiteModel {
    private final SitePlanner planner;
    private final Executor background;
    private final Executor fx;
    private final SiteDocument template;

    private final ReadOnlyObjectWrapper<SiteDocument> site = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SitePlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Tornado.Result> tornado = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SiteOptimizer.Result> alternatives = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<SitePlan> compared = FXCollections.observableArrayList();

    /** The designs of the site, read, in its order; where each was read from (to save it beside the site). */
    private List<RackDesign> designs = List.of();
    private List<Path> designSources = List.of();
    /** What units were evaluated for: a list of designs (by identity), the site's design entries and its mix. */
    private record Key(List<RackDesign> designs, Object entries, Object mix) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.designs == designs && k.entries.equals(entries) && k.mix.equals(mix);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(designs) * 31 + entries.hashCode() * 17 + mix.hashCode();
        }
    }

    /** Units already evaluated (the site's and the tornado's variants); cleared when the designs change. */
    private final java.util.concurrent.ConcurrentHashMap<Key, List<UnitEvaluation>> evaluated = new java.util.concurrent.ConcurrentHashMap<>();

    private List<UnitEvaluation> evaluated(SiteDocument s, List<RackDesign> ds) {
        Key k = new Key(ds, s.designs(), s.workloads());
        List<UnitEvaluation> u = evaluated.get(k);
        if (u == null) {
            u = planner.evaluate(s, ds);
            if (evaluated.size() > 16) {
                evaluated.clear();
            }
            evaluated.put(k, u);
        }
        return u;
    }
    private final AtomicLong generation = new AtomicLong();
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    /**
     * @param template a site whose workload mix, chain and cooling a new site starts from
     */
    public SiteModel(Evaluator evaluator, Executor background, Executor fx, SiteDocument template) {
        this.planner = new SitePlanner(evaluator, Assumptions.defaults(evaluator.catalog().facility()));
        this.background = background;
        this.fx = fx;
        this.template = template;
    }

    public ReadOnlyObjectProperty<SiteDocument> siteProperty() {
        return site.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SitePlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tornado.Result> tornadoProperty() {
        return tornado.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SiteOptimizer.Result> alternativesProperty() {
        return alternatives.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Share of a running search done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<SitePlan> compared() {
        return compared;
    }

    public SitePlan plan() {
        return plan.get();
    }

    public SiteDocument site() {
        return site.get();
    }

    /** Opens a site file: reads it and its design files (on the background thread), then plans it. */
    public void open(Path siteFile) {
        run("opening " + siteFile.getFileName(), () -> {
            SiteDocument s = SiteIO.read(siteFile);
            List<RackDesign> ds = SiteIO.designs(s, siteFile);
            List<Path> sources = new ArrayList<>();
            Path dir = siteFile.toAbsolutePath().getParent();
            for (SiteDesign d : s.designs()) {
                sources.add(d.design() == null ? null : dir.resolve(d.design()).normalize());
            }
            return () -> {
                file.set(siteFile);
                use(s, ds, sources);
            };
        });
    }

    /** Opens a site that is already read, with its designs (e.g. the bundled example). */
    public void show(SiteDocument s, List<RackDesign> ds, List<Path> sources) {
        file.set(null);
        use(s, ds, sources);
    }

    /**
     * Adds a design file to the site, all designs then sharing the IT power equally. The first
     * design starts a site from the template (its mix, chain, cooling and envelope).
     */
    public void addDesign(Path designFile) {
        run("reading " + designFile.getFileName(), () -> {
            RackDesign d = DesignIO.read(designFile);
            return () -> {
                List<RackDesign> ds = new ArrayList<>(site.get() == null ? List.of() : designs);
                List<Path> src = new ArrayList<>(site.get() == null ? List.of() : designSources);
                ds.add(d);
                src.add(designFile.toAbsolutePath().normalize());
                List<SiteDesign> entries = new ArrayList<>();
                for (Path p : src) {
                    entries.add(SiteDesign.ofFile(p.toString(), 1.0 / src.size()));
                }
                SiteDocument base = site.get() != null ? site.get() : template.withName("New site");
                use(base.withDesigns(entries), ds, src);
            };
        });
    }

    /** A new envelope: the same units re-scaled. */
    public void setUtilityMegawatts(double mw) {
        if (site.get() == null) {
            message.set("add a design first");
            return;
        }
        SiteDocument s;
        try {
            s = site.get().withUtilityMegawatts(mw);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        site.set(s);
        replan();
    }

    /**
     * A change that keeps the designs and the mix (power chain, cooling plant, rack power basis):
     * the units already evaluated are re-scaled.
     */
    public void update(java.util.function.UnaryOperator<SiteDocument> change) {
        if (site.get() == null) {
            message.set("add a design first");
            return;
        }
        SiteDocument s;
        try {
            s = change.apply(site.get());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        site.set(s);
        replan();
    }

    private void use(SiteDocument s, List<RackDesign> ds, List<Path> sources) {
        designs = List.copyOf(ds);
        designSources = new ArrayList<>(sources);
        site.set(s);
        alternatives.set(null);
        replan();
    }

    private void replan() {
        SiteDocument s = site.get();
        List<RackDesign> ds = designs;
        run("planning " + s.name(), () -> {
            List<UnitEvaluation> u = evaluated(s, ds);
            SitePlan p = planner.plan(s, u);
            Tornado.Result t = Tornado.of(planner, s, u, variant -> evaluated(variant, ds));
            return () -> {
                plan.set(p);
                tornado.set(t);
            };
        }, generation);
    }

    /**
     * Saves the site atomically. Design files are named relative to the site's folder; a design read
     * from inside the application (a bundled example) is written beside the site first.
     */
    public void save(Path target) throws IOException {
        SiteDocument s = site.get();
        if (s == null) {
            throw new IOException("there is no site to save: add a design first");
        }
        Path dir = target.toAbsolutePath().getParent();
        List<SiteDesign> entries = new ArrayList<>();
        for (int i = 0; i < s.designs().size(); i++) {
            SiteDesign e = s.designs().get(i);
            Path src = i < designSources.size() ? designSources.get(i) : null;
            if (e.design() == null || src == null) {
                entries.add(e);
                continue;
            }
            Path onDisk = src;
            if (src.getFileSystem() != FileSystems.getDefault()) {
                onDisk = dir.resolve(src.getFileName().toString());
                if (!Files.exists(onDisk)) {
                    DesignIO.write(onDisk, designs.get(i));
                }
            }
            String rel = dir.relativize(onDisk.toAbsolutePath().normalize()).toString().replace('\\', '/');
            entries.add(new SiteDesign(rel, null, null, e.share(), e.count(), e.unitPriceUsd(), e.unitPriceNote()));
            designSources.set(i, onDisk.toAbsolutePath().normalize());
        }
        SiteDocument saved = s.withDesigns(entries);
        SiteIO.write(target, saved);
        site.set(saved);
        file.set(target);
        message.set("saved " + target.getFileName());
    }

    /** Searches the catalog and the preset designs for the best site at this envelope and mix. */
    public void optimize(Map<String, RackDesign> presetDesigns, SiteOptimizer.Objective objective) {
        SiteDocument s = site.get();
        if (s == null) {
            message.set("add a design or open a site first: the search keeps its envelope and workload mix");
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        progress.set(0);
        List<RackDesign> own = designs;
        run("searching the catalog", () -> {
            var candidates = SiteOptimizer.candidates(s, own, planner.evaluator(), presetDesigns);
            SiteOptimizer.Result r = new SiteOptimizer(planner).optimize(s, candidates, objective,
                    f -> fx.execute(() -> progress.set(f)), stop::get);
            return () -> {
                alternatives.set(r);
                message.set(r.why());
            };
        });
    }

    /** Stops a running search. */
    public void cancel() {
        cancel.set(true);
    }

    /** Plans another site file and adds it to the comparison. */
    public void compareWith(Path otherSite) {
        run("planning " + otherSite.getFileName(), () -> {
            SiteDocument s = SiteIO.read(otherSite);
            SitePlan p = planner.plan(s, planner.evaluate(s, SiteIO.designs(s, otherSite)));
            return () -> compared.add(p);
        });
    }

    /** Adds the plan shown now to the comparison (to set it beside another site). */
    public void compareCurrent() {
        if (plan.get() != null) {
            compared.add(plan.get());
        }
    }

    private void run(String what, Work work) {
        run(what, work, null);
    }

    /**
     * Runs {@code work} on the background thread and applies its result on the FX thread.
     *
     * @param latest when not null, the result is applied only if no later request of its kind came since
     */
    private void run(String what, Work work, AtomicLong latest) {
        long g = latest == null ? 0 : latest.incrementAndGet();
        pending++;
        busy.set(true);
        message.set(what + "…");
        background.execute(() -> {
            Runnable apply;
            try {
                apply = work.call();
            } catch (CancellationException e) {
                fx.execute(() -> done("search cancelled"));
                return;
            } catch (RuntimeException e) {
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                fx.execute(() -> done(m));
                return;
            }
            fx.execute(() -> {
                if (latest == null || latest.get() == g) {
                    apply.run();
                }
                done(null);
            });
        });
    }

    private int pending;

    private void done(String msg) {
        pending--;
        busy.set(pending > 0);
        if (msg != null) {
            message.set(msg);
        } else if (pending == 0 && message.get().endsWith("…")) {
            message.set("");
        }
    }

    /** Work on the background thread that returns what to apply on the FX thread. */
    private interface Work {
        Runnable call();
    }
}
