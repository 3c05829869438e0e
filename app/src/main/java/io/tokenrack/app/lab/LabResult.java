package io.tokenrack.app.lab;

import io.tokenrack.engine.lab.calibration.CalibrationReport;
import io.tokenrack.engine.lab.host.HostProfile;
import java.util.Objects;

/**
 * What the Lab shows: the host profile, and the calibration report it came from when that is
 * known. A profile measured by {@code tokenrack calibrate} on the command line arrives without the
 * app's report, so the decode comparison and energy are then unknown ({@code report} is null).
 */
public record LabResult(HostProfile profile, CalibrationReport report) {
    public LabResult {
        Objects.requireNonNull(profile, "profile");
        if (report != null && !report.hostProfile().measuredAt().equals(profile.measuredAt())) {
            throw new IllegalArgumentException("report: measured at " + report.hostProfile().measuredAt()
                    + ", not with the profile measured at " + profile.measuredAt());
        }
    }

    public static LabResult of(CalibrationReport report) {
        return new LabResult(report.hostProfile(), report);
    }

    public boolean hasReport() {
        return report != null;
    }
}
