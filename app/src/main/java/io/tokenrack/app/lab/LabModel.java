package io.tokenrack.app.lab;

import io.tokenrack.engine.lab.calibration.CalibrationReport;
import io.tokenrack.engine.lab.calibration.CalibrationStage;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Lab's state and commands: the last results (loaded from the {@link LabStore} when the view
 * opens, replaced and saved after each completed run), a calibration run off the FX thread with
 * its progress, step and log, and cancellation. Work runs on {@code background}; every property
 * changes on {@code fx} (the FX thread in the app, the caller in tests).
 */
public final class LabModel implements AutoCloseable {
    /** What the Lab is doing. */
    public enum State { IDLE, RUNNING, CANCELLING }

    /** The log keeps the latest lines only. */
    static final int LOG_LINES = 2000;

    private final LabStore store;
    private final CalibrationRunner runner;
    private final Executor background;
    private final Executor fx;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<LabResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<io.tokenrack.engine.lab.host.HostProfile> measured = new ReadOnlyObjectWrapper<>(this, "measured");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final BooleanProperty quick = new SimpleBooleanProperty(this, "quick", true);
    private final BooleanProperty allCores = new SimpleBooleanProperty(this, "allCores", true);
    private final BooleanBinding running = Bindings.createBooleanBinding(() -> state.get() != State.IDLE, state);

    private AtomicBoolean cancelToken = new AtomicBoolean();
    private long runStartNanos;

    public LabModel(LabStore store, CalibrationRunner runner, Executor background, Executor fx) {
        this.store = store;
        this.runner = runner;
        this.background = background;
        this.fx = fx;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** True while a calibration runs or is being cancelled. */
    public BooleanBinding runningProperty() {
        return running;
    }

    /** The results shown: the last completed calibration, or null when this computer was never measured. */
    public ReadOnlyObjectProperty<LabResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /**
     * The host profile of the latest calibration completed in this session (not one loaded from
     * disk): the main window puts "This computer (measured)" in its palette from it.
     */
    public ReadOnlyObjectProperty<io.tokenrack.engine.lab.host.HostProfile> measuredProperty() {
        return measured.getReadOnlyProperty();
    }

    public LabResult result() {
        return result.get();
    }

    /** Fraction of the run's steps started, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line on what is happening or what happened last. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String status() {
        return status.get();
    }

    /** Why the last run or load failed, empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The current run's progress lines (read-only). */
    public ObservableList<String> log() {
        return logView;
    }

    /** The short calibration (default) or the full one. */
    public BooleanProperty quickProperty() {
        return quick;
    }

    /** The roofline for all cores (default) or for one thread. */
    public BooleanProperty allCoresProperty() {
        return allCores;
    }

    public LabStore store() {
        return store;
    }

    /** Reads the last saved results; says so plainly when there are none or the file is unreadable. */
    public void load() {
        try {
            LabResult r = store.load().orElse(null);
            result.set(r);
            error.set("");
            if (r == null) {
                status.set("This computer has not been measured yet. Run a quick calibration (under a minute) to see its roofline.");
            } else if (!r.hasReport()) {
                status.set("Showing the host profile saved by tokenrack calibrate. Run a calibration here to compare "
                        + "the model with a measured decode.");
            } else {
                status.set("Showing the last calibration. Run it again to measure this computer afresh.");
            }
        } catch (RuntimeException e) {
            result.set(null);
            error.set(e.getMessage());
            status.set("The saved measurements cannot be read: " + e.getMessage());
        }
    }

    /** Starts a calibration in the background; does nothing while one runs. */
    public void start() {
        if (state.get() != State.IDLE) {
            return;
        }
        AtomicBoolean token = new AtomicBoolean();
        cancelToken = token;
        boolean quickRun = quick.get();
        log.clear();
        error.set("");
        progress.set(0);
        state.set(State.RUNNING);
        status.set("Starting the " + (quickRun ? "quick" : "full") + " calibration…");
        runStartNanos = System.nanoTime();
        background.execute(() -> {
            try {
                CalibrationReport report = runner.run(quickRun, line -> fx.execute(() -> appendLog(line, token)), token::get);
                if (token.get()) {
                    throw new CancellationException("cancelled");
                }
                String saveProblem = "";
                try {
                    store.save(report);
                } catch (RuntimeException e) {
                    saveProblem = e.getMessage();
                }
                String problem = saveProblem;
                fx.execute(() -> finished(report, problem));
            } catch (CancellationException e) {
                fx.execute(this::cancelled);
            } catch (RuntimeException | Error e) {
                String why = e.getMessage() != null ? e.getMessage() : e.toString();
                fx.execute(() -> failed(why));
            }
        });
    }

    /** Asks the running calibration to stop; it stops at its next check, between kernels. */
    public void cancel() {
        if (state.get() != State.RUNNING) {
            return;
        }
        cancelToken.set(true);
        state.set(State.CANCELLING);
        status.set("Cancelling… the calibration stops after the kernel that is running.");
    }

    private void appendLog(String line, AtomicBoolean token) {
        if (token != cancelToken) {
            return;
        }
        log.add(line.strip());
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
        CalibrationStage.parse(line).ifPresent(s -> {
            progress.set(s.fractionBefore());
            if (state.get() == State.RUNNING) {
                status.set(String.format(Locale.ROOT, "Step %d of %d: %s…", s.index(), s.total(), s.name()));
            }
        });
    }

    private void finished(CalibrationReport report, String saveProblem) {
        result.set(LabResult.of(report));
        progress.set(1);
        state.set(State.IDLE);
        double seconds = (System.nanoTime() - runStartNanos) * 1e-9;
        String took = String.format(Locale.ROOT, "Calibrated in %.0f s.", Math.max(report.elapsedSeconds(), seconds));
        measured.set(report.hostProfile());
        if (saveProblem.isEmpty()) {
            status.set(took + " Saved; \"This computer (measured)\" in the palette now uses these numbers.");
        } else {
            error.set(saveProblem);
            status.set(took + " Not saved: " + saveProblem);
        }
        log.add("Done. " + status.get());
    }

    private void cancelled() {
        progress.set(0);
        state.set(State.IDLE);
        status.set(result.get() == null ? "Cancelled. Nothing was measured or saved."
                : "Cancelled. The results shown are from the last completed calibration.");
        log.add("Cancelled.");
    }

    private void failed(String why) {
        progress.set(0);
        state.set(State.IDLE);
        error.set(why);
        status.set("The calibration failed: " + why);
        log.add("Failed: " + why);
    }

    /** Stops a running calibration (the window closed or the app quits). */
    @Override
    public void close() {
        cancelToken.set(true);
        if (state.get() == State.RUNNING) {
            state.set(State.CANCELLING);
        }
    }
}
