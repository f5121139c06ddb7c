package org.miri.pixeldb.system.faults;

import java.util.List;

/**
 * The catalogue of what the fault suite compares: each strip table as its decoding view shows it, the
 * query that reads one exposure's rows from it, and the file extensions that hold the same values.
 * Keys are normalised to 0-based integration, row and column within the exposure's frame, so the
 * file side needs no knowledge of where the subarray sits on the detector.
 */
public enum ContentTable {
    RAW_RAMP("raw_ramp_strip", "raw_ramp_v", "col", "samples", "", ProductFile.UNCAL, List.of("SCI")),
    REFOUT_RAMP("refout_ramp_strip", "refout_ramp_v", "refout_col", "samples", "", ProductFile.UNCAL, List.of("REFOUT")),
    CORRECTED_RAMP("corrected_ramp_strip", "corrected_ramp_v", "col", "sci, err, groupdq", "", ProductFile.RAMP,
            List.of("SCI", "ERR", "GROUPDQ")),
    CORRECTED_REFOUT("corrected_refout_strip", "corrected_refout_v", "refout_col", "sci", "", ProductFile.RAMP,
            List.of("REFOUT")),
    PIXELDQ("pixeldq_strip", "pixeldq_v", "col", "pixeldq", "", ProductFile.RAMP, List.of("PIXELDQ")),
    SLOPE_RATEINTS("slope_strip", "slope_v", "col", "sci, err, dq, var_poisson, var_rnoise", " and kind = 'RATEINTS'",
            ProductFile.RATEINTS, List.of("SCI", "ERR", "DQ", "VAR_POISSON", "VAR_RNOISE"));

    /** Which of an exposure's files a table is loaded from. */
    public enum ProductFile { UNCAL, RAMP, RATEINTS }

    public final String stripTable;
    final String view;
    final String colColumn;
    final String valueColumns;
    final String filter;
    public final ProductFile file;
    final List<String> extensions;

    ContentTable(String stripTable, String view, String colColumn, String valueColumns, String filter, ProductFile file,
            List<String> extensions) {
        this.stripTable = stripTable;
        this.view = view;
        this.colColumn = colColumn;
        this.valueColumns = valueColumns;
        this.filter = filter;
        this.file = file;
        this.extensions = extensions;
    }

    /**
     * One exposure's rows, keys relative to the exposure's first integration, row and column. Tables without
     * integrations (pixel flags) read as integration 0.
     */
    String query() {
        String integration = this == PIXELDQ ? "0" : "coalesce(integration, 0)";
        return "select " + integration + " - min(" + integration + ") over () i, row - min(row) over () y, "
                + colColumn + " - min(" + colColumn + ") over () x, " + valueColumns
                + " from " + view + " where exposure = ?" + filter;
    }
}
