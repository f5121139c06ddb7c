package org.miri.pixeldb.stack.synth;

import java.util.Locale;

/** The files of one exposure that {@code ./pixeldb synth} can write; they share the exposure's stem. */
public enum Product {
    /** Raw ramps: {@code X_uncal.fits} in the JWST layout, {@code X.fits} in the JPL one. */
    UNCAL("_uncal"),
    /** Corrected ramps with their flags. */
    RAMP("_ramp"),
    /** Slopes per integration; the pipeline writes it only when NINTS > 1, and so does synth. */
    RATEINTS("_rateints"),
    /** Slope of the whole exposure. */
    RATE("_rate");

    private final String suffix;

    Product(String suffix) {
        this.suffix = suffix;
    }

    public String fileName(String stem) {
        return stem + suffix + ".fits";
    }

    /** Whether an exposure of {@code nints} integrations has this product at all. */
    public boolean existsFor(int nints) {
        return this != RATEINTS || nints > 1;
    }

    /** The product's kind as the database's product and ingest_log tables name it. */
    public String databaseKind() {
        return this == UNCAL ? "RAW" : name();
    }

    public static Product named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
