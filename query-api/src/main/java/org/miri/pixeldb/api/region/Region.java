package org.miri.pixeldb.api.region;

import java.util.Locale;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.api.exposure.ExposureSummary;
import org.miri.pixeldb.api.param.Span;


/**
 * A rectangle of one exposure, in full-frame 1-based rows and columns (reference-output columns for REFOUT), and
 * the integrations asked for; by default the whole exposure. Anything outside the exposure is a 400.
 */
public record Region(RampKind kind, Span rows, Span cols, Span integrations) {

    /** What ramps a region request reads. */
    public enum RampKind {
        RAW("RAW", "raw_ramp_strip"), CORRECTED("RAMP", "corrected_ramp_strip"), REFOUT("RAW", "refout_ramp_strip");

        public final String product;
        public final String table;

        RampKind(String product, String table) {
            this.product = product;
            this.table = table;
        }

        public static RampKind parse(String value) {
            try {
                return value == null || value.isBlank() ? RAW : valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("kind", "kind is raw, corrected or refout");
            }
        }
    }

    /** Absent spans cover the exposure; given ones must lie inside it (a 400 names the parameter otherwise). */
    public static Region of(ExposureSummary e, RampKind kind, String rows, String cols, String integration) {
        Span rowSpan = Span.parse("rows", rows, e.substrt2(), e.substrt2() + e.subsize2() - 1);
        int firstCol = kind == RampKind.REFOUT ? (e.substrt1() - 1) / 4 + 1 : e.substrt1();
        int colCount = kind == RampKind.REFOUT ? e.subsize1() / 4 : e.subsize1();
        Span colSpan = Span.parse("cols", cols, firstCol, firstCol + colCount - 1);
        return new Region(kind, rowSpan, colSpan, Span.parse("integration", integration, 1, e.nints()));
    }

    public long ramps() {
        return (long) rows.size() * cols.size() * integrations.size();
    }
}
