package org.miri.pixeldb.loader.db;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A block of pixels ([row][col]) of one integration as a chunk carries it: one or more planes, each
 * holding a fixed number of bytes per pixel (a whole ramp, or one value). A null plane is stored as
 * SQL null (an optional array the file did not have).
 */
record StripBlock(int integration, int firstRow, int rows, int firstCol, int cols, List<Plane> planes) {

    /** One array of the block: {@code data} holds rows * cols * bytesPerPixel bytes, or is null. */
    record Plane(ByteBuffer data, int bytesPerPixel) {

        byte[] bytes() {
            if (data.hasArray() && data.arrayOffset() + data.position() == 0) {
                return data.array();
            }
            byte[] copy = new byte[data.remaining()];
            data.duplicate().get(copy);
            return copy;
        }
    }

    static StripBlock of(int integration, int firstRow, int rows, int firstCol, int cols, Plane... planes) {
        return new StripBlock(integration, firstRow, rows, firstCol, cols, Arrays.asList(planes));
    }

    int bytesPerPixel() {
        return planes.stream().filter(p -> p.data() != null).mapToInt(Plane::bytesPerPixel).sum();
    }
}
