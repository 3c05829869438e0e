package io.tokenrack.app.lab;

import io.tokenrack.engine.cli.CalibrateCommand;
import io.tokenrack.engine.kernels.VectorSupport;
import io.tokenrack.engine.lab.calibration.CalibrationReport;
import io.tokenrack.engine.lab.calibration.Calibrator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Calibrates this computer the way {@code tokenrack calibrate} does, so the app's numbers match the
 * command line's. The kernels need the Vector API ({@code jdk.incubator.vector}), which a plain
 * {@code java -jar} lacks: then the calibration runs in a child JVM started exactly as the command
 * line starts it ({@link CalibrateCommand#childCommand}), its progress lines streamed from its
 * standard error and its report read from the JSON on its standard output; cancelling ends that
 * process. When this JVM has the module, or when the child cannot start, it runs here on a
 * {@link Calibrator} that checks for cancellation between kernels (on the scalar kernels in the
 * second case, which the log and the report say).
 */
public final class HostCalibration implements CalibrationRunner {
    private static final System.Logger LOG = System.getLogger(HostCalibration.class.getName());
    /** The JVM's own notice that an incubator module is in use: true, and not news to the user. */
    private static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules";

    private final Path profileFile;

    /** @param profileFile where a child JVM saves the host profile (the app's store file) */
    public HostCalibration(Path profileFile) {
        this.profileFile = profileFile;
    }

    @Override
    public CalibrationReport run(boolean quick, Consumer<String> log, BooleanSupplier cancelled) {
        if (CalibrateCommand.vectorModulePresent()) {
            log.accept("Running in this JVM: it has the Vector API (" + VectorSupport.MODULE + ").");
            return inThisJvm(quick, log, cancelled, "this JVM (it has " + VectorSupport.MODULE + ")");
        }
        List<String> args = new ArrayList<>(List.of("--json", "--profile-file", profileFile.toAbsolutePath().toString()));
        if (quick) {
            args.addFirst("--quick");
        }
        List<String> command = CalibrateCommand.childCommand(CalibrateCommand.javaBinary(), System.getProperty("java.class.path"), args);
        log.accept("Starting a Java process with the Vector API (--add-modules " + VectorSupport.MODULE
                + "), as tokenrack calibrate does…");
        String failure = CalibrateCommand.probe(command);
        if (failure == null) {
            return inChildJvm(command, log, cancelled);
        }
        log.accept("The Vector API is not available: a Java process with --add-modules " + VectorSupport.MODULE
                + " could not start (" + failure + "). Running the scalar kernels in this JVM instead: "
                + "compute numbers will be lower than the command line's.");
        return inThisJvm(quick, log, cancelled, "this JVM on scalar kernels: a child JVM with --add-modules "
                + VectorSupport.MODULE + " could not start (" + failure + ")");
    }

    private static CalibrationReport inThisJvm(boolean quick, Consumer<String> log, BooleanSupplier cancelled, String launch) {
        try (PrintStream out = new PrintStream(new LineOutput(log), true, StandardCharsets.UTF_8)) {
            return new Calibrator(quick, out, cancelled).run(launch);
        }
    }

    private static CalibrationReport inChildJvm(List<String> command, Consumer<String> log, BooleanSupplier cancelled) {
        Path out;
        try {
            out = Files.createTempFile("tokenrack-calibration", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the calibration's result", e);
        }
        Process process = null;
        Thread stopOnExit = null;
        try {
            process = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
            Process p = process;
            stopOnExit = new Thread(() -> stop(p), "tokenrack-calibration-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            Deque<String> tail = new ArrayDeque<>();
            Thread reader = Thread.ofPlatform().daemon().name("tokenrack-calibration-log").start(() -> follow(p, log, tail));
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    stop(process);
                    throw new CancellationException("calibration cancelled");
                }
            }
            reader.join(2000);
            if (process.exitValue() != 0) {
                String last;
                synchronized (tail) {
                    last = tail.isEmpty() ? "no message" : String.join(" / ", tail);
                }
                throw new IllegalStateException("the calibration process stopped with exit code " + process.exitValue() + ": " + last);
            }
            return LabStore.parseReport(Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the calibration process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (process != null) {
                stop(process);
            }
            throw new CancellationException("calibration interrupted");
        } finally {
            if (stopOnExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or will: it stops the process
                }
            }
            try {
                Files.deleteIfExists(out);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot delete " + out, e);
            }
        }
    }

    /** Streams the child's standard error to the log, keeping the last lines for an error message. */
    private static void follow(Process p, Consumer<String> log, Deque<String> tail) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith(INCUBATOR_NOTICE)) {
                    continue;
                }
                synchronized (tail) {
                    tail.addLast(line.strip());
                    if (tail.size() > 3) {
                        tail.removeFirst();
                    }
                }
                log.accept(line);
            }
        } catch (IOException e) {
            // the process was stopped: its stream closed under the reader
        }
    }

    /** Asks the child (and anything it started) to stop, then forces it after three seconds. */
    static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Hands each complete line written to it to a consumer (the calibrator prints its progress this way). */
    static final class LineOutput extends OutputStream {
        private final Consumer<String> lines;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        LineOutput(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit();
            } else if (b != '\r') {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void close() {
            if (pending.size() > 0) {
                emit();
            }
        }

        private void emit() {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            if (!line.isBlank()) {
                lines.accept(line);
            }
        }
    }
}
