package org.miri.pixeldb.api.health;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.miri.pixeldb.api.error.ApiException;
import org.miri.pixeldb.fits.structure.FitsStructure;
import org.miri.pixeldb.fits.structure.HduExtent;
import org.miri.pixeldb.fits.structure.RejectedProductException;
import org.miri.pixeldb.model.FrameGeometry;

/**
 * A reference mask a user sends (a CRDS MASK file: a 2-D uint32 DQ image, full frame or placed by SUBSTRT1/SUBSTRT2),
 * read as an attacker's file: the body is bounded, its whole structure is checked by fits-reader's hardened HDU walk
 * before nom-tam-fits reads a byte of data (so no header size is ever allocated), and every problem is a 400 naming
 * the body.
 *
 * @param firstRow full-frame row of the mask's first row, 1-based
 * @param firstCol full-frame column of its first column, 1-based
 * @param dq the DQ values row by row, as unsigned 32-bit masks in longs
 */
record ReferenceMask(int firstRow, int firstCol, int rows, int cols, long[] dq) {

    static final String BODY = "body";

    /** The DQ value of full-frame pixel (row, col); 0 outside the mask. */
    long at(int row, int col) {
        int y = row - firstRow;
        int x = col - firstCol;
        return y < 0 || x < 0 || y >= rows || x >= cols ? 0 : dq[y * cols + x];
    }

    static ReferenceMask read(InputStream body, long maxBytes) throws IOException {
        Path file = Files.createTempFile("pixeldb-mask-", ".fits",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            long length;
            try (var out = Files.newOutputStream(file)) {
                length = body.transferTo(new BoundedOutput(out, maxBytes));
            } catch (BoundedOutput.TooLarge e) {
                throw new ApiException(413, BODY, "the mask is larger than the " + maxBytes + " bytes a MIRI mask"
                        + " needs at most (pixeldb.api.max-mask-bytes)");
            }
            if (length == 0) {
                throw ApiException.badRequest(BODY, "the body is empty: send a CRDS MASK FITS file"
                        + " (Content-Type: application/fits)");
            }
            return parse(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static ReferenceMask parse(Path file) throws IOException {
        List<HduExtent> hdus;
        try {
            hdus = FitsStructure.scan(file);
        } catch (RejectedProductException e) {
            throw ApiException.badRequest(BODY, "the body is not a readable FITS file: " + e.getMessage());
        }
        HduExtent dqHdu = hdus.stream().filter(h -> "DQ".equals(h.extname())).findFirst().orElseThrow(() ->
                ApiException.badRequest(BODY, "the mask has no DQ extension (a CRDS MASK holds its flags in DQ)"));
        try (Fits fits = new Fits(file.toFile())) {
            Header primary = fits.getHDU(0).getHeader();
            BasicHDU<?> hdu = fits.getHDU(dqHdu.index());
            return of(primary, hdu.getHeader(), hdu.getKernel());
        } catch (FitsException | ClassCastException e) {
            throw ApiException.badRequest(BODY, "the mask's DQ extension cannot be read: " + e.getMessage());
        }
    }

    private static ReferenceMask of(Header primary, Header header, Object kernel) {
        int bitpix = header.getIntValue("BITPIX", 0);
        if (header.getIntValue("NAXIS", 0) != 2 || (bitpix != 32 && bitpix != 16)) {
            throw ApiException.badRequest(BODY, "the DQ extension must be a 2-D image of 16- or 32-bit integers,"
                    + " not BITPIX " + bitpix + " with NAXIS " + header.getIntValue("NAXIS", 0));
        }
        int cols = header.getIntValue("NAXIS1");
        int rows = header.getIntValue("NAXIS2");
        int firstCol = primary.getIntValue("SUBSTRT1", 1);
        int firstRow = primary.getIntValue("SUBSTRT2", 1);
        if (firstCol < 1 || firstRow < 1 || (long) firstCol + cols - 1 > FrameGeometry.COLUMNS
                || (long) firstRow + rows - 1 > FrameGeometry.ROWS) {
            throw ApiException.badRequest(BODY, "the mask (" + cols + " x " + rows + " from column " + firstCol
                    + ", row " + firstRow + ") does not lie inside the 1032 x 1024 frame");
        }
        long bzero = (long) header.getDoubleValue("BZERO", 0);
        long[] dq = new long[rows * cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                long stored = bitpix == 32 ? ((int[][]) kernel)[y][x] : ((short[][]) kernel)[y][x];
                dq[y * cols + x] = (stored + bzero) & 0xFFFF_FFFFL;
            }
        }
        return new ReferenceMask(firstRow, firstCol, rows, cols, dq);
    }
}
