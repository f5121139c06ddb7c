package org.miri.pixeldb.api.region;

import org.miri.pixeldb.api.exposure.ExposureSummary;
import org.miri.pixeldb.api.param.Span;
import org.miri.pixeldb.model.ReferenceOutput;

/**
 * A rectangle of one exposure, in full-frame 1-based rows and columns (reference-output columns for REFOUT), and
 * the integrations asked for; by default the whole exposure. Anything outside the exposure is a 400.
 */
public record Region(RegionKind kind, Span rows, Span cols, Span integrations) {

    /** Absent spans cover the exposure; given ones must lie inside it (a 400 names the parameter otherwise). */
    public static Region of(ExposureSummary e, RegionKind kind, String rows, String cols, String integration) {
        Span rowSpan = Span.parse("rows", rows, e.substrt2(), e.substrt2() + e.subsize2() - 1);
        int firstCol = kind == RegionKind.REFOUT ? ReferenceOutput.column(e.substrt1()) : e.substrt1();
        int colCount = kind == RegionKind.REFOUT ? ReferenceOutput.columns(e.subsize1()) : e.subsize1();
        Span colSpan = Span.parse("cols", cols, firstCol, firstCol + colCount - 1);
        return new Region(kind, rowSpan, colSpan, Span.parse("integration", integration, 1, e.nints()));
    }

    public long ramps() {
        return (long) rows.size() * cols.size() * integrations.size();
    }
}
