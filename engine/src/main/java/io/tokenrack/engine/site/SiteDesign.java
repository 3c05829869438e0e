package io.tokenrack.engine.site;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.workload.Limits;

/**
 * One kind of rack unit the site is built from: a rack design file, or N accelerators in the
 * catalog's standard servers. Either a share of the site's IT power or a fixed count of units.
 *
 * @param design               path of a rack design JSON file, relative to the site file
 * @param accelerator          instead of a design: an accelerator id from the catalog
 * @param acceleratorsPerUnit  with {@code accelerator}: accelerators in one unit (one server or one NVL domain)
 * @param share                share of the site's IT power (after fixed counts), in (0, 1]
 * @param count                instead of a share: this many units
 * @param unitPriceUsd         price of one unit, overriding the catalog's (which may have none); say where it comes from in unitPriceNote
 * @param unitPriceNote        the source of {@code unitPriceUsd}, or that it is an assumption
 */
public record SiteDesign(String design, String accelerator, Integer acceleratorsPerUnit, Double share, Integer count, Double unitPriceUsd,
                         String unitPriceNote) {
    public SiteDesign {
        if ((design == null) == (accelerator == null)) {
            throw new InputException("designs: each entry needs either design (a rack design file) or accelerator (a catalog id), not both");
        }
        if (design != null && design.isBlank()) {
            throw new InputException("designs.design: empty path");
        }
        if (accelerator != null) {
            if (acceleratorsPerUnit == null) {
                throw new InputException("designs.acceleratorsPerUnit: required with accelerator");
            }
            Limits.positive("designs.acceleratorsPerUnit", acceleratorsPerUnit, Limits.MAX_ACCELERATORS);
        } else if (acceleratorsPerUnit != null) {
            throw new InputException("designs.acceleratorsPerUnit: only with accelerator (a design file says its own)");
        }
        if ((share == null) == (count == null)) {
            throw new InputException("designs: each entry needs either share (of the site's IT power) or count (units), not both");
        }
        if (share != null && !(share > 0 && share <= 1)) {
            throw new InputException("designs.share: must be above 0 and at most 1, was " + share);
        }
        if (unitPriceUsd != null && !(unitPriceUsd > 0 && Double.isFinite(unitPriceUsd))) {
            throw new InputException("designs.unitPriceUsd: must be positive, was " + unitPriceUsd);
        }
        if (unitPriceUsd != null && (unitPriceNote == null || unitPriceNote.isBlank())) {
            throw new InputException("designs.unitPriceNote: required with unitPriceUsd (its source, or that it is an assumption)");
        }
        if (count != null && count < 0) {
            throw new InputException("designs.count: must be zero or more, was " + count);
        }
    }

    public static SiteDesign ofFile(String path, double share) {
        return new SiteDesign(path, null, null, share, null, null, null);
    }

    public static SiteDesign ofAccelerator(String id, int perUnit, double share) {
        return new SiteDesign(null, id, perUnit, share, null, null, null);
    }

    public SiteDesign withShare(double s) {
        return new SiteDesign(design, accelerator, acceleratorsPerUnit, s, null, unitPriceUsd, unitPriceNote);
    }

    /** What the entry is called in results: the file name or "8 × b200". */
    public String label() {
        return design != null ? design : acceleratorsPerUnit + " × " + accelerator;
    }
}
