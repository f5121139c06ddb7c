package org.miri.pixeldb.writer.corrected;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.miri.pixeldb.schemas.CorrectedRampChunk;
import org.miri.pixeldb.schemas.Exposure;
import org.miri.pixeldb.schemas.IngestEvent;
import org.miri.pixeldb.schemas.IngestState;
import org.miri.pixeldb.schemas.Origin;
import org.miri.pixeldb.schemas.ProductKind;
import org.miri.pixeldb.schemas.Provenance;
import org.miri.pixeldb.schemas.RampKind;
import org.miri.pixeldb.schemas.SlopeChunk;
import org.miri.pixeldb.schemas.SourceObject;

/**
 * The records the splitter would send for a tiny exposure (2 integrations of 3 groups, 2 rows x 3 columns
 * at row 10, column 20): values chosen to be awkward (NaN, -0.0, bit 31 of the flags).
 */
final class CorrectedRecords {

    static final int NINTS = 2;
    static final int NGROUPS = 3;
    static final int ROWS = 2;
    static final int COLS = 3;

    private CorrectedRecords() {
    }

    static Exposure exposure(String name, ProductKind kind, String checksum, int ngroups) {
        return Exposure.newBuilder().setName(name).setProduct(kind).setProductChecksum(checksum)
                .setDetector("MIRIMAGE").setScaId(493).setSubarray("GENERIC")
                .setSubstrt1(20).setSubstrt2(10).setSubsize1(COLS).setSubsize2(ROWS)
                .setNints(NINTS).setNgroups(ngroups).setNframes(1).setOrigin(Origin.FLIGHT)
                .setSource(source(name, kind)).setHeader(List.of()).setSplitAt(Instant.now())
                .setProvenance(Provenance.newBuilder().setCalVer("1.14.0").setCrdsCtx("jwst_1241.pmap")
                        .setSteps(Map.of("S_JUMP", "COMPLETE")).setReferenceFiles(Map.of()).build())
                .build();
    }

    static SourceObject source(String name, ProductKind kind) {
        return SourceObject.newBuilder().setBucket("pixeldb-ingest").setKey("corrected/" + name + "_" + kind + ".fits")
                .setEtag(Integer.toHexString((name + kind).hashCode())).setSize(1000L).build();
    }

    static IngestEvent split(Exposure exposure, int chunkCount) {
        return IngestEvent.newBuilder().setSource(exposure.getSource()).setState(IngestState.SPLIT)
                .setExposure(exposure.getName()).setProduct(exposure.getProduct())
                .setProductChecksum(exposure.getProductChecksum()).setChunkCount(chunkCount).setAt(Instant.now()).build();
    }

    /** SCI of (integration i, row r, col c, group g); a few are NaN or -0.0. */
    static float sci(int i, int r, int c, int g) {
        if (r == 1 && c == 2 && g == 1) {
            return Float.NaN;
        }
        return i == 2 && r == 0 && c == 0 && g == 0 ? -0.0f : 1000.5f * i + 100 * r + 10 * c + g + 0.125f;
    }

    static long pixeldq(int r, int c) {
        return c == 0 ? 2_147_483_648L + 512 : (r == 1 && c == 1 ? 2048 : 0);
    }

    static int groupdq(int i, int r, int c, int g) {
        return r == 0 && c == 1 && g == 2 ? 4 : (g == 0 ? 1 : 0);
    }

    /** One chunk per integration, the whole block. */
    static CorrectedRampChunk ramps(String exposure, String checksum, int integration) {
        ByteBuffer sci = ByteBuffer.allocate(ROWS * COLS * NGROUPS * 4);
        ByteBuffer err = ByteBuffer.allocate(ROWS * COLS * NGROUPS * 4);
        ByteBuffer groupdq = ByteBuffer.allocate(ROWS * COLS * NGROUPS);
        ByteBuffer pixeldq = ByteBuffer.allocate(ROWS * COLS * 4);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                pixeldq.putInt((int) pixeldq(r, c));
                for (int g = 0; g < NGROUPS; g++) {
                    sci.putFloat(sci(integration, r, c, g));
                    err.putFloat(sci(integration, r, c, g) / 100);
                    groupdq.put((byte) groupdq(integration, r, c, g));
                }
            }
        }
        return CorrectedRampChunk.newBuilder().setExposure(exposure).setProductChecksum(checksum)
                .setIntegration(integration).setKind(RampKind.SCIENCE).setFirstRow(10).setRows(ROWS)
                .setFirstCol(20).setCols(COLS).setNgroups(NGROUPS).setChunkIndex(integration - 1).setChunkCount(NINTS)
                .setSci(sci.flip()).setErr(err.flip()).setGroupdq(groupdq.flip())
                .setPixeldq(integration == 1 ? pixeldq.flip() : null).build();
    }

    /** Slopes of one integration: sci = 10 i + r + c / 10. */
    static SlopeChunk slopes(String exposure, String checksum, int integration) {
        ByteBuffer[] values = new ByteBuffer[5];
        for (int n = 0; n < 5; n++) {
            values[n] = ByteBuffer.allocate(ROWS * COLS * 4);
        }
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                float slope = 10f * integration + r + c / 10f;
                values[0].putFloat(slope);
                values[1].putFloat(slope / 10);
                values[2].putInt((int) (pixeldq(r, c) | (r == 0 ? 4 : 0)));
                values[3].putFloat(slope / 100);
                values[4].putFloat(slope / 1000);
            }
        }
        return SlopeChunk.newBuilder().setExposure(exposure).setProduct(ProductKind.RATEINTS).setProductChecksum(checksum)
                .setIntegration(integration).setFirstRow(10).setRows(ROWS).setFirstCol(20).setCols(COLS)
                .setChunkIndex(integration - 1).setChunkCount(NINTS).setSci(values[0].flip()).setErr(values[1].flip())
                .setDq(values[2].flip()).setVarPoisson(values[3].flip()).setVarRnoise(values[4].flip()).build();
    }
}
