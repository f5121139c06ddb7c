package org.miri.pixeldb.loader.db;

/** A product whose header describes the exposure differently (detector, subarray, ramp shape) than an earlier one. */
public final class ExposureConflictException extends LoadException {

    public ExposureConflictException(String exposure, String known, String offered) {
        super("exposure " + exposure + " is known as " + known + " but this product describes it as " + offered);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
