package org.miri.pixeldb.loader.bench;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import org.miri.pixeldb.loader.db.BinaryCopyEncoder;

/** How one ramp's samples travel in a per-ramp row: packed bytes, or a PostgreSQL array. */
enum SampleCodec {
    BYTEA(0),
    /** smallint[] holds value - 32768, as FITS holds uint16 in int16 with BZERO = 32768. */
    INT2_ARRAY(21),
    INT4_ARRAY(23);

    private final int elementOid;

    SampleCodec(int elementOid) {
        this.elementOid = elementOid;
    }

    void write(BinaryCopyEncoder out, byte[] packed, int offset, int ngroups) throws SQLException {
        if (this == BYTEA) {
            out.bytes(packed, offset, 2 * ngroups);
            return;
        }
        // Array binary format: ndim, has-nulls flag, element type oid, (length, lower bound) per
        // dimension, then (length, value) per element.
        int width = this == INT2_ARRAY ? 2 : 4;
        ByteBuffer array = ByteBuffer.allocate(20 + ngroups * (4 + width));
        array.putInt(1).putInt(0).putInt(elementOid).putInt(ngroups).putInt(1);
        for (int g = 0; g < ngroups; g++) {
            int value = ((packed[offset + 2 * g] & 0xFF) << 8) | (packed[offset + 2 * g + 1] & 0xFF);
            array.putInt(width);
            if (width == 2) {
                array.putShort((short) (value - 32768));
            } else {
                array.putInt(value);
            }
        }
        out.bytes(array.array(), 0, array.position());
    }
}
