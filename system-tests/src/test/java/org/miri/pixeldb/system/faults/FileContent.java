package org.miri.pixeldb.system.faults;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import org.miri.pixeldb.system.FitsArrays;

/**
 * The expected side: what a table must hold for one exposure, read from its FITS file with nom-tam-fits,
 * independently of the splitter's code. Values are physical (BZERO applied), floats by bits.
 */
public final class FileContent {

    private FileContent() {
    }

    public static ContentDigest digest(Path file, ContentTable table) throws Exception {
        List<Extension> planes = new ArrayList<>();
        for (String extname : table.extensions) {
            planes.add(Extension.read(file, extname));
        }
        return digest(planes);
    }

    /** Per (integration, row, column): the values of each extension in turn (all groups of a ramp, or one). */
    static ContentDigest digest(List<Extension> planes) {
        ContentDigest digest = new ContentDigest();
        Object first = planes.get(0).data;
        int dims = dimensions(first);
        int nints = dims == 2 ? 1 : Array.getLength(first);
        int ngroups = dims == 4 ? Array.getLength(Array.get(first, 0)) : 1;
        int ny = dims == 2 ? Array.getLength(first) : Array.getLength(at(first, dims - 2));
        int nx = Array.getLength(at(first, dims - 1));
        long[] values = new long[ngroups * planes.size()];
        for (int i = 0; i < nints; i++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int v = 0;
                    for (Extension plane : planes) {
                        for (int g = 0; g < ngroups; g++) {
                            Object line = switch (dims) {
                                case 4 -> Array.get(Array.get(Array.get(plane.data, i), g), y);
                                case 3 -> Array.get(Array.get(plane.data, i), y);
                                default -> Array.get(plane.data, y);
                            };
                            values[v++] = plane.value(line, x);
                        }
                    }
                    digest.add(i, y, x, values);
                }
            }
        }
        return digest;
    }

    private static int dimensions(Object array) {
        int dims = 0;
        for (Class<?> c = array.getClass(); c.isArray(); c = c.getComponentType()) {
            dims++;
        }
        return dims;
    }

    /** The first sub-array at depth {@code depth} (0 = the array itself). */
    private static Object at(Object array, int depth) {
        Object sub = array;
        for (int d = 0; d < depth; d++) {
            sub = Array.get(sub, 0);
        }
        return sub;
    }

    /** One image extension's stored array and the offset that turns stored integers into physical ones. */
    record Extension(Object data, long bzero) {

        static Extension read(Path file, String extname) throws Exception {
            try (Fits fits = new Fits(file.toFile())) {
                ImageHDU hdu = FitsArrays.extension(fits, file, extname);
                return new Extension(hdu.getKernel(), hdu.getHeader().getLongValue("BZERO", 0));
            }
        }

        long value(Object line, int x) {
            if (line instanceof float[] f) {
                return ContentDigest.bits(f[x]);
            } else if (line instanceof short[] s) {
                return s[x] + bzero;
            } else if (line instanceof byte[] b) {
                return (b[x] & 0xFF) + bzero;     // BITPIX 8 is unsigned in FITS
            } else if (line instanceof int[] n) {
                return n[x] + bzero;
            } else if (line instanceof double[] d) {
                return ContentDigest.bits((float) d[x]);
            }
            throw new IllegalArgumentException("unexpected FITS array " + line.getClass());
        }
    }
}
