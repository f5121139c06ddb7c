package org.miri.pixeldb.fits.jwst;

/**
 * One block of one slope plane, each array as the file's bytes in order [row][col]: float32 big-endian with the file's
 * bits (NaN stays NaN), DQ big-endian unsigned 32-bit (BZERO applied, so REFERENCE_PIXEL is 2^31).
 */
public record SlopeBlock(byte[] sci, byte[] err, byte[] dq, byte[] varPoisson, byte[] varRnoise) {
}
