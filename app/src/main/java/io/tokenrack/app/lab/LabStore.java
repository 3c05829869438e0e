package io.tokenrack.app.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tokenrack.engine.lab.calibration.CalibrationReport;
import io.tokenrack.engine.lab.host.HostProfile;
import io.tokenrack.engine.lab.host.HostProfileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps the Lab's results between runs, in one folder: the host profile where the engine keeps
 * it ({@link HostProfileStore}: {@code host-profile.json}, which {@code tokenrack calibrate} writes
 * too) and beside it the whole report of the last calibration, run in the app or by
 * {@code tokenrack calibrate} ({@code last-calibration.json}: measured and predicted decode speed,
 * energy, how it ran). Both
 * are written to a temporary file and moved into place.
 */
public final class LabStore {
    public static final String PROFILE_FILE = "host-profile.json";
    public static final String REPORT_FILE = io.tokenrack.engine.cli.CalibrateCommand.REPORT_FILE;

    /** The calibration report as {@code calibrate --json} prints it: unknown numbers left out, strict on read. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private final HostProfileStore profiles;
    private final Path reportFile;

    /** The store in {@code dir}: {@value #PROFILE_FILE} and {@value #REPORT_FILE}. */
    public LabStore(Path dir) {
        this.profiles = new HostProfileStore(dir.resolve(PROFILE_FILE));
        this.reportFile = dir.resolve(REPORT_FILE);
    }

    /** Beside the engine's profile in the user's home, where {@code tokenrack calibrate} saves it. */
    public static LabStore inUserHome() {
        return new LabStore(HostProfileStore.inUserHome().file().toAbsolutePath().getParent());
    }

    public Path profileFile() {
        return profiles.file();
    }

    public Path reportFile() {
        return reportFile;
    }

    /** Saves the report, then its profile (the file the engine and the command line read). */
    public void save(CalibrationReport report) {
        try {
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            io.tokenrack.engine.files.AtomicFile.write(reportFile, JSON.writeValueAsBytes(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the calibration to " + reportFile, e);
        }
        profiles.save(report.hostProfile());
    }

    /**
     * The last results: the saved profile with its report when the report belongs to it, the profile
     * alone when it is newer (measured on the command line), empty when nothing was measured.
     *
     * @throws UncheckedIOException naming the file when the profile cannot be read
     */
    public Optional<LabResult> load() {
        Optional<HostProfile> profile = profiles.load();
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        CalibrationReport report = readReport().orElse(null);
        if (report != null && !report.hostProfile().measuredAt().equals(profile.get().measuredAt())) {
            report = null;
        }
        return Optional.of(new LabResult(profile.get(), report));
    }

    /** The saved report; empty when there is none or it cannot be read (the profile still stands). */
    private Optional<CalibrationReport> readReport() {
        if (!Files.isRegularFile(reportFile)) {
            return Optional.empty();
        }
        try {
            byte[] json = io.tokenrack.engine.catalog.StrictJson.readBytes(reportFile, reportFile.toString());
            io.tokenrack.engine.catalog.StrictJson.requireUtf8(json, reportFile.toString());
            return Optional.of(JSON.readValue(json, CalibrationReport.class));
        } catch (IOException | RuntimeException e) {
            System.getLogger(LabStore.class.getName()).log(System.Logger.Level.WARNING,
                    "ignoring the unreadable calibration report " + reportFile + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A report printed by {@code calibrate --json}. */
    static CalibrationReport parseReport(String json) {
        try {
            return JSON.readValue(json, CalibrationReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calibration's JSON: " + e.getMessage(), e);
        }
    }
}
