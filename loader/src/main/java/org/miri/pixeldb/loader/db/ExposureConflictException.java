package org.miri.pixeldb.loader.db;

/** A product whose header describes the exposure differently (detector, subarray, ramp shape) than an earlier one. */
public final class ExposureConflictException extends LoadException {

    public ExposureConflictException(String exposure, ExposureShape known, ExposureShape offered) {
        super("this product contradicts the other products of exposure " + exposure + ": " + known.differences(offered)
                + " (the exposure: " + known + ")");
    }
}
