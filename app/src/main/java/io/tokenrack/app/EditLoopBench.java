package io.tokenrack.app;

import io.tokenrack.app.document.AutosaveFolder;
import io.tokenrack.app.document.RecentFiles;
import io.tokenrack.app.results.Results;
import io.tokenrack.engine.catalog.CatalogLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code tokenrack-app.jar bench}: the edit loop of the real main window, measured. The example rack
 * opens at 1600 × 1000 with the heat-map and bottleneck overlays on (and the token flow, when asked),
 * then the output length is edited back and forth; each edit is timed from the document change to
 * the start of the second frame after its results were published (JavaFX starts a frame only once
 * the previous one is rendered, so that is edit → engine → views → layout → rendered canvas and
 * charts). Run it with software rendering ({@code -Dprism.order=sw}) on a display (a virtual one
 * such as Xvfb will do) or on the headless Monocle platform.
 */
public final class EditLoopBench {
    public static final String NAME = "bench";
    static final String USAGE = """
            usage: tokenrack-app.jar bench [--edits N] [--warmup N] [--overlays on|off] [--flow on|off] [--json]
              Times the main window's edit loop: edit -> engine -> canvas and charts rendered (median, p90, max in ms).
              Run with -Dprism.order=sw for software rendering.
            """;
    /** Quiet time between edits, so the slower second pass (ranges) of one edit does not land in the next. */
    private static final long GAP_MILLIS = 40;

    private EditLoopBench() {}

    /**
     * One edit's timings, in nanoseconds from the edit, and the CPU time the FX thread and the
     * renderer thread spent on it (on a loaded machine the wall times grow with the load; the CPU
     * times much less).
     */
    record Sample(long published, long laidOut, long rendered, long engine, long fxCpu, long renderCpu) {}

    /** Runs the benchmark; the exit status (2 for a wrong command line). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int edits = 40;
        int warmup = 10;
        boolean overlays = true;
        boolean flow = false;
        boolean json = false;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--edits" -> edits = positive(args, ++i);
                    case "--warmup" -> warmup = Math.max(0, Integer.parseInt(value(args, ++i)));
                    case "--overlays" -> overlays = onOff(args, ++i);
                    case "--flow" -> flow = onOff(args, ++i);
                    case "--json" -> json = true;
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("tokenrack-app bench: " + e.getMessage());
            err.print(USAGE);
            return Launcher.USAGE_ERROR;
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("tokenrack-bench");
        } catch (IOException e) {
            err.println("tokenrack-app bench: cannot create a temporary folder: " + e.getMessage());
            return 1;
        }
        CompletableFuture<List<Sample>> done = new CompletableFuture<>();
        int total = edits + warmup;
        int skip = warmup;
        boolean withOverlays = overlays;
        boolean withFlow = flow;
        Platform.startup(() -> {
            try {
                start(tmp, total, withOverlays, withFlow, done);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        List<Sample> samples;
        try {
            samples = done.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            err.println("tokenrack-app bench: " + (e.getCause() != null ? e.getCause() : e));
            Platform.exit();
            return 1;
        } finally {
            delete(tmp);
        }
        Platform.exit();
        report(samples.subList(skip, samples.size()), overlays, flow, json, out);
        return 0;
    }

    private static void start(Path tmp, int edits, boolean overlays, boolean flow, CompletableFuture<List<Sample>> done) {
        javafx.application.Application.setUserAgentStylesheet(io.tokenrack.app.theme.Theme.LIGHT.userAgentStylesheet());
        AppContext context = AppContext.standard(EngineContext.of(CatalogLoader.loadDefault(), java.util.Optional.empty()),
                AppContext.PresetsAccess.standard(), new RecentFiles(tmp.resolve("recent.json")), new FxDialogs(() -> null),
                Platform::runLater, new AutosaveFolder(tmp, java.util.concurrent.Executors.newSingleThreadExecutor(
                        r -> Thread.ofPlatform().daemon().name("tokenrack-autosave").unstarted(r))));
        MainWindow window = new MainWindow(context, DocumentActions.example(context), null);
        Stage stage = new Stage();
        window.show(stage);
        stage.setWidth(MainWindow.DEFAULT_WIDTH);
        stage.setHeight(MainWindow.DEFAULT_HEIGHT);
        window.canvas().heatOverlayProperty().set(overlays);
        window.canvas().bottleneckOverlayProperty().set(overlays);
        window.setTokenFlow(flow);
        new Loop(window, stage.getScene(), edits, done).waitForFirst();
    }

    /** Edits, waits for the results and two frames, records, and edits again: all on the FX thread. */
    private static final class Loop {
        private final MainWindow window;
        private final Scene scene;
        private final int edits;
        private final CompletableFuture<List<Sample>> done;
        private final List<Sample> samples = new ArrayList<>();
        private long t0;
        private long published;
        private long laidOut;
        private long engine;
        private long fxCpu0;
        private long renderCpu0;
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private long fxThread = -1;
        private long renderThread = -1;

        Loop(MainWindow window, Scene scene, int edits, CompletableFuture<List<Sample>> done) {
            this.window = window;
            this.scene = scene;
            this.edits = edits;
            this.done = done;
        }

        void waitForFirst() {
            whenSettled(() -> pause(this::edit));
        }

        /** Runs {@code next} once the results of the document as it is now are published. */
        private void whenSettled(Runnable next) {
            var model = window.results();
            if (!model.evaluatingProperty().get() && model.results() != null && model.results().input() == window.document().state()) {
                next.run();
                return;
            }
            ChangeListener<Results> l = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Results> o, Results was, Results now) {
                    if (now != null && now.input() == window.document().state()) {
                        o.removeListener(this);
                        next.run();
                    }
                }
            };
            model.resultsProperty().addListener(l);
        }

        private void edit() {
            if (samples.size() >= edits) {
                done.complete(samples);
                return;
            }
            if (fxThread < 0) {
                fxThread = Thread.currentThread().threadId();
                renderThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                        .mapToLong(Thread::threadId).findFirst().orElse(-1);
            }
            fxCpu0 = threads.getThreadCpuTime(fxThread);
            renderCpu0 = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
            t0 = System.nanoTime();
            // the output length back and forth: every number, the curve and the frontier change
            window.workloadModel().setOutputTokens(samples.size() % 2 == 0 ? "1100" : "1024");
            whenSettled(() -> {
                published = System.nanoTime() - t0;
                engine = window.results().results().computeNanos();
                afterPulse(true, () -> {
                    laidOut = System.nanoTime() - t0;
                    afterPulse(false, () -> {
                        long rendered = System.nanoTime() - t0;
                        long render = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread) - renderCpu0;
                        samples.add(new Sample(published, laidOut, rendered, engine, threads.getThreadCpuTime(fxThread) - fxCpu0, render));
                        pause(this::edit);
                    });
                });
            });
        }

        /** Runs {@code next} at the next frame: after its layout ({@code postLayout}) or at its start. */
        private void afterPulse(boolean postLayout, Runnable next) {
            Runnable[] self = new Runnable[1];
            self[0] = () -> {
                if (postLayout) {
                    scene.removePostLayoutPulseListener(self[0]);
                } else {
                    scene.removePreLayoutPulseListener(self[0]);
                }
                Platform.runLater(next);
            };
            if (postLayout) {
                scene.addPostLayoutPulseListener(self[0]);
            } else {
                scene.addPreLayoutPulseListener(self[0]);
            }
            Platform.requestNextPulse();
        }

        private void pause(Runnable next) {
            var p = new javafx.animation.PauseTransition(javafx.util.Duration.millis(GAP_MILLIS));
            p.setOnFinished(e -> next.run());
            p.play();
        }
    }

    private static void report(List<Sample> s, boolean overlays, boolean flow, boolean json, PrintStream out) {
        double[] total = millis(s, Sample::rendered);
        double[] pub = millis(s, Sample::published);
        double[] layout = millis(s, Sample::laidOut);
        double[] eng = millis(s, Sample::engine);
        double[] fx = millis(s, Sample::fxCpu);
        double[] render = millis(s, Sample::renderCpu);
        String pipeline = System.getProperty("prism.order", "default");
        int cores = Runtime.getRuntime().availableProcessors();
        if (json) {
            out.printf(Locale.ROOT, "{\"edits\": %d, \"overlays\": %b, \"tokenFlow\": %b, \"prismOrder\": \"%s\", \"cores\": %d, "
                            + "\"renderedMillis\": %s, \"publishedMillis\": %s, \"laidOutMillis\": %s, \"engineMillis\": %s, "
                            + "\"fxThreadCpuMillis\": %s, \"renderThreadCpuMillis\": %s, \"loadAverage\": %.2f}%n",
                    s.size(), overlays, flow, pipeline, cores, stats(total, true), stats(pub, true), stats(layout, true), stats(eng, true),
                    stats(fx, true), stats(render, true), load());
            return;
        }
        out.printf(Locale.ROOT, "edit loop, %d edits, overlays %s, token flow %s, prism.order=%s, %d cores%n", s.size(),
                overlays ? "on" : "off", flow ? "on" : "off", pipeline, cores);
        out.printf(Locale.ROOT, "  edit -> rendered     %s%n", stats(total, false));
        out.printf(Locale.ROOT, "  edit -> published    %s%n", stats(pub, false));
        out.printf(Locale.ROOT, "  edit -> laid out     %s%n", stats(layout, false));
        out.printf(Locale.ROOT, "  engine (per edit)    %s%n", stats(eng, false));
        out.printf(Locale.ROOT, "  FX thread CPU        %s%n", stats(fx, false));
        out.printf(Locale.ROOT, "  renderer thread CPU  %s%n", stats(render, false));
        out.printf(Locale.ROOT, "  load average %.2f (wall times grow with it; CPU times much less)%n", load());
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double[] millis(List<Sample> s, java.util.function.ToLongFunction<Sample> f) {
        return s.stream().mapToLong(f).mapToDouble(n -> n / 1e6).sorted().toArray();
    }

    static String stats(double[] sorted, boolean json) {
        if (sorted.length == 0) {
            return json ? "null" : "no samples";
        }
        double median = percentile(sorted, 50);
        double p90 = percentile(sorted, 90);
        double max = sorted[sorted.length - 1];
        return json ? String.format(Locale.ROOT, "{\"median\": %.2f, \"p90\": %.2f, \"max\": %.2f}", median, p90, max)
                : String.format(Locale.ROOT, "median %7.1f ms   p90 %7.1f ms   max %7.1f ms", median, p90, max);
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    private static int positive(List<String> args, int i) {
        int n = Integer.parseInt(value(args, i));
        if (n < 1) {
            throw new IllegalArgumentException(args.get(i - 1) + " must be at least 1, was " + n);
        }
        return n;
    }

    private static boolean onOff(List<String> args, int i) {
        return switch (value(args, i)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(args.get(i - 1) + " takes on or off, not " + args.get(i));
        };
    }

    private static String value(List<String> args, int i) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(args.get(i - 1) + " needs a value");
        }
        return args.get(i);
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

}
