package org.miri.pixeldb.fits.groundtest;

import java.io.File;
import java.io.IOException;
import nom.tam.fits.ImageHDU;
import nom.tam.image.StandardImageTiler;
import nom.tam.util.FitsFile;
import org.miri.pixeldb.fits.jwst.RawPixelType;
import org.miri.pixeldb.fits.jwst.RawSampleSource;
import org.miri.pixeldb.fits.structure.FileDataTiler;
import org.miri.pixeldb.schemas.RampKind;

/**
 * Samples of a JPL or OTIS raw file, converted to the JWST layout while reading. Science blocks are hyperslabs of the
 * frame stack. The packed reference output of a frame is its REFOUT plane stored column by column, so the frame stack
 * is also viewed as (frames, 5, nx/4, ny): part 4 of each frame is REFOUT transposed, and a block of REFOUT is a
 * hyperslab of that view, unpacked by {@link GroundTestConversion#unpackReferenceOutput}.
 */
public final class GroundTestRawSource implements RawSampleSource {

    private static final int REFERENCE_PART = 4;

    private final StandardImageTiler frames;
    private final FitsFile file;
    private final FileDataTiler packedReference;
    private final int ngroups;

    public GroundTestRawSource(File path, ImageHDU primary, GroundTestFrames layout, int ngroups) throws IOException {
        this.frames = primary.getTiler();
        this.file = new FitsFile(path, "r");
        int[] view = {layout.frames(), REFERENCE_PART + 1, layout.refCols(), layout.scienceRows()};
        this.packedReference = new FileDataTiler(file, primary.getData().getFileOffset(), view, short.class);
        this.ngroups = ngroups;
    }

    @Override
    public char[] read(RampKind kind, int integration, int y0, int rows, int x0, int cols) throws IOException {
        int firstFrame = (integration - 1) * ngroups;
        if (kind == RampKind.SCIENCE) {
            return RawPixelType.unsigned((short[]) frames.getTile(new int[] {firstFrame, y0, x0},
                    new int[] {ngroups, rows, cols}));
        }
        char[] packed = RawPixelType.unsigned((short[]) packedReference.getTile(
                new int[] {firstFrame, REFERENCE_PART, x0, y0}, new int[] {ngroups, 1, cols, rows}));
        char[] block = new char[packed.length];
        int plane = rows * cols;
        for (int group = 0; group < ngroups; group++) {
            GroundTestConversion.unpackReferenceOutput(packed, group * plane, rows, cols, block, group * plane);
        }
        return block;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
