package org.miri.pixeldb.fits.jwst;

/**
 * The shape of a RAMP product, all its reader and chunker need to know: the ramps' geometry (as for a raw product)
 * and which optional arrays the file has, since they change what a chunk carries and so how the product is cut.
 *
 * @param ramps     integrations, groups, rows, columns and the subarray corner
 * @param hasErr    whether the file has ERR (newer pipelines omit it)
 * @param hasRefout whether the file has REFOUT
 */
public record CorrectedGeometry(RampGeometry ramps, boolean hasErr, boolean hasRefout) {
}
