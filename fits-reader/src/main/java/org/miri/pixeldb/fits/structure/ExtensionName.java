package org.miri.pixeldb.fits.structure;

/** The EXTNAMEs that identify MIRI products; extensions are always found by these names, never by position. */
public enum ExtensionName {
    SCI, REFOUT, ERR, PIXELDQ, GROUPDQ, DQ, VAR_POISSON, VAR_RNOISE
}
