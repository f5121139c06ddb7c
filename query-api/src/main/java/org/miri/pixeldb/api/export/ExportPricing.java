package org.miri.pixeldb.api.export;

import org.miri.pixeldb.schemas.ExportProduct;

/**
 * Bytes of values per row of an export file, before compression: what the limit is checked against and what parts
 * are cut by. The key columns (names, date, integration, row, column, pixel id) count as {@link #KEY_BYTES}.
 */
final class ExportPricing {

    static final int KEY_BYTES = 32;

    private ExportPricing() {
    }

    static long bytesPerRow(ExportProduct product, int ngroups) {
        return KEY_BYTES + switch (product) {
            case RAW, REFOUT -> 2L * ngroups;
            case RAMP -> 9L * ngroups + 4;
            case RATEINTS, RATE, QUICKLOOK -> 20L;
        };
    }
}
