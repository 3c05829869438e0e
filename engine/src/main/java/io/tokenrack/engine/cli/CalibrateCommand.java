package io.tokenrack.engine.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tokenrack.engine.files.AtomicFile;
import io.tokenrack.engine.files.UserFolder;
import io.tokenrack.engine.kernels.VectorSupport;
import io.tokenrack.engine.lab.calibration.CalibrationReport;
import io.tokenrack.engine.lab.calibration.Calibrator;
import io.tokenrack.engine.lab.host.HostProfile;
import io.tokenrack.engine.lab.host.HostProfileStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code calibrate [--quick] [--json]}: measures this computer with the kernel lab, saves the
 * host profile to {@code ~/.tokenrack/host-profile.json} and the whole report beside it
 * ({@value #REPORT_FILE}, which the app's Kernel lab shows), and prints the result.
 *
 * <p>The kernels need the incubating Vector API, which a jar manifest cannot enable. When the
 * running JVM lacks {@code jdk.incubator.vector}, the command re-launches itself in a child JVM
 * (same java binary and class path, {@code --add-modules jdk.incubator.vector}, fixed GC flags).
 * If that child cannot start, it runs here on the scalar kernels and says so in the output.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measure this computer (FMA peak, GEMM, memory bandwidth by level, roofline) and check the "
                + "performance model against a small transformer decoding on it.")
public final class CalibrateCommand implements Callable<Integer> {
    /** The whole report, saved beside the host profile (the app's Kernel lab reads it). */
    public static final String REPORT_FILE = "last-calibration.json";
    /** Set on the child JVM so it never re-launches again. */
    public static final String CHILD_PROPERTY = "tokenrack.calibrate.child";
    /**
     * Fixed flags of the child JVM (JMH-style: a known GC, nothing else inherited). Transparent huge
     * pages (Linux; ignored elsewhere) spare the streaming kernels a TLB miss every 4 KiB: on the
     * development machine the one-thread triad over 1 GiB went from about 31 to 37-40 GB/s with them.
     */
    static final List<String> CHILD_FLAGS = List.of("--add-modules", VectorSupport.MODULE, "-XX:+UseParallelGC", "-Xms1g",
            "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UseTransparentHugePages");

    @Option(names = "--quick", description = "A shorter calibration (under a minute on two cores).")
    boolean quick;

    @Option(names = "--json", description = "Print the full result as JSON on standard output.")
    boolean json;

    @Option(names = "--profile-file", description = "Where to save the host profile (default: host-profile.json in ~/.tokenrack, "
            + "or in the folder -Dtokenrack.home names); the report goes beside it as " + REPORT_FILE + ".")
    Path profileFile;

    @Override
    public Integer call() {
        String launch;
        boolean child = Boolean.getBoolean(CHILD_PROPERTY);
        if (child) {
            launch = "child JVM started with --add-modules " + VectorSupport.MODULE;
        } else if (vectorModulePresent()) {
            launch = "this JVM (it has " + VectorSupport.MODULE + ")";
        } else {
            List<String> command = childCommand(javaBinary(), System.getProperty("java.class.path"), arguments());
            String failure = probe(command);
            if (failure == null) {
                return runChild(command);
            }
            launch = "this JVM on scalar kernels: a child JVM with --add-modules " + VectorSupport.MODULE
                    + " could not start (" + failure + ")";
            System.err.println("calibrate: " + launch);
        }
        CalibrationReport report = new Calibrator(quick, System.err).run(launch);
        HostProfileStore store = profileFile != null ? new HostProfileStore(profileFile) : HostProfileStore.inUserHome();
        Path reportFile = store.file().toAbsolutePath().resolveSibling(REPORT_FILE);
        String reportJson = toJson(report);
        try {
            store.save(report.hostProfile());
            AtomicFile.write(reportFile, (reportJson + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            System.err.println("calibrate: host profile saved to " + store.file() + ", the report beside it");
        } catch (UncheckedIOException e) {
            System.err.println("calibrate: " + e.getMessage());
        } catch (java.io.IOException e) {
            System.err.println("calibrate: cannot save the report to " + reportFile + ": " + e.getMessage());
        }
        PrintStream out = System.out;
        out.println(json ? reportJson : summary(report));
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CalibrateCommand()).execute(args));
    }

    /** Whether this JVM was started with the Vector API module (a plain {@code java -jar} is not). */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VectorSupport.MODULE).isPresent();
    }

    private List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (quick) {
            args.add("--quick");
        }
        if (json) {
            args.add("--json");
        }
        if (profileFile != null) {
            args.add("--profile-file");
            args.add(profileFile.toString());
        }
        return args;
    }

    /** The java binary running this JVM. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The child JVM's command line: same java and class path, the Vector API module, fixed flags,
     * then this command's main class and {@code args}. The app runs the same child to calibrate.
     */
    public static List<String> childCommand(String java, String classPath, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(CHILD_FLAGS);
        cmd.add("-D" + CHILD_PROPERTY + "=true");
        String home = System.getProperty(UserFolder.PROPERTY);
        if (home != null && !home.isBlank()) {
            cmd.add("-D" + UserFolder.PROPERTY + "=" + home); // the child saves where this JVM would
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(CalibrateCommand.class.getName());
        cmd.addAll(args);
        return cmd;
    }

    /** Checks that the child JVM starts with the module; null when it does, else why not. */
    public static String probe(List<String> childCommand) {
        List<String> cmd = List.of(childCommand.get(0), "--add-modules", VectorSupport.MODULE, "-version");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] text = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "the java binary did not answer within 30 s";
            }
            if (p.exitValue() != 0) {
                String msg = new String(text).strip().replace('\n', ' ');
                return "exit code " + p.exitValue() + ": " + (msg.length() > 200 ? msg.substring(0, 200) : msg);
            }
            return null;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static int runChild(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the calibration JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    static String toJson(CalibrationReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the calibration as JSON", e);
        }
    }

    static String summary(CalibrationReport r) {
        HostProfile p = r.hostProfile();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "This computer: %s, %d threads, %s%n", p.cpuModel(), p.threads(), p.jdkVersion()));
        s.append(String.format(Locale.ROOT, "Kernels: %s (%s); launched in %s%n", r.kernelPath(), r.kernelPathReason(), r.launch()));
        s.append(String.format(Locale.ROOT, "FMA peak fp32:    %8.1f GFLOP/s one thread, %8.1f all cores%n", p.peakGflopsOneThread(), p.peakGflopsAllCores()));
        s.append(String.format(Locale.ROOT, "GEMM fp32 %d^3: %8.1f GFLOP/s one thread, %8.1f all cores%n", p.gemmSize(), r.gemmGflopsPerCore(), r.gemmGflopsAllCores()));
        for (HostProfile.MemoryLevel l : p.memoryLevels()) {
            s.append(String.format(Locale.ROOT, "Triad %-5s (to %,9d KiB): %7.1f GB/s one thread, %7.1f all cores%n",
                    l.name(), l.workingSetBytes() / 1024, l.triadGBpsOneThread(), l.triadGBpsAllCores()));
        }
        s.append(String.format(Locale.ROOT, "DRAM triad (fp64, 24 B/element): %.1f GB/s%n", r.triadGBps()));
        for (CalibrationReport.TransformerDecode d : List.of(r.transformerDecodeOneThread(), r.transformerDecode())) {
            s.append(String.format(Locale.ROOT, "Decode %s, %d thread(s): measured %.1f tokens/s, predicted %.1f (%+.1f%%)%n",
                    d.model(), d.threads(), d.measuredTokensPerSecond(), d.predictedTokensPerSecond(), d.predictionErrorPercent()));
        }
        s.append(r.energyAvailable()
                ? String.format(Locale.ROOT, "Energy: %.2f tokens per joule (%s)%n", r.measuredTokensPerJoule(), r.energyNote())
                : "Energy: not measured: " + r.energyNote() + System.lineSeparator());
        s.append(String.format(Locale.ROOT, "Took %.1f s (load average before: %.2f)", r.elapsedSeconds(), r.loadAverageAtStart()));
        return s.toString();
    }
}
