package org.miri.pixeldb.platform.db;

/**
 * How many bytes of values one row of a strip table may hold, for every writer of strips (the loader's writers, the
 * query-api's quick-look slopes). The tables keep a row of up to 4,080 bytes in their page (toast_tuple_target,
 * migration V19), two to a page; this budget leaves room for the row's header, key and value headers, so that a
 * pixel lookup reads one heap page per strip instead of the row, the TOAST index and a TOAST page (decision 0029).
 */
public final class StripBudget {

    /** Most bytes of all planes of one strip. */
    public static final int MAX_STRIP_BYTES = 3_960;

    private StripBudget() {
    }
}
