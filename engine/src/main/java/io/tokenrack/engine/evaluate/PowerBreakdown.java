package io.tokenrack.engine.evaluate;

/** Modelled average power at the operating point, watts. NaN where an input is not published. */
public record PowerBreakdown(
        double acceleratorWatts,
        double hostWatts,
        double networkWatts,
        double itWatts,
        double coolingOverheadWatts,
        double facilityWatts,
        double pue,
        double provisionedItWatts) {}
