package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.lab.host.HostProfileStore;
import io.tokenrack.engine.lab.host.MeasuredHost;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --presets DIR} and the measured host, for every command that needs the catalog:
 * {@code @Mixin PresetsOption presets;}. When {@code calibrate} has saved a host profile, the
 * catalog also holds "This computer (measured)" ({@value MeasuredHost#ACCELERATOR_ID}, in the
 * server {@value MeasuredHost#SERVER_ID}) and the evaluator uses its measured constants.
 */
public final class PresetsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--presets", paramLabel = "DIR",
            description = "Load the catalog from this presets folder (with hardware/ and models/) instead of the bundled presets.")
    Path dir;

    @Option(names = "--host-profile", paramLabel = "FILE",
            description = "Add this computer, measured, from this host profile (default: the one `calibrate` saved, if any).")
    Path hostProfile;

    @Option(names = "--no-host-profile", description = "Leave the measured computer out of the catalog.")
    boolean noHostProfile;

    private Catalog catalog;
    private Optional<MeasuredHost> host;

    /** The presets, plus this computer when a host profile is there. */
    public Catalog catalog() {
        if (catalog == null) {
            catalog = MeasuredHost.addTo(CliSupport.loadCatalog(dir), host());
        }
        return catalog;
    }

    /** An evaluator over {@link #catalog()} that evaluates this computer with its measured constants. */
    public Evaluator evaluator() {
        return MeasuredHost.evaluator(catalog(), host());
    }

    /**
     * The measured host: from {@code --host-profile} (which must exist and be valid), else from the
     * profile {@code calibrate} saved (a damaged one is left out with a warning, so that it cannot
     * stop work on other hardware).
     */
    Optional<MeasuredHost> host() {
        if (host == null) {
            host = noHostProfile ? Optional.empty() : loadHost();
        }
        return host;
    }

    private Optional<MeasuredHost> loadHost() {
        if (hostProfile != null) {
            if (!Files.isRegularFile(hostProfile)) {
                throw new InputException("--host-profile: no such file " + hostProfile);
            }
            return new HostProfileStore(hostProfile).load().map(MeasuredHost::of);
        }
        HostProfileStore store = HostProfileStore.inUserHome();
        try {
            return store.load().map(MeasuredHost::of);
        } catch (UncheckedIOException | InputException e) {
            PrintWriter err = mixee == null ? new PrintWriter(System.err, true) : mixee.commandLine().getErr();
            String warning = "warning: this computer is left out of the catalog: " + e.getMessage() + " (run `calibrate` again to measure it)";
            err.println(mixee == null ? "tokenrack: " + CliSupport.oneLine(warning) : CliSupport.line(mixee, warning));
            err.flush();
            return Optional.empty();
        }
    }
}
