package org.miri.pixeldb.fits.structure;

import static org.miri.pixeldb.fits.structure.RejectedProductException.count;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.header.Standard;

/**
 * Checks that a local file is a complete, uncompressed FITS file before anything reads its data: the signature, every
 * header's END card, and the file length against the data sizes the headers promise.
 */
public final class FitsStructure {

    /**
     * No MIRI product comes near this (a full-frame ramp of 5 x 20 is 1.06 GB): a header promising more is absurd, and
     * is said so rather than blamed on truncation. Nothing is allocated from a header's sizes before this check.
     */
    static final long MAX_PLAUSIBLE_DATA_BYTES = 64L << 30;

    /**
     * A MIRI product has at most a dozen HDUs (a rateints has 8). Thousands of tiny ones are a crafted file, and each
     * costs a header read and an entry here: stop counting well before that is felt.
     */
    static final int MAX_HDUS = 1_000;

    private FitsStructure() {
    }

    private static String shape(StructuralHeader header) {
        StringBuilder axes = new StringBuilder();
        for (int n = 1; header.value("NAXIS" + n) != null; n++) {
            axes.append(n == 1 ? "" : " x ").append(header.value("NAXIS" + n).trim());
        }
        return "BITPIX " + String.valueOf(header.value(Standard.BITPIX.key())).trim() + ", NAXISn " + axes;
    }

    /** The HDUs of the file, in order; rejects empty, compressed, non-FITS and truncated files. */
    public static List<HduExtent> scan(Path file) throws IOException, RejectedProductException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            FileSignature.requireFits(channel, length);
            List<HduExtent> hdus = new ArrayList<>();
            long offset = 0;
            // Bytes after the last HDU that do not start an extension are ignored, as FITS readers do.
            while (offset < length && (hdus.isEmpty() || FileSignature.extensionAt(channel, offset))) {
                int index = hdus.size();
                if (index == MAX_HDUS) {
                    throw new RejectedProductException("too many HDUs: the object holds more than "
                            + count(MAX_HDUS) + " header-data units, far more than any MIRI product (at most a dozen)");
                }
                String label = index == 0 ? "the primary header" : "the header of HDU " + (index + 1);
                StructuralHeader header = StructuralHeader.read(channel, offset, length, label);
                HduExtent hdu = new HduExtent(index, header.value(Standard.EXTNAME.key()), offset,
                        offset + header.bytes(), DataSize.of(header, index == 0, label));
                if (hdu.dataBytes() > MAX_PLAUSIBLE_DATA_BYTES) {
                    throw new RejectedProductException("absurd size: " + hdu.headerLabel() + " (" + shape(header)
                            + ") promises " + count(hdu.dataBytes()) + " data bytes, more than the "
                            + count(MAX_PLAUSIBLE_DATA_BYTES) + " any MIRI product could need; the object holds "
                            + count(length));
                }
                if (hdu.dataOffset() + hdu.dataBytes() > length) {
                    // From the bytes alone a cut-off file and a wrong BITPIX or NAXISn look the same: name all three.
                    throw new RejectedProductException("truncated, or a wrong BITPIX or NAXISn: " + hdu.headerLabel()
                            + " (" + shape(header) + ") promises " + count(hdu.dataBytes())
                            + " data bytes, the object holds " + count(length - hdu.dataOffset()));
                }
                if (hdu.end() <= offset) {
                    // DataSize never returns a negative size; this guards the walk itself against standing still.
                    throw new IllegalStateException("HDU " + (index + 1) + " ends at " + hdu.end()
                            + ", not after its start at " + offset);
                }
                hdus.add(hdu);
                offset = hdu.end();
            }
            return hdus;
        }
    }
}
