package org.miri.pixeldb.fits.jwst;

import org.miri.pixeldb.model.ReferenceOutput;
import org.miri.pixeldb.model.Subarray;

/**
 * One axis an array must have, as the primary keywords promise it.
 *
 * @param unit    what the axis counts, for reasons: "groups"
 * @param promise the keyword (or formula) that fixes its length: "NGROUPS", "SUBSIZE1 / 4"
 * @param length  the promised length
 */
record ArrayAxis(String unit, String promise, int length) {

    static ArrayAxis columns(Subarray subarray) {
        return new ArrayAxis("columns", MiriKeyword.SUBSIZE1.key(), subarray.subsize1());
    }

    static ArrayAxis referenceColumns(Subarray subarray) {
        return new ArrayAxis("columns", MiriKeyword.SUBSIZE1.key() + " / 4",
                subarray.subsize1() / ReferenceOutput.COLUMNS_PER_REFERENCE_COLUMN);
    }

    static ArrayAxis rows(Subarray subarray) {
        return new ArrayAxis("rows", MiriKeyword.SUBSIZE2.key(), subarray.subsize2());
    }

    static ArrayAxis groups(ExposureKeywords keywords) {
        return new ArrayAxis("groups", MiriKeyword.NGROUPS.key(), keywords.ngroups());
    }

    static ArrayAxis integrations(ExposureKeywords keywords) {
        return new ArrayAxis("integrations", MiriKeyword.NINTS.key(), keywords.nints());
    }
}
